import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {wilsonInterval} from "../../../src/components/stats/wilson.js";
import {confusionTable} from "../../../src/components/tables/confusionTable.js";

describe("confusionTable(labels, counts, ciLevel)", () => {
  const counts = Object.freeze([Object.freeze([3, 1]), Object.freeze([0, 0])]);
  const t = confusionTable(["R", "N"], counts, 0.95);

  it("gives counts with row % and column %, margins and the accuracy", () => {
    assert.deepEqual(t.cells[0]?.[0], {
      truth: "R",
      predicted: "R",
      count: 3,
      rowPercent: 75,
      colPercent: 100,
      diagonal: true,
    });
    assert.deepEqual(t.cells[0]?.[1], {
      truth: "R",
      predicted: "N",
      count: 1,
      rowPercent: 25,
      colPercent: 100,
      diagonal: false,
    });
    assert.equal(t.cells[1]?.[0]?.rowPercent, null); // empty row
    assert.deepEqual([t.rowTotals, t.colTotals, t.n, t.correct, t.accuracy], [[4, 0], [3, 1], 4, 3, 0.75]);
  });

  it("gives the accuracy a Wilson interval (24/40; Wilson score formula with z = 1.959964 worked by hand: 0.445959 0.736517)", () => {
    const u = confusionTable(
      ["a", "b"],
      [
        [12, 8],
        [8, 12],
      ],
      0.95,
    );
    assert.ok(u.accuracyCi);
    assert.ok(Math.abs(u.accuracyCi[0] - 0.445959) < 1e-6 && Math.abs(u.accuracyCi[1] - 0.736517) < 1e-6);
  });

  it("handles an empty matrix (accuracy and CI null) and rejects a malformed one with expected vs got", () => {
    const e = confusionTable(["a"], [[0]], 0.95);
    assert.deepEqual([e.n, e.accuracy, e.accuracyCi], [0, null, null]);
    assert.throws(() => confusionTable(["a", "b"], [[1, 2]], 0.95), /must have 2 rows \(one per label\), got 1/);
    assert.throws(() => confusionTable(["a"], [[1.5]], 0.95), /cell \[0\]\[0\] must be a count, got 1.5/);
  });

  it("computes the accuracy interval at the level it is given and records that level for the view's label", () => {
    const square = [
      [12, 8],
      [8, 12],
    ];
    const ninety = confusionTable(["a", "b"], square, 0.9);
    assert.equal(ninety.ciLevel, 0.9);
    assert.deepEqual(ninety.accuracyCi, wilsonInterval(24, 40, 0.9));
    const wide = confusionTable(["a", "b"], square, 0.95).accuracyCi;
    assert.ok(wide && ninety.accuracyCi && ninety.accuracyCi[0] > wide[0] && ninety.accuracyCi[1] < wide[1]);
  });
});
