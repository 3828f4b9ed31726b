import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {parseCsvRecords} from "../../../src/components/csv/parseCsv.js";
import {parsePredictionsCsv} from "../../../loaders/evaluate/predictionsCsv.js";

const header = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD,patch_id";

describe("parseCsvRecords(text)", () => {
  it("handles quoted fields with commas, doubled quotes, newlines, CRLF and a BOM", () => {
    const records = parseCsvRecords('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",2\r\n\r\nlast,1');
    assert.deepEqual(
      records.map((r) => [r.line, r.fields]),
      [
        [1, ["a", "b"]],
        [2, ["x, y", 'say "hi"']],
        [3, ["multi\nline", "2"]],
        [6, ["last", "1"]],
      ],
    );
  });
  it("rejects an unterminated quote", () => {
    assert.throws(() => parseCsvRecords('a\n"open'), /line 2: unterminated/);
  });
});

describe("parsePredictionsCsv(text)", () => {
  it("reads patch rows in any column order", () => {
    const rows = parsePredictionsCsv(
      "cohort,patient_id,label,p_PD,p_SD,p_PR,p_CR,patch_id,extra\r\nNFH,P1,CR,0.1,0.1,0.1,0.7,P1-a,x\r\n",
    );
    assert.deepEqual(rows, [
      {patientId: "P1", cohort: "NFH", label: "CR", probabilities: [0.7, 0.1, 0.1, 0.1], patchId: "P1-a"},
    ]);
  });
  it("without patch_id every row is a patient", () => {
    const rows = parsePredictionsCsv("patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\nP1,NFH,PD,0,0,0,1\n");
    assert.equal(rows[0]?.patchId, undefined);
  });
  it("collects every invalid row, by line number and patient, into one Error", () => {
    const text = [
      header,
      "P1,NFH,CR,0.7,0.1,0.1,0.1,a",
      "P2,NFH,XX,0.7,0.1,0.1,0.1,a", // bad label
      "P3,NFH,PR,NaN,0.1,0.1,0.1,a", // non-finite
      "P4,NFH,SD,1.2,-0.2,0,0,a", // out of range
      "P5,NFH,PD,0.5,0.1,0.1,0.1,a", // sum 0.8
      "P1,NFH,SD,0.7,0.1,0.1,0.1,b", // label differs within patient
      "P1,NFH,CR,0.7,0.1,0.1,0.1,a", // duplicate patch
      '"P6",NFH,CR,0.7,0.1,0.1', // missing fields
    ].join("\n");
    let message = "";
    try {
      parsePredictionsCsv(text, "preds.csv");
    } catch (e) {
      message = (e as Error).message;
    }
    assert.match(message, /^preds\.csv: \d+ invalid row\(s\)/);
    assert.match(message, /line 3 \(patient P2\): label must be one of CR\|PR\|SD\|PD, not "XX"/);
    assert.match(message, /line 4 \(patient P3\): p_CR must be a finite number/);
    assert.match(message, /line 5 \(patient P4\): p_CR must be in \[0, 1\]/);
    assert.match(message, /line 5 \(patient P4\): p_PR must be in \[0, 1\]/);
    assert.match(message, /line 6 \(patient P5\): probabilities sum to 0\.8/);
    assert.match(message, /line 7 \(patient P1\): label SD differs from CR on line 2/);
    assert.match(message, /line 8 \(patient P1\): duplicate patch_id a/);
    assert.match(message, /line 9 \(patient P6\): has 6 fields/);
    assert.doesNotMatch(message, /line 2 /);
  });
  it("accepts sums within 1e-6 and rejects a missing column or an empty file", () => {
    assert.equal(parsePredictionsCsv(`${header}\nP1,NFH,CR,0.7000004,0.1,0.1,0.1,a\n`).length, 1);
    assert.throws(() => parsePredictionsCsv(`${header}\nP1,NFH,CR,0.700002,0.1,0.1,0.1,a\n`), /sum to/);
    assert.throws(() => parsePredictionsCsv("patient_id,cohort,label,p_CR\n"), /missing column\(s\) p_PR, p_SD, p_PD/);
    assert.throws(() => parsePredictionsCsv(""), /empty file/);
    assert.throws(() => parsePredictionsCsv(`${header}\n`), /no data rows/);
  });
  it("a patient repeated without a patch_id column is an error", () => {
    const t = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\nP1,NFH,CR,1,0,0,0\nP1,NFH,CR,1,0,0,0\n";
    assert.throws(() => parsePredictionsCsv(t), /line 3 \(patient P1\): patient repeated/);
  });
});
