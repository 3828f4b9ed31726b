import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {centreMetrics} from "../../../src/components/acrossCentres/centreMetrics.js";
import {PooledMetrics, poolCentres} from "../../../src/components/acrossCentres/poolCentres.js";
import type {AcrossCentresArtifact} from "../../../src/components/analysis/analysisArtifacts.js";
import {formatInterval} from "../../../src/components/format/formatStat.js";
import type {PatientPrediction} from "../../../src/components/stats/patientPrediction.js";
import {createRng} from "../../../src/components/stats/random.js";
import {
  centreColumns,
  centreRows,
  PooledMetricNames,
  pooledColumns,
  pooledRows,
} from "../../../src/components/tables/acrossCentresTables.js";

function patients(n: number, seed: number): PatientPrediction[] {
  const rng = createRng(seed);
  return Array.from({length: n}, (_, i) => {
    const label = i % 4;
    const e = [0, 1, 2, 3].map((k) => Math.exp((k === label ? 1 : 0) + rng.normal()));
    const s = e.reduce((a, b) => a + b, 0);
    return {label, probabilities: e.map((v) => v / s)};
  });
}

function artifact(names: string[], ciLevel: number): AcrossCentresArtifact {
  const centres = names.map((c, i) => centreMetrics(c, patients(40 + 4 * i, 10 + i), ciLevel));
  return {
    synthetic: true,
    protocol: "corrected",
    runId: "run",
    dataHash: "hash",
    seed: 1,
    replicates: 10,
    ciLevel,
    aggregation: "mean",
    classes: ["CR", "PR", "SD", "PD"],
    trainingCohort: names[0] as string,
    acrossCentres: {
      scheme: "leave one centre out",
      variants: "identity",
      centres,
      pooled: PooledMetrics.map((m) => poolCentres(centres, m, ciLevel)),
    },
  };
}

describe("Across centres tables", () => {
  const three = artifact(["A", "B", "C"], 0.9);

  it("headers name the artifact's ciLevel, never a fixed 95%", () => {
    const labels = [...centreColumns(0.9), ...pooledColumns(0.9)].map((c) => c.label).join(" | ");
    assert.match(labels, /Pooled \(90% CI, Wald\)/);
    assert.match(labels, /90% CI, HKSJ/);
    assert.match(labels, /90% prediction interval/);
    assert.match(labels, /τ² 90% CI \(Q-profile\)/);
    assert.match(labels, /Calibration-in-the-large \(90% CI\)/);
    assert.doesNotMatch(labels, /95%/);
  });

  it("centre rows: one per centre, then the pooled row with calibration-in-the-large beside the slope", () => {
    const rows = centreRows(three);
    assert.equal(rows.length, 4);
    assert.match(String(rows[3]?.centre), /^Pooled \(random effects/);
    const pooledCitl = three.acrossCentres.pooled.find((p) => p.metric === "calibrationInTheLarge");
    assert.equal(rows[3]?.citl, pooledCitl?.estimate);
    assert.deepEqual(rows[0]?.citlCi, three.acrossCentres.centres[0]?.calibrationInTheLarge.ci);
  });

  it("pooled rows: every metric with its HKSJ and prediction intervals (and their df) and the τ² interval", () => {
    const rows = pooledRows(three);
    assert.deepEqual(
      rows.map((r) => r.metric),
      PooledMetrics.map((m) => PooledMetricNames[m]),
    );
    const columns = pooledColumns(0.9);
    const cell = (row: Record<string, unknown>, key: string) => columns.find((c) => c.key === key)?.format?.(row);
    for (const [i, row] of rows.entries()) {
      const p = three.acrossCentres.pooled[i];
      assert.deepEqual(row.prediction, p?.predictionInterval);
      assert.equal(row.predictionDf, 1);
      // Interval text is formatStat's; the df follows it.
      assert.equal(cell(row, "hksj"), `${formatInterval(p?.hksjCi)} (t, 2 df)`);
      assert.equal(cell(row, "prediction"), `${formatInterval(p?.predictionInterval)} (t, 1 df)`);
      assert.equal(cell(row, "tau2Ci"), formatInterval(p?.tau2Ci, 4));
    }
  });

  it("with two centres the note says why there is no prediction interval, and its cell is a dash", () => {
    const rows = pooledRows(artifact(["A", "B"], 0.95));
    const auc = rows[0] as Record<string, unknown>;
    assert.equal(auc.prediction, null);
    assert.match(String(auc.note), /no prediction interval: .*k − 2 degrees of freedom, and 2 centres leave 0/);
    assert.equal(
      pooledColumns(0.95)
        .find((c) => c.key === "prediction")
        ?.format?.(auc),
      formatInterval(null),
    );
  });
});
