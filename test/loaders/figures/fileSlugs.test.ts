import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {fileSlugs} from "../../../loaders/figures/fileSlugs.js";
import {idHash} from "../../../loaders/output/safeName.js";

describe("fileSlugs", () => {
  it("gives each cohort a readable slug, and a hash to those whose slugs agree", () => {
    const slug = fileSlugs(["NFH", "A/B", "A_B", "../etc"]);
    assert.equal(slug("NFH"), "NFH");
    assert.equal(slug("A/B"), `A_B-${idHash("A/B")}`);
    assert.equal(slug("A_B"), `A_B-${idHash("A_B")}`);
    assert.equal(slug("../etc"), "etc");
  });
});
