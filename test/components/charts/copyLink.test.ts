import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {viewSettings} from "../../../src/components/charts/copyLink.js";

// The button and its clipboard are DOM (checked in the browser suite, test/e2e/permalinks.e2e.ts and print.e2e.ts).
describe("copyLink: the printed line naming the view", () => {
  it("names each control and its value, in the page's order", () => {
    assert.equal(
      viewSettings([
        ["protocol", "corrected"],
        ["cohort", "SYUCC"],
        ["level", "patient"],
        ["ci", "delong"],
      ]),
      "protocol corrected · cohort SYUCC · level patient · ci delong",
    );
  });

  it("says so when the page has no remembered control yet", () => {
    assert.equal(viewSettings([]), "the page's defaults");
  });
});
