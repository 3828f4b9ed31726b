import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {applyDesign, learnDesign, type PredictorSpec} from "../../../src/components/stats/designMatrix.js";
import {fitMultinomial, predictMultinomial} from "../../../src/components/stats/multinomialLogistic.js";
import {createRng} from "../../../src/components/stats/random.js";
import {beyond, maxAbsDiff} from "./beyondGolden.js";
import {assertClose} from "./golden.js";

const g = beyond.multinomial;
const specs: PredictorSpec[] = [
  {name: "age", type: "number"},
  {name: "log_afp", type: "number"},
  {name: "size", type: "number"},
  {name: "sex", type: "category", levels: ["F", "M"]},
  {name: "child_pugh", type: "category", levels: ["A", "B"]},
  {name: "number", type: "category", levels: ["1", "2-3", ">3"]},
];
const classes = ["CR", "PR", "SD", "PD"];
const records = (d: Record<string, unknown[]>) =>
  (d.age as number[]).map((_, i) => Object.fromEntries(specs.map((s) => [s.name, d[s.name]?.[i] as number | string])));
const train = records(g.data);
const y = (g.data.y as string[]).map((c) => classes.indexOf(c));
const encoder = learnDesign(train, specs);
const x = applyDesign(encoder, train).rows;

describe("fitMultinomial (golden: nnet::multinom and glm)", () => {
  it("the design's columns are R's model.matrix columns", () => {
    assert.deepEqual(["(Intercept)", ...encoder.columns], g.full.columns);
  });
  it("λ = 0 matches multinom coefficients to 1e-6 and its log-likelihood to 1e-8", () => {
    const fit = fitMultinomial(x, y, 4);
    assert.ok(fit.converged);
    assert.ok(
      maxAbsDiff(fit.coefficients, g.full.coefficients) < 1e-6,
      `${maxAbsDiff(fit.coefficients, g.full.coefficients)}`,
    );
    assertClose(fit.logLikelihood, g.full.logLik, 1e-10);
    assertClose(fit.deviance, g.full.deviance, 1e-10);
    assert.equal(fit.parameters, 24);
    assert.deepEqual(
      fit.classCounts.reduce((a, b) => a + b, 0),
      180,
    );
  });
  it("fitted and external-cohort probabilities match multinom's fitted() and predict(type = 'probs') to 1e-7", () => {
    const fit = fitMultinomial(x, y, 4);
    assert.ok(maxAbsDiff(predictMultinomial(fit, x.slice(0, 10)), g.full.fitted) < 1e-7);
    const ext = applyDesign(encoder, records(g.external)).rows;
    assert.ok(maxAbsDiff(predictMultinomial(fit, ext), g.full.externalProbs) < 1e-7);
  });
  it("ridge with the intercepts penalised matches multinom(decay = 2) (λ = 2·decay) to 1e-6", () => {
    const fit = fitMultinomial(x, y, 4, {lambda: g.ridgeAll.lambda, penalizeIntercept: true});
    assert.ok(maxAbsDiff(fit.coefficients, g.ridgeAll.coefficients) < 1e-6);
    // nnet's logLik() of a decay fit is minus its penalised objective (`value`), not the plain log-likelihood.
    assertClose(fit.objective, g.ridgeAll.value, 1e-9);
    assert.ok(fit.logLikelihood > -fit.objective);
  });
  it("ridge on the slopes only matches an independent Newton in R to 1e-8", () => {
    const fit = fitMultinomial(x, y, 4, {lambda: g.ridgeSlopes.lambda});
    assert.ok(maxAbsDiff(fit.coefficients, g.ridgeSlopes.coefficients) < 1e-8);
    assertClose(fit.logLikelihood, g.ridgeSlopes.logLik, 1e-10);
  });
  it("two classes are binary logistic regression: glm(binomial) coefficients and deviance to 1e-8", () => {
    const b = beyond.binaryLogistic;
    const fit = fitMultinomial(x, b.outcome, 2);
    assert.ok(maxAbsDiff(fit.coefficients[0] as number[], b.coefficients) < 1e-8);
    assertClose(fit.deviance, b.deviance, 1e-10);
    const nullFit = fitMultinomial(
      x.map(() => []),
      b.outcome,
      2,
    );
    assertClose(nullFit.deviance, b.nullDeviance, 1e-10);
  });
});

describe("fitMultinomial: behaviour", () => {
  it("the penalised score is zero at the optimum (KKT) for random data and penalties (property)", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1e6}), fc.double({min: 0.01, max: 20, noNaN: true}), (seed, lambda) => {
        const rng = createRng(seed);
        const n = 60;
        const xs = Array.from({length: n}, () => [rng.normal(), rng.normal() * 3]);
        const ys = xs.map((r) => ((r[0] as number) + rng.normal() > 0 ? 2 : rng.int(2)));
        if (new Set(ys).size < 3) return;
        const fit = fitMultinomial(xs, ys, 3, {lambda});
        const probs = predictMultinomial(fit, xs);
        for (let k = 1; k < 3; k++) {
          for (let j = 0; j < 3; j++) {
            let score = 0;
            xs.forEach((r, i) => {
              const xj = j === 0 ? 1 : (r[j - 1] as number);
              score += ((ys[i] === k ? 1 : 0) - ((probs[i] as number[])[k] as number)) * xj;
            });
            const beta = (fit.coefficients[k - 1] as number[])[j] as number;
            assert.ok(Math.abs(score - (j === 0 ? 0 : lambda * beta)) < 1e-7, `k=${k} j=${j} score ${score}`);
          }
        }
      }),
      {seed: 14, numRuns: 25},
    );
  });
  it("probabilities sum to one and a larger penalty shrinks the slopes", () => {
    const small = fitMultinomial(x, y, 4, {lambda: 1});
    const large = fitMultinomial(x, y, 4, {lambda: 100});
    const norm = (c: number[][]) => c.reduce((a, r) => a + r.slice(1).reduce((s, v) => s + v * v, 0), 0);
    assert.ok(norm(large.coefficients) < norm(small.coefficients));
    for (const row of predictMultinomial(small, x))
      assertClose(
        row.reduce((a, b) => a + b, 0),
        1,
        1e-14,
      );
  });
  it("separation without a penalty is refused or flagged; a ridge penalty gives a finite fit", () => {
    const xs = [[-2], [-1], [1], [2]];
    const ys = [0, 0, 1, 1];
    let flagged = false;
    try {
      flagged = !fitMultinomial(xs, ys, 2).converged;
    } catch (e) {
      flagged = /singular|separated/.test(String(e));
    }
    assert.ok(flagged);
    const ridge = fitMultinomial(xs, ys, 2, {lambda: 1});
    assert.ok(ridge.converged && Number.isFinite((ridge.coefficients[0] as number[])[1] as number));
  });
  it("bad input: a NaN predictor, a class out of range, an empty class, a collinear column", () => {
    assert.throws(() => fitMultinomial([[1], [Number.NaN]], [0, 1], 2), /x\[1\]\[0\]/);
    assert.throws(() => fitMultinomial([[1], [2]], [0, 2], 2), /y\[1\]/);
    assert.throws(() => fitMultinomial([[1], [2]], [0, 0], 2), /class 1 has no observation/);
    assert.throws(
      () =>
        fitMultinomial(
          [
            [1, 2],
            [2, 4],
            [3, 6],
            [4, 8],
            [5, 10],
          ],
          [0, 1, 0, 1, 1],
          2,
        ),
      /singular/,
    );
  });
});
