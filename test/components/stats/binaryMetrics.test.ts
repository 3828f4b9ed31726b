import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {binaryMetrics, metricsFromCounts, proportion} from "../../../src/components/stats/binaryMetrics.js";
import {wilsonInterval} from "../../../src/components/stats/wilson.js";

describe("proportion(x, n)", () => {
  it("x/n with its Wilson interval; n = 0 gives value and ci null", () => {
    assert.deepEqual(proportion(3, 4), {value: 0.75, x: 3, n: 4, ci: wilsonInterval(3, 4)});
    assert.deepEqual(proportion(0, 0), {value: null, x: 0, n: 0, ci: null});
  });
});

describe("metricsFromCounts(tp, fp, tn, fn)", () => {
  it("by hand: tp 8, fp 2, tn 18, fn 2 → sensitivity 8/10, specificity 18/20, PPV 8/10, NPV 18/20", () => {
    const m = metricsFromCounts(8, 2, 18, 2);
    assert.deepEqual([m.sensitivity.value, m.specificity.value, m.ppv.value, m.npv.value], [0.8, 0.9, 0.8, 0.9]);
    assert.deepEqual([m.sensitivity.n, m.specificity.n, m.ppv.n, m.npv.n], [10, 20, 10, 20]);
    assert.deepEqual(m.specificity.ci, wilsonInterval(18, 20));
    assert.deepEqual(metricsFromCounts(8, 2, 18, 2, 0.9).npv.ci, wilsonInterval(18, 20, 0.9));
  });
  it("a zero denominator gives null, not NaN", () => {
    const m = metricsFromCounts(0, 0, 5, 0);
    assert.equal(m.sensitivity.value, null);
    assert.equal(m.ppv.value, null);
    assert.equal(m.specificity.value, 1);
  });
});

describe("binaryMetrics(cm, classIndex)", () => {
  // rows true, columns predicted
  const cm = {
    labels: ["CR", "PR", "SD"],
    counts: [
      [5, 1, 0],
      [2, 6, 1],
      [0, 3, 7],
    ],
  };
  it("one-vs-rest cells by hand: for PR, tp 6, fn 2 + 1, fp 1 + 3, tn 5 + 0 + 0 + 7", () => {
    const m = binaryMetrics(cm, 1);
    assert.deepEqual([m.tp, m.fn, m.fp, m.tn], [6, 3, 4, 12]);
    assert.equal(m.sensitivity.value, 6 / 9);
    assert.equal(m.ppv.value, 6 / 10);
  });
  it("refuses a class index outside the labels", () => {
    assert.throws(() => binaryMetrics(cm, 3), /classIndex must be in \[0, 3\), not 3/);
    assert.throws(() => binaryMetrics(cm, 0.5), RangeError);
  });
  it("the four cells of every class partition the matrix total (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(20), {minLength: 4, maxLength: 4}), {minLength: 4, maxLength: 4}),
        (counts) => {
          const total = counts.flat().reduce((a, b) => a + b, 0);
          const m4 = {labels: ["CR", "PR", "SD", "PD"], counts};
          for (let c = 0; c < 4; c++) {
            const m = binaryMetrics(m4, c);
            assert.equal(m.tp + m.fp + m.tn + m.fn, total);
            assert.equal(m.tp, counts[c]![c]);
          }
        },
      ),
      {seed: 20200212, numRuns: 100},
    );
  });
});
