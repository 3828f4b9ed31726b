// Snapshot tests of the smaller spec builders: score distribution, decision curve, calibration.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {biasCorrectedCalibrationSpec} from "../../../src/components/specs/biasCorrectedCalibrationSpec.js";
import {calibrationSpec} from "../../../src/components/specs/calibrationSpec.js";
import {decisionCurveSpec} from "../../../src/components/specs/decisionCurveSpec.js";
import {deltaNetBenefitSpec} from "../../../src/components/specs/deltaNetBenefitSpec.js";
import {forestSpec} from "../../../src/components/specs/forestSpec.js";
import {loessCalibrationSpec} from "../../../src/components/specs/loessCalibrationSpec.js";
import {nominalCalibrationSpec} from "../../../src/components/specs/nominalCalibrationSpec.js";
import {scoreDistributionSpec} from "../../../src/components/specs/scoreDistributionSpec.js";
import {assertCompiles, assertPlainJson, deepFreeze, matchSnapshot} from "./snapshot.js";

describe("scoreDistributionSpec(groups)", () => {
  it("matches its snapshot, is plain JSON, compiles, keeps every value with a deterministic jitter", () => {
    const groups = deepFreeze([
      {group: "Responders", color: "#0072B2", scores: [0.9, 0.8, 0.7]},
      {group: "Non-responders", color: "#D55E00", scores: Float64Array.from([0.2, 0.4])},
    ]);
    const spec = scoreDistributionSpec(groups);
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("scoreDistributionSpec", spec);
    const values = (spec as unknown as {data: {values: Array<{score: number; jitter: number}>}}).data.values;
    assert.deepEqual(
      values.map((v) => v.score),
      [0.9, 0.8, 0.7, 0.2, 0.4],
    );
    assert.ok(values.every((v) => v.jitter >= -0.5 && v.jitter < 0.5));
    assert.deepEqual(scoreDistributionSpec(groups), spec);
    assert.deepEqual(Array.from(groups[1]?.scores ?? []), [0.2, 0.4]);
  });
});

describe("decisionCurveSpec(points)", () => {
  const points = deepFreeze(
    [0.1, 0.5, 0.9].map((threshold) => ({
      threshold,
      netBenefit: 0.4 - threshold / 3,
      treatAll: 0.5 - threshold,
      treatNone: 0,
      interventionsAvoided: threshold * 30,
      ci: [0.3 - threshold / 3, 0.5 - threshold / 3] as [number, number],
    })),
  );
  it("matches its snapshot, is plain JSON, compiles, and draws the band only when points carry a CI", () => {
    const spec = decisionCurveSpec(points, {modelLabel: "P(CR) + P(PR)"});
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("decisionCurveSpec", spec);
    assert.ok(JSON.stringify(spec).includes('"area"'));
    const noBand = decisionCurveSpec(points.map(({ci: _ci, ...p}) => p));
    assert.ok(!JSON.stringify(noBand).includes('"area"'));
  });
});

describe("calibrationSpec(bins)", () => {
  it("matches its snapshot, is plain JSON and compiles", () => {
    const bins = deepFreeze([
      {lo: 0, hi: 0.1, n: 3, meanPredicted: 0.05, observed: 0},
      {lo: 0.5, hi: 0.6, n: 10, meanPredicted: 0.55, observed: 0.6},
    ]);
    const spec = calibrationSpec(bins);
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("calibrationSpec", spec);
  });
});

describe("forestSpec, deltaNetBenefitSpec, loessCalibrationSpec: plain, compiling specs that match their snapshots", () => {
  it("forestSpec: centres and the pooled diamond with its prediction interval, and a reference line", () => {
    const spec = forestSpec(
      deepFreeze([
        {label: "A", estimate: 0.7, lower: 0.6, upper: 0.8, pooled: false},
        {label: "B", estimate: null, lower: null, upper: null, pooled: false},
        {label: "Pooled (RE)", estimate: 0.72, lower: 0.65, upper: 0.79, pooled: true, piLower: 0.4, piUpper: 0.92},
      ]),
      {title: "Objective-response AUC", reference: 0.5},
    );
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("forestSpec", spec);
  });

  it("deltaNetBenefitSpec: one curve per comparison with its band", () => {
    const spec = deltaNetBenefitSpec(
      deepFreeze([
        {
          comparison: "image − clinical",
          points: [
            {threshold: 0.2, difference: 0.01, ci: [-0.02, 0.04] as const},
            {threshold: 0.4, difference: 0.03},
          ],
        },
      ]),
    );
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("deltaNetBenefitSpec", spec);
  });

  it("loessCalibrationSpec: the smoothed curve, its band where there is one, and the diagonal", () => {
    const spec = loessCalibrationSpec(
      deepFreeze([
        {p: 0.1, observed: 0.12, lo: 0.05, hi: 0.2},
        {p: 0.5, observed: 0.45, lo: null, hi: null},
      ]),
    );
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("loessCalibrationSpec", spec);
  });
});

describe("biasCorrectedCalibrationSpec(calibration)", () => {
  it("matches its snapshot, compiles, and draws only the grid points a curve has", () => {
    const calibration = deepFreeze({
      predy: [0.1, 0.5, 0.9],
      apparent: [0.12, 0.5, null],
      corrected: [0.15, 0.48, 0.8],
      optimismSe: [0.01, 0.01, null],
      replicates: [40, 40, 0],
      meanAbsoluteError: 0.03,
      quantile90AbsoluteError: 0.06,
    });
    const spec = biasCorrectedCalibrationSpec(calibration, {size: 200});
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("biasCorrectedCalibrationSpec", spec);
    const values = (spec as unknown as {layer: Array<{data: {values: Array<{curve?: string}>}}>}).layer[1]!.data.values;
    assert.equal(values.filter((v) => v.curve === "apparent").length, 2);
    assert.equal(values.filter((v) => v.curve === "bias-corrected").length, 3);
  });
});

describe("nominalCalibrationSpec(points, classes)", () => {
  it("matches its snapshot, compiles, one line per class", () => {
    const points = deepFreeze([
      {predicted: [0.1, 0.2, 0.3, 0.4], recalibrated: [0.15, 0.2, 0.3, 0.35]},
      {predicted: [0.4, 0.3, 0.2, 0.1], recalibrated: [0.35, 0.3, 0.2, 0.15]},
    ]);
    const spec = nominalCalibrationSpec(points, ["CR", "PR", "SD", "PD"], {size: 200});
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("nominalCalibrationSpec", spec);
    const values = (spec as unknown as {layer: Array<{data: {values: Array<{class?: string}>}}>}).layer[1]!.data.values;
    assert.deepEqual([...new Set(values.map((v) => v.class))], ["CR", "PR", "SD", "PD"]);
  });
});
