import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {decisionCurve} from "../../../src/components/stats/decisionCurve.js";
import {
  DecisionTableThresholds,
  decisionTableColumns,
  decisionTableRows,
} from "../../../src/components/tables/decisionTable.js";

const point = (threshold: number) => ({
  threshold,
  netBenefit: 0.1,
  treatAll: 0.05,
  treatNone: 0,
  interventionsAvoided: 12.34,
});

describe("decisionTableRows(curve) / decisionTableColumns(ciLevel)", () => {
  it("picks the listed thresholds from a curve computed by steps, in order, skipping absent ones", () => {
    const curve = Array.from({length: 99}, (_, i) => point(0.01 + i * 0.01)); // 0.01 + 29·0.01 ≠ 0.3 exactly
    assert.deepEqual(
      decisionTableRows(curve).map((p) => p.threshold.toFixed(2)),
      DecisionTableThresholds.map((t) => t.toFixed(2)),
    );
    assert.deepEqual(
      decisionTableRows(curve.slice(0, 35)).map((p) => p.threshold.toFixed(2)),
      ["0.20", "0.30"],
    );
  });

  it("takes the points of a real decision curve", () => {
    const y = [1, 0, 1, 0, 1, 1, 0, 0, 1, 0];
    const p = [0.9, 0.2, 0.6, 0.4, 0.7, 0.3, 0.35, 0.1, 0.55, 0.45];
    const curve = decisionCurve(y, p, {thresholds: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]});
    assert.equal(decisionTableRows(curve).length, 5);
  });

  it("formats the band to 4 decimals with a dash when there is none, and names its level", () => {
    const columns = decisionTableColumns(0.95);
    const band = columns.find((c) => c.key === "ci");
    assert.equal(band?.label, "95% band");
    assert.equal(band?.format?.({...point(0.2), ci: [0.01, 0.123456]}), "[0.0100, 0.1235]");
    assert.equal(band?.format?.(point(0.2)), "–");
    assert.equal(columns.find((c) => c.key === "interventionsAvoided")?.format?.(point(0.2)), "12.3");
    assert.equal(columns.find((c) => c.key === "threshold")?.format?.(point(0.2)), "0.20");
  });
});
