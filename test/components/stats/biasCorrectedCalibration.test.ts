import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {
  biasCorrectedCalibration,
  CalibrateGridPoints,
  calibrateGrid,
  calibrateKey,
  calibrationAtGrid,
} from "../../../src/components/stats/biasCorrectedCalibration.js";
import {harrellOptimism} from "../../../src/components/stats/optimism.js";

// rms 6.5.0 calibrate(lrm(...), B = 40): its grid (predy) and apparent curve (calibrated.orig), which depend only
// on the predictions and outcomes: test/golden/make-calibrate-golden.R.
const golden = (
  JSON.parse(readFileSync(new URL("../../golden/calibrate.json", import.meta.url), "utf8")) as {
    calibrate: {predicted: number[]; y: number[]; predy: number[]; calibratedOrig: Array<number | null>};
  }
).calibrate;

describe("biasCorrectedCalibration (rms::calibrate)", () => {
  it("the grid and the apparent curve equal rms::calibrate's", () => {
    const grid = calibrateGrid(golden.predicted);
    assert.equal(grid.length, CalibrateGridPoints);
    for (const [i, v] of grid.entries()) assert.ok(Math.abs(v - golden.predy[i]!) < 1e-12, `predy[${i}]`);
    const curve = calibrationAtGrid(golden.predicted, golden.y, grid);
    curve.forEach((v, i) => {
      const r = golden.calibratedOrig[i];
      if (r === null || r === undefined) assert.equal(v, null);
      else assert.ok(v !== null && Math.abs(v - r) < 1e-10, `calibrated.orig[${i}]: ${v} vs ${r}`);
    });
  });

  it("assembles apparent − optimism per grid point; a model scored on its own data has no optimism", () => {
    const grid = calibrateGrid(golden.predicted);
    const n = golden.predicted.length;
    const keys = grid.map((_, i) => calibrateKey(i));
    // A "refit" that returns the same predictions every time: apparent and test curves agree in expectation only,
    // so check the assembly arithmetic rather than zero: corrected = apparent − optimism, point by point.
    const estimates = harrellOptimism({
      units: n,
      fit: () => golden.predicted,
      score: (p, units) => {
        const curve = calibrationAtGrid(
          units.map((u) => p[u]!),
          units.map((u) => golden.y[u]!),
          grid,
        );
        return Object.fromEntries(keys.map((k, i) => [k, curve[i] === null ? null : curve[i]! - grid[i]!]));
      },
      metrics: keys,
      replicates: 5,
      seed: 3,
    });
    const result = biasCorrectedCalibration(grid, estimates, golden.predicted);
    result.predy.forEach((p, i) => {
      const e = estimates[calibrateKey(i)]!;
      if (e.corrected === null) assert.equal(result.corrected[i], null);
      else assert.ok(Math.abs(result.corrected[i]! - (e.corrected + p)) < 1e-15);
    });
    assert.ok(result.meanAbsoluteError !== null && result.meanAbsoluteError >= 0);
    assert.ok(result.quantile90AbsoluteError! >= result.meanAbsoluteError! * 0.5);
  });

  it("needs more than 10 predictions, as rms", () => {
    assert.throws(() => calibrateGrid([0.1, 0.2]), /more than 10/);
  });
});
