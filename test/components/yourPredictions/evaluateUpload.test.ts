import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {evaluateOutcomes} from "../../../src/components/outcomes/evaluateOutcomes.js";
import type {PredictionRecord} from "../../../src/components/predictions/predictionColumns.js";
import {writePredictionsCsv} from "../../../src/components/predictions/writePredictionsCsv.js";
import {readReadersCsv} from "../../../src/components/readers/readReadersCsv.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";
import {readSurvivalCsv} from "../../../src/components/survival/readSurvivalCsv.js";
import {evaluateUpload, SingleModel} from "../../../src/components/yourPredictions/evaluateUpload.js";

/** A seeded file of patient rows over a few cohorts, probabilities rounded so the CSV round-trips exactly. */
function rowsOf(seed: number, patients: number, cohorts: readonly string[]): PredictionRecord[] {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({length: patients}, (_, i) => {
    const w = [next(), next(), next(), next()].map((x) => Math.round(x * 1000) + 1);
    const total = w.reduce((a, b) => a + b, 0);
    const p = w.map((x) => x / total);
    return {
      patientId: `P${i}`,
      cohort: cohorts[i % cohorts.length] as string,
      label: ResponseLabels[Math.floor(next() * 4)] as PredictionRecord["label"],
      probabilities: p as unknown as PredictionRecord["probabilities"],
    };
  });
}

const options = {bootstrap: 50, seed: 3, ciLevel: 0.95};

describe("evaluateUpload", () => {
  it("gives exactly evaluatePredictions on the whole file, though it evaluates one cohort at a time", () => {
    const rows = rowsOf(11, 60, ["B", "A", "C"]);
    const text = writePredictionsCsv(rows);
    const stages: string[] = [];
    const result = evaluateUpload({text, source: "x.csv", siteText: null, siteProtocol: null, options}, (s) =>
      stages.push(s),
    );
    assert.deepEqual(result.models[SingleModel], evaluatePredictions(rows, options));
    assert.equal(result.rows, 60);
    assert.equal(result.level, "patient");
    assert.ok(stages.includes("evaluating your model, cohort A"), stages.join("; "));
    assert.equal(result.comparison, null);
  });

  it("property: cohort-by-cohort evaluation equals one call for any cohort assignment", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1e6}), fc.integer({min: 8, max: 40}), (seed, n) => {
        const rows = rowsOf(seed, n, ["x", "y"]);
        const result = evaluateUpload({
          text: writePredictionsCsv(rows),
          source: "p.csv",
          siteText: null,
          siteProtocol: null,
          options: {...options, bootstrap: 10},
        });
        assert.deepEqual(result.models[SingleModel], evaluatePredictions(rows, {...options, bootstrap: 10}));
      }),
      {numRuns: 15, seed: 42},
    );
  });

  it("refuses a malformed file with the reader's message naming the line and patient", () => {
    const text = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\nA1,X,CR,0.5,0.5,0,0\nA2,X,PR,0x1,0,0,0\n";
    assert.throws(
      () => evaluateUpload({text, source: "bad.csv", siteText: null, siteProtocol: null, options}),
      /bad\.csv: .*line 3 \(patient A2\): p_CR must be a plain decimal number, not "0x1"/s,
    );
  });

  it("passes on the reader's note when rounded probabilities were renormalised, as workbench evaluate prints it", () => {
    const text =
      "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\nA1,X,CR,0.14286,0.28571,0.28571,0.28571\nA2,X,PR,0,1,0,0\n";
    const result = evaluateUpload({text, source: "m.csv", siteText: null, siteProtocol: null, options});
    assert.equal(result.rows, 2);
    assert.deepEqual(result.warnings, [
      "m.csv: 1 row(s) renormalised to sum to 1 (largest deviation from 1: 0.00001, line 2 (patient A1), within its printed precision of 5 decimal place(s), 5 significant digit(s))",
    ]);
  });

  it("keeps one model per protocol value and compares against the site's primary protocol", () => {
    const rows = rowsOf(5, 40, ["A"]);
    const site = writePredictionsCsv(rows.map((r) => ({...r, protocol: "paper"})));
    const mine = writePredictionsCsv([
      ...rows.map((r) => ({...r, protocol: "m1"})),
      ...rows.map((r) => ({...r, protocol: "m2"})),
    ]);
    const result = evaluateUpload({text: mine, source: "m.csv", siteText: site, siteProtocol: "paper", options});
    assert.deepEqual(Object.keys(result.models), ["m1", "m2"]);
    const compared = result.comparison?.cohorts[0];
    assert.equal(compared?.shared, 40);
    for (const a of compared?.auc ?? []) if ("difference" in a) assert.equal(a.difference, 0);
  });

  it("scores each model against the readers and survival files given with it, as workbench evaluate does", () => {
    const rows = rowsOf(11, 40, ["A", "B"]);
    const text = writePredictionsCsv(rows);
    const readers = `patient_id,r1,r2\n${rows.map((r, i) => `${r.patientId},${r.label},${i % 4 === 0 ? "PD" : r.label}`).join("\n")}\n`;
    const survival = `patient_id,os_time,os_event\n${rows.map((r, i) => `${r.patientId},${10 + i},${i % 3 === 0 ? 0 : 1}`).join("\n")}\n`;
    const config = normalizeStudyConfig({});
    const result = evaluateUpload({
      text,
      source: "mine.csv",
      siteText: null,
      siteProtocol: null,
      options,
      outcomes: {readers: {text: readers, source: "r.csv"}, survival: {text: survival, source: "s.csv"}, config},
    });
    const blocks = result.outcomes?.[SingleModel];
    assert.ok(blocks?.readers && blocks.survival);
    const files = {readers: readReadersCsv(readers, "r.csv"), survival: readSurvivalCsv(survival, "s.csv")};
    assert.deepEqual(blocks, evaluateOutcomes(rows, files, config, options));
    assert.equal(blocks.survival.os?.A?.n, 20);
    const none = evaluateUpload({text, source: "mine.csv", siteText: null, siteProtocol: null, options});
    assert.equal(none.outcomes, null);
    assert.throws(
      () =>
        evaluateUpload({
          text,
          source: "mine.csv",
          siteText: null,
          siteProtocol: null,
          options,
          outcomes: {readers: null, survival: {text: "patient_id,os_time,os_event\nP0,x,1\n", source: "s.csv"}, config},
        }),
      /s\.csv.*line 2.*P0/s,
    );
  });
});
