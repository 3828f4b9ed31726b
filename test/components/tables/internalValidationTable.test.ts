import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {OptimismProtocol} from "../../../src/components/optimism/optimismArtifact.js";
import {recalibrationEmax} from "../../../src/components/stats/logisticValidation.js";
import {ResponseMetricKeys} from "../../../src/components/stats/responseMetrics.js";
import {ValidationMetricKeys} from "../../../src/components/stats/validationMetrics.js";
import {
  internalValidationColumns,
  internalValidationRows,
} from "../../../src/components/tables/internalValidationTable.js";

const estimate = (apparent: number, optimism: number) => ({
  apparent,
  optimism,
  optimismSe: 0.01,
  corrected: apparent - optimism,
  replicates: 40,
});

const result: OptimismProtocol = {
  runId: "r1",
  patients: 100,
  seconds: 1,
  calibration: null,
  metrics: {
    ...Object.fromEntries([...ResponseMetricKeys, ...ValidationMetricKeys].map((k) => [k, estimate(0.5, 0.1)])),
    Intercept: estimate(0, 0.05),
    Slope: estimate(1, 0.2),
  } as OptimismProtocol["metrics"],
};

describe("internalValidationRows", () => {
  it("lists every validation index in rms's order, then Emax from the apparent and the corrected recalibration", () => {
    const rows = internalValidationRows(result);
    assert.deepEqual(
      rows.map((r) => r.index),
      [...ValidationMetricKeys, "Emax"],
    );
    const emax = rows.at(-1);
    assert.ok(Math.abs(emax?.apparent as number) < 1e-15, "intercept 0 and slope 1: no error");
    assert.equal(emax?.corrected, recalibrationEmax(-0.05, 0.8));
    assert.equal(emax?.optimism, null);
  });

  it("shows the optimism with its Monte Carlo SE, and the raw values in data-value", () => {
    const slope = internalValidationRows(result).find((r) => r.index === "Slope") as Record<string, unknown>;
    const optimism = internalValidationColumns.find((c) => c.key === "optimism");
    assert.equal(optimism?.format?.(slope), "0.200 ± 0.010");
    assert.deepEqual(optimism?.attributes?.(slope), {"data-value": 0.2});
  });
});
