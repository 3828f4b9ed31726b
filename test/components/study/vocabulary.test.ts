import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {labelIndex, ResponseLabels} from "../../../src/components/study/vocabulary.js";

describe("labelIndex", () => {
  it("maps CR, PR, SD, PD to 0…3, the order of every model's and statistic's classes", () => {
    assert.deepEqual(
      ResponseLabels.map((l) => labelIndex(l, "x")),
      [0, 1, 2, 3],
    );
  });

  it("refuses anything else by row instead of a silent −1 class", () => {
    assert.throws(() => labelIndex("cr", "patient A7"), /patient A7: expected a label in CR\|PR\|SD\|PD, got cr/);
    assert.throws(() => labelIndex("", "rows[3]"), /rows\[3\]: expected a label/);
  });
});
