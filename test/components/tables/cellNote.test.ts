import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {footnoteLines, naNote} from "../../../src/components/tables/cellNote.js";
import {estimateFlags} from "../../../src/components/tables/estimateFlags.js";

describe("cell notes: n/a reasons and the footnote lines under a table", () => {
  it("an n/a reason is its own tooltip and footnote, without a mark", () => {
    assert.deepEqual(naNote("the fit did not converge"), {
      mark: "",
      title: "n/a: the fit did not converge",
      footnote: "n/a: the fit did not converge",
    });
  });
  it("lists each distinct line once, marked lines with their mark, in order of first appearance", () => {
    const lines = footnoteLines([
      ...estimateFlags({n: 3}),
      naNote("no responder in the cohort"),
      ...estimateFlags({n: 5}),
      naNote("no responder in the cohort"),
      ...estimateFlags({ci: [1, 1]}),
    ]);
    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? "", /^† from fewer than 10 patients/);
    assert.equal(lines[1], "n/a: no responder in the cohort");
    assert.match(lines[2] ?? "", /^‡ an interval of zero width/);
  });
});
