import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {evaluatePredictions, type PredictionRow} from "../../../src/components/stats/evaluatePredictions.js";
import {createRng} from "../../../src/components/stats/random.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";

/** Seeded synthetic predictions: informative probabilities, 1–4 patches per patient. */
function synthetic(nPatients: number, cohorts: string[], seed: number): PredictionRow[] {
  const rng = createRng(seed);
  const rows: PredictionRow[] = [];
  for (let p = 0; p < nPatients; p++) {
    const k = rng.int(4);
    const label = ResponseLabels[k] as PredictionRow["label"];
    const cohort = cohorts[p % cohorts.length] as string;
    const patches = 1 + rng.int(4);
    const patientShift = rng.normal();
    for (let j = 0; j < patches; j++) {
      const logits = [0, 1, 2, 3].map(
        (c) => (c === k ? 1.5 : 0) + 0.8 * rng.normal() + (c === 0 ? patientShift * 0.3 : 0),
      );
      const e = logits.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      rows.push({
        patientId: `${cohort}-${p}`,
        cohort,
        label,
        probabilities: e.map((v) => v / s) as unknown as PredictionRow["probabilities"],
        patchId: `${p}-${j}`,
      });
    }
  }
  return rows;
}

const options = {bootstrap: 200, seed: 1, ciLevel: 0.95};

