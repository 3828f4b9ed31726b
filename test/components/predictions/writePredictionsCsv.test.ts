import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import type {PredictionRecord} from "../../../src/components/predictions/predictionColumns.js";
import {readPredictionsCsv} from "../../../src/components/predictions/readPredictionsCsv.js";
import {writePredictionsCsv} from "../../../src/components/predictions/writePredictionsCsv.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";

const row = (patientId: string, patchId?: string): PredictionRecord => ({
  patientId,
  cohort: "NFH",
  label: "CR",
  probabilities: [0.7, 0.1, 0.1, 0.1],
  ...(patchId === undefined ? {} : {patchId}),
});

describe("writePredictionsCsv(rows)", () => {
  it("writes predict's columns, and the site's protocol and split only when rows have them", () => {
    assert.equal(
      writePredictionsCsv([row("P1", "P1-0")]),
      "patient_id,cohort,patch_id,label,p_CR,p_PR,p_SD,p_PD\nP1,NFH,P1-0,CR,0.7,0.1,0.1,0.1\n",
    );
    assert.equal(
      writePredictionsCsv([{...row("P1", "a"), protocol: "paper", split: "training"}]),
      "protocol,patient_id,cohort,patch_id,label,p_CR,p_PR,p_SD,p_PD,split\npaper,P1,NFH,a,CR,0.7,0.1,0.1,0.1,training\n",
    );
    assert.equal(writePredictionsCsv([row("P1")]).split("\n")[0], "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD");
  });
  it("guards formula-leading ids and reads back 007, 1e3, =1+1 and 'TRUE unchanged", () => {
    const ids = ["007", "1e3", "=1+1", "'TRUE", "-5", "@x", "+1", "a,b", 'q"uote'];
    const csv = writePredictionsCsv(ids.map((id, i) => row(id, `${id}-${i}`)));
    assert.match(csv, /\n'=1\+1,NFH,'=1\+1-2,CR,/);
    assert.match(csv, /\n'-5,NFH,'-5-4,CR,/);
    const back = readPredictionsCsv(csv).rows;
    assert.deepEqual(
      back.map((r) => r.patientId),
      ids,
    );
  });
  it("round-trips arbitrary ids and probabilities exactly (property)", () => {
    const id = fc.string({minLength: 1}).filter((s) => s.trim() === s && s !== "");
    const probabilities = fc
      .array(fc.double({min: 0.001, max: 1, noNaN: true}), {minLength: 4, maxLength: 4})
      .map((v) => {
        const sum = v.reduce((a, b) => a + b, 0);
        return v.map((x) => x / sum) as unknown as PredictionRecord["probabilities"];
      });
    const record = fc
      .record({
        patientId: id,
        cohort: id,
        patchId: id,
        label: fc.constantFrom(...ResponseLabels),
        probabilities,
      })
      .map((r): PredictionRecord => ({...r}));
    fc.assert(
      fc.property(fc.uniqueArray(record, {minLength: 1, maxLength: 8, selector: (r) => r.patientId}), (rows) => {
        assert.deepEqual(readPredictionsCsv(writePredictionsCsv(rows)).rows, rows);
      }),
      {seed: 12, numRuns: 300},
    );
  });
});
