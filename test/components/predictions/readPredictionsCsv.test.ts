import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  MAX_LISTED,
  PredictionsCsvError,
  readPredictionsCsv,
} from "../../../src/components/predictions/readPredictionsCsv.js";

const header = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD,patch_id";
const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof PredictionsCsvError, String(e));
    return e.message;
  }
  assert.fail("expected a PredictionsCsvError");
};

describe("readPredictionsCsv(text, source)", () => {
  it("reads patch rows in any column order, ignoring extra columns", () => {
    const {rows, warnings} = readPredictionsCsv(
      "cohort,patient_id,label,p_PD,p_SD,p_PR,p_CR,patch_id,extra\r\nNFH,P1,CR,0.1,0.1,0.1,0.7,P1-a,x\r\n",
    );
    assert.deepEqual(rows, [
      {patientId: "P1", cohort: "NFH", label: "CR", probabilities: [0.7, 0.1, 0.1, 0.1], patchId: "P1-a"},
    ]);
    assert.deepEqual(warnings, []);
  });
  it("without patch_id every row is a patient", () => {
    const {rows} = readPredictionsCsv("patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\nP1,NFH,PD,0,0,0,1\n");
    assert.equal(rows[0]?.patchId, undefined);
  });
  it("keeps ids as text: 007, 1e3, =1+1 (written guarded) and 'TRUE stay what they are", () => {
    const text = `${header}\n007,NFH,CR,1,0,0,0,1e3\n'=1+1,NFH,CR,1,0,0,0,TRUE\n'TRUE,001,PD,0,0,0,1,-0\n`;
    const {rows} = readPredictionsCsv(text);
    assert.deepEqual(
      rows.map((r) => [r.patientId, r.cohort, r.patchId]),
      [
        ["007", "NFH", "1e3"],
        ["=1+1", "NFH", "TRUE"],
        ["'TRUE", "001", "-0"],
      ],
    );
  });
  it("collects every invalid row, by line number and patient, into one error, and returns nothing", () => {
    const text = [
      header,
      "P1,NFH,CR,0.7,0.1,0.1,0.1,a",
      "P2,NFH,XX,0.7,0.1,0.1,0.1,a", // bad label
      "P3,NFH,PR,NaN,0.1,0.1,0.1,a", // not a decimal
      "P4,NFH,SD,1.2,-0.2,0,0,a", // out of range
      "P5,NFH,PD,0.4,0.1,0.1,0.1,a", // sum 0.7: more than rounding to 1 decimal explains
      "P1,NFH,SD,0.7,0.1,0.1,0.1,b", // label differs within patient
      "P1,NFH,CR,0.7,0.1,0.1,0.1,a", // duplicate patch
      '"P6",NFH,CR,0.7,0.1,0.1', // missing fields
    ].join("\n");
    const message = messageOf(() => readPredictionsCsv(text, "preds.csv"));
    assert.match(message, /^preds\.csv: 7 invalid row\(s\), 10 problem\(s\); nothing was read/);
    assert.match(message, /line 3 \(patient P2\): label must be one of CR\|PR\|SD\|PD, not "XX"/);
    assert.match(message, /line 4 \(patient P3\): p_CR must be a plain decimal number, not "NaN"/);
    assert.match(message, /line 5 \(patient P4\): p_CR must be in \[0, 1\]/);
    assert.match(message, /line 5 \(patient P4\): p_PR must be in \[0, 1\]/);
    assert.match(message, /line 6 \(patient P5\): probabilities sum to 0\.7/);
    assert.match(message, /line 7 \(patient P1\): label SD differs from CR on line 2/);
    assert.match(message, /line 8 \(patient P1\): duplicate patch_id a/);
    assert.match(message, /line 9 \(patient P6\): has 6 fields/);
    assert.doesNotMatch(message, /line 2 /);
  });
  it("refuses 0x1, 1e, Infinity, NaN, empty and other non-decimals; accepts plain decimals, exponents and -0", () => {
    for (const bad of ["0x1", "1e", "Infinity", "-Infinity", "NaN", "", "0b1", "1,0", "1_0", "½", "0.5.1", "e3", "."]) {
      const text = `${header}\nP1,NFH,CR,"${bad}",0,0,1,a\n`;
      assert.match(
        messageOf(() => readPredictionsCsv(text, "p.csv")),
        new RegExp(
          `line 2 \\(patient P1\\): p_CR must be a plain decimal number, not "${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`,
        ),
        bad,
      );
    }
    const ok = readPredictionsCsv(
      `${header}\nP1,NFH,CR,0.25,.25,2.5E-01,25e-2,a\nP2,NFH,PD,-0,0,0.,1,a\nP3,NFH,SD,+0,1e-3,0.999,0,a\n`,
    );
    assert.deepEqual(
      ok.rows.map((r) => r.probabilities),
      [
        [0.25, 0.25, 0.25, 0.25],
        [0, 0, 0, 1],
        [0, 0.001, 0.999, 0],
      ],
    );
    assert.ok(Object.is(ok.rows[1]?.probabilities[0], 0), "-0 is read as 0");
  });
  it("refuses a duplicated column, naming it and both positions", () => {
    const text = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD,p_CR\nP1,NFH,CR,1,0,0,0,0\n";
    assert.equal(
      messageOf(() => readPredictionsCsv(text, "dup.csv")),
      'dup.csv: line 1: column "p_CR" appears twice (columns 4 and 8); remove one',
    );
  });
  it("refuses a patient under two cohorts, naming both and the lines", () => {
    const text = `${header}\nP3,NFH,CR,1,0,0,0,a\nP4,NFH,CR,1,0,0,0,a\nP3,SYUCC,CR,1,0,0,0,b\n`;
    assert.match(
      messageOf(() => readPredictionsCsv(text, "two.csv")),
      /line 4 \(patient P3\): patient is in cohort SYUCC here but in cohort NFH on line 2/,
    );
  });
  it("reads lower-case labels as their class with a warning naming the file and line (the manifest's rule)", () => {
    const {rows, warnings} = readPredictionsCsv(`${header}\nP1,NFH,cr,1,0,0,0,a\nP2,NFH,Pd,0,0,0,1,a\n`, "lc.csv");
    assert.deepEqual(
      rows.map((r) => r.label),
      ["CR", "PD"],
    );
    assert.deepEqual(warnings, [
      'lc.csv: line 2 (patient P1): label "cr" read as CR (write CR, PR, SD, PD)',
      'lc.csv: line 3 (patient P2): label "Pd" read as PD (write CR, PR, SD, PD)',
    ]);
  });
  it("reports a UTF-16 file as such, naming it", () => {
    const text = `\ufeff${header}\nP1,NFH,CR,1,0,0,0,a\n`;
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    assert.throws(
      () => readPredictionsCsv(new TextDecoder().decode(bytes), "u16.csv"),
      /^CsvError: u16\.csv: the file is encoded as UTF-16; save it as UTF-8/,
    );
  });
  it("names the right line after blank lines", () => {
    const text = `${header}\n\nP1,NFH,CR,1,0,0,0,a\n\n\nP9,NFH,XX,1,0,0,0,a\n`;
    assert.match(
      messageOf(() => readPredictionsCsv(text)),
      /line 6 \(patient P9\): label must be/,
    );
  });
  it("checks identities within a protocol and reads the site's protocol and split columns", () => {
    const site =
      "protocol,patient_id,cohort,patch_id,label,p_CR,p_PR,p_SD,p_PD,split\n" +
      "paper,P1,NFH,a,CR,1,0,0,0,training\ncorrected,P1,NFH,a,CR,0.5,0.5,0,0,training\n";
    const {rows} = readPredictionsCsv(site);
    assert.deepEqual(
      rows.map((r) => [r.protocol, r.split]),
      [
        ["paper", "training"],
        ["corrected", "training"],
      ],
    );
    assert.match(
      messageOf(() => readPredictionsCsv(site.replace("corrected,", "paper,").replace(",training\n", ",test\n"))),
      /line 2 \(patient P1\): split must be one of training\|validation, not "test"[\s\S]*line 3 \(patient P1\): duplicate patch_id a/,
    );
  });
  it(`lists the first ${MAX_LISTED} problems and counts the rest`, () => {
    const bad = Array.from({length: MAX_LISTED + 5}, (_, i) => `P${i},NFH,XX,1,0,0,0,a`);
    const message = messageOf(() => readPredictionsCsv(`${header}\n${bad.join("\n")}\n`));
    assert.equal(message.split("\n").length, 1 + MAX_LISTED + 1);
    assert.match(message, /… and 5 more problem\(s\)$/);
  });
  it("rejects a missing column, an empty file and a header without rows", () => {
    assert.equal(readPredictionsCsv(`${header}\nP1,NFH,CR,0.7000004,0.1,0.1,0.1,a\n`).rows.length, 1);
    // Off by more than 1e-6 and than rounding to 6 decimals explains (roundedProbabilities.test.ts has the rest).
    assert.match(
      messageOf(() => readPredictionsCsv(`${header}\nP1,NFH,CR,0.700004,0.1,0.1,0.1,a\n`)),
      /sum to/,
    );
    assert.match(
      messageOf(() => readPredictionsCsv("patient_id,cohort,label,p_CR\n")),
      /missing column\(s\) p_PR, p_SD, p_PD/,
    );
    assert.match(
      messageOf(() => readPredictionsCsv("")),
      /empty file/,
    );
    assert.match(
      messageOf(() => readPredictionsCsv(`${header}\n`)),
      /no data rows/,
    );
  });
  it("a patient repeated without a patch_id column is an error", () => {
    const t = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\nP1,NFH,CR,1,0,0,0\nP1,NFH,CR,1,0,0,0\n";
    assert.match(
      messageOf(() => readPredictionsCsv(t)),
      /line 3 \(patient P1\): patient repeated/,
    );
  });
});
