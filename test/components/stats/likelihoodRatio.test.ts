import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {applyDesign, learnDesign, type PredictorSpec} from "../../../src/components/stats/designMatrix.js";
import {likelihoodRatioTest} from "../../../src/components/stats/likelihoodRatio.js";
import {fitMultinomial} from "../../../src/components/stats/multinomialLogistic.js";
import {beyond} from "./beyondGolden.js";
import {assertClose} from "./golden.js";

const g = beyond.multinomial;
const classes = ["CR", "PR", "SD", "PD"];
function fit(specs: PredictorSpec[]) {
  const records = (g.data.age as number[]).map((_, i) =>
    Object.fromEntries(specs.map((s) => [s.name, g.data[s.name][i]])),
  );
  const x = applyDesign(learnDesign(records, specs), records).rows;
  return fitMultinomial(
    x,
    (g.data.y as string[]).map((c) => classes.indexOf(c)),
    4,
  );
}
const reducedSpecs: PredictorSpec[] = [
  {name: "age", type: "number"},
  {name: "log_afp", type: "number"},
  {name: "sex", type: "category", levels: ["F", "M"]},
  {name: "child_pugh", type: "category", levels: ["A", "B"]},
  {name: "number", type: "category", levels: ["1", "2-3", ">3"]},
];

describe("likelihoodRatioTest (golden: anova(multinom, multinom))", () => {
  it("statistic, df and p match R for dropping tumour size", () => {
    const full = fit([...reducedSpecs.slice(0, 2), {name: "size", type: "number"}, ...reducedSpecs.slice(2)]);
    const t = likelihoodRatioTest(fit(reducedSpecs), full);
    assertClose(t.statistic, g.lrt.statistic, 1e-7);
    assert.equal(t.df, g.lrt.df);
    assertClose(t.p, g.lrt.p, 1e-6);
  });
  it("refuses penalised fits and models that are not larger", () => {
    assert.throws(
      () => likelihoodRatioTest({logLikelihood: -10, parameters: 3}, {logLikelihood: -9, parameters: 3}),
      /more parameters/,
    );
    assert.throws(
      () => likelihoodRatioTest({logLikelihood: -10, parameters: 3}, {logLikelihood: -9, parameters: 6, lambda: 1}),
      /penalised/,
    );
  });
  it("a rounding-negative statistic is 0 with p = 1", () => {
    assert.deepEqual(
      likelihoodRatioTest({logLikelihood: -10, parameters: 3}, {logLikelihood: -10 - 1e-12, parameters: 4}),
      {statistic: 0, df: 1, p: 1},
    );
  });
});
