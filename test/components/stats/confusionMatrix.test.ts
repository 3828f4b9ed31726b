import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {binaryMetrics} from "../../../src/components/stats/binaryMetrics.js";
import {
  accuracy,
  argmax,
  balancedAccuracy,
  cohenKappa,
  confusionMatrix,
} from "../../../src/components/stats/confusionMatrix.js";
import {wilsonInterval} from "../../../src/components/stats/wilson.js";
import {assertClose, golden} from "./golden.js";

const labels = ["CR", "PR", "SD", "PD"];

describe("confusionMatrix(labels, truth, probabilities)", () => {
  it("puts truth in rows and argmax in columns", () => {
    const cm = confusionMatrix(
      labels,
      [0, 1, 2, 3, 3],
      [
        [0.7, 0.1, 0.1, 0.1],
        [0.1, 0.2, 0.6, 0.1],
        [0.1, 0.1, 0.7, 0.1],
        [0.1, 0.1, 0.1, 0.7],
        [0.4, 0.1, 0.1, 0.4],
      ],
    );
    assert.deepEqual(cm.counts, [
      [1, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 1, 0],
      [1, 0, 0, 1],
    ]);
    assert.equal(accuracy(cm), 3 / 5);
    assert.equal(balancedAccuracy(cm), (1 + 0 + 1 + 0.5) / 4);
  });
  it("breaks argmax ties toward the first class", () => {
    assert.equal(argmax([0.25, 0.25, 0.25, 0.25]), 0);
    assert.equal(argmax([0.1, 0.45, 0.45, 0]), 1);
    assert.throws(() => argmax([]), RangeError);
    assert.throws(() => argmax([0.1, Number.NaN]), /probabilities\[1\]/);
  });
  it("empty input gives a zero matrix and null accuracy/kappa", () => {
    const cm = confusionMatrix(labels, [], []);
    assert.equal(accuracy(cm), null);
    assert.equal(balancedAccuracy(cm), null);
    assert.equal(cohenKappa(cm), null);
  });
  it("throws on out-of-range truth or wrong vector length", () => {
    assert.throws(() => confusionMatrix(labels, [4], [[1, 0, 0, 0]]), /truth\[0\]/);
    assert.throws(() => confusionMatrix(labels, [0], [[1, 0, 0]]), /probabilities\[0\]/);
  });
  it("property: cells sum to n", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({min: 0, max: 3}), fc.array(fc.integer({min: 0, max: 5}), {minLength: 4, maxLength: 4})),
        ),
        (rows) => {
          const cm = confusionMatrix(
            labels,
            rows.map(([t]) => t),
            rows.map(([, p]) => p),
          );
          assert.equal(
            cm.counts.flat().reduce((a, b) => a + b, 0),
            rows.length,
          );
        },
      ),
      {seed: 20200105, numRuns: 200},
    );
  });
});

describe("cohenKappa(cm, weighting)", () => {
  const cm = {labels, counts: golden.kappa.confusion as number[][]};
  it("matches the R formula for unweighted, linear and quadratic weights to 1e-12 (golden)", () => {
    assertClose(cohenKappa(cm, "none") as number, golden.kappa.unweighted, 1e-12);
    assertClose(cohenKappa(cm, "linear") as number, golden.kappa.linear, 1e-12);
    assertClose(cohenKappa(cm, "quadratic") as number, golden.kappa.quadratic, 1e-12);
  });
  it("is null when both raters use a single class (p_e = 1)", () => {
    assert.equal(
      cohenKappa({
        labels,
        counts: [
          [5, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
      }),
      null,
    );
  });
});

describe("wilsonInterval(x, n) and binaryMetrics(cm, class)", () => {
  it("matches R prop.test(x, n, correct = FALSE)$conf.int to 1e-9 (golden)", () => {
    const w = golden.wilson;
    w.x.forEach((x: number, i: number) => {
      const ci = wilsonInterval(x, w.n[i]);
      assert.ok(ci);
      assertClose(ci[0], w.lower[i], 1e-9, 1e-15);
      assertClose(ci[1], w.upper[i], 1e-9, 1e-15);
    });
  });
  it("n = 0 → null; invalid counts → RangeError", () => {
    assert.equal(wilsonInterval(0, 0), null);
    assert.throws(() => wilsonInterval(3, 2), RangeError);
  });
  it("computes one-vs-rest TP/FP/TN/FN and proportions", () => {
    const cm = {labels, counts: golden.kappa.confusion as number[][]};
    const m = binaryMetrics(cm, 1);
    assert.deepEqual([m.tp, m.fn, m.fp], [25, 12, 13]);
    assert.equal(m.tp + m.fp + m.tn + m.fn, 133);
    assert.equal(m.sensitivity.value, 25 / 37);
    assert.equal(m.ppv.value, 25 / 38);
    const empty = binaryMetrics(
      {
        labels,
        counts: [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 1],
        ],
      },
      0,
    );
    assert.deepEqual([empty.sensitivity.value, empty.sensitivity.ci], [null, null]);
  });
});