describe("evaluatePredictions(rows, options)", () => {
  const rows = synthetic(120, ["NFH", "SYUCC"], 7);
  const result = evaluatePredictions(rows, options);

  it("is JSON-serialisable without loss (no Infinity, no NaN, no undefined)", () => {
    const text = JSON.stringify(result);
    assert.deepEqual(JSON.parse(text), result);
    assert.doesNotMatch(text, /NaN|null,"ciDeLong":null,"ciBootstrap":null,"roc":\[\]/);
  });
  it("reports both levels per cohort, patch n = rows and patient n = distinct patients", () => {
    assert.deepEqual(Object.keys(result.cohorts), ["NFH", "SYUCC"]);
    const nfh = result.cohorts.NFH;
    assert.ok(nfh?.patch);
    const nfhRows = rows.filter((r) => r.cohort === "NFH");
    assert.equal(nfh.patch.n, nfhRows.length);
    assert.equal(nfh.patient.n, new Set(nfhRows.map((r) => r.patientId)).size);
    assert.equal(
      nfh.patch.confusion.counts.flat().reduce((a, b) => a + b, 0),
      nfh.patch.n,
    );
    assert.deepEqual(nfh.patch.confusion.labels, ["CR", "PR", "SD", "PD"]);
  });
  it("patch level carries the cluster CI and the naive CI; patient level only the stratified CI", () => {
    const nfh = result.cohorts.NFH;
    assert.ok(nfh?.patch);
    const cr = nfh.patch.perClass.CR;
    assert.ok(cr.ciBootstrap && cr.ciBootstrapNaive && cr.ciDeLong);
    assert.ok(cr.ciBootstrap[0] <= (cr.auc as number) && (cr.auc as number) <= cr.ciBootstrap[1]);
    assert.equal("ciBootstrapNaive" in nfh.patient.perClass.CR, false);
    assert.equal(nfh.patch.objectiveResponse.decisionCurve.length, 99);
    assert.ok(nfh.patch.objectiveResponse.decisionCurve[0]?.ci);
    assert.equal(nfh.patch.objectiveResponse.roc[0]?.threshold, "-Infinity");
  });
  it("is deterministic for a seed and independent of row order across cohorts", () => {
    const shuffled = [...rows.filter((r) => r.cohort === "SYUCC"), ...rows.filter((r) => r.cohort === "NFH")];
    assert.deepEqual(evaluatePredictions(shuffled, options), result);
  });
  it("the patient level uses the mean of the patch probability vectors", () => {
    // Patient A: patches argmax PR and SD, mean argmax SD. Patient B: single CR patch.
    const tiny: PredictionRow[] = [
      {patientId: "A", cohort: "X", label: "SD", probabilities: [0, 0.6, 0.4, 0], patchId: "a1"},
      {patientId: "A", cohort: "X", label: "SD", probabilities: [0, 0.0, 1.0, 0], patchId: "a2"},
      {patientId: "B", cohort: "X", label: "CR", probabilities: [0.7, 0.1, 0.1, 0.1], patchId: "b1"},
    ];
    const r = evaluatePredictions(tiny, {bootstrap: 0, seed: 1, ciLevel: 0.95}).cohorts.X;
    assert.ok(r?.patch);
    assert.deepEqual(r.patch.confusion.counts, [
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 0, 0],
    ]);
    assert.deepEqual(r.patient.confusion.counts, [
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
    assert.equal(r.patient.accuracy, 1);
    // objective response at patient level: A scores 0.3 (mean of 0.6 and 0), B scores 0.8
    assert.equal(r.patient.objectiveResponse.auc, 1);
    assert.equal(r.patient.objectiveResponse.nResponders, 1);
  });
  it("a class absent from a cohort gives auc null with a note, not NaN", () => {
    const noPd = rows.filter((r) => r.label !== "PD");
    const r = evaluatePredictions(noPd, {bootstrap: 20, seed: 1, ciLevel: 0.95}).cohorts.NFH;
    assert.ok(r?.patch);
    assert.equal(r.patch.perClass.PD.auc, null);
    assert.match(r.patch.perClass.PD.note ?? "", /absent/);
    assert.equal(r.patch.perClass.PD.metrics.sensitivity.value, null);
  });
  it("rows without patch ids are patients: only the patient level is reported", () => {
    const patients: PredictionRow[] = rows
      .filter((r) => r.patchId?.endsWith("-0"))
      .map(({patchId: _drop, ...rest}) => rest);
    const r = evaluatePredictions(patients, {bootstrap: 0, seed: 1, ciLevel: 0.95});
    assert.equal(r.cohorts.NFH?.patch, undefined);
    assert.equal(r.cohorts.NFH?.patient.n, patients.filter((p) => p.cohort === "NFH").length);
  });
  it("throws on patches of one patient with different labels, or a NaN probability", () => {
    const bad: PredictionRow[] = [
      {patientId: "A", cohort: "X", label: "SD", probabilities: [0, 0, 1, 0], patchId: "1"},
      {patientId: "A", cohort: "X", label: "PD", probabilities: [0, 0, 1, 0], patchId: "2"},
    ];
    assert.throws(() => evaluatePredictions(bad, options), /patient A/);
    const nan: PredictionRow[] = [{patientId: "A", cohort: "X", label: "SD", probabilities: [0, Number.NaN, 1, 0]}];
    assert.throws(() => evaluatePredictions(nan, options), RangeError);
  });
  it("finds a label conflict among interleaved patients, naming the first differing label", () => {
    const row = (patientId: string, label: PredictionRow["label"], patchId: string): PredictionRow => ({
      patientId,
      cohort: "X",
      label,
      probabilities: [0.25, 0.25, 0.25, 0.25],
      patchId,
    });
    const rows = Array.from({length: 300}, (_, i) => row(`P${i % 100}`, "CR", String(i)));
    rows.splice(150, 0, row("P42", "PD", "x"), row("P42", "SD", "y"));
    assert.throws(() => evaluatePredictions(rows, options), /^RangeError: patient P42 has patches labelled CR and PD$/);
    assert.equal(evaluatePredictions(rows.slice(0, 150), options).cohorts.X?.patient.n, 100);
  });
  it("empty input gives no cohorts", () => {
    assert.deepEqual(evaluatePredictions([], options).cohorts, {});
  });
  it("recomputes one 800-patient cohort at 1000 replicates in a few seconds", () => {
    const big = synthetic(800, ["NFH"], 3);
    const t0 = performance.now();
    evaluatePredictions(big, {bootstrap: 1000, seed: 1, ciLevel: 0.95});
    const ms = performance.now() - t0;
    assert.ok(ms < 8000, `took ${ms} ms`);
  });
});
