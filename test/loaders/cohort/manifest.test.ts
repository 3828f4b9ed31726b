import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {ClinicalColumns} from "../../../loaders/cohort/clinicalColumns.js";
import {ManifestColumns, ManifestError, parseManifest} from "../../../loaders/cohort/manifest.js";
import type {DeclaredColumns} from "../../../src/components/study/studyConfig.js";

const header = "patient_id,cohort,image,mask,label";

const declared: DeclaredColumns = {
  site_note: {type: "category", levels: ["left lobe", "right lobe"]},
  ecog: {type: "ordinal", levels: ["0", "1", "2"]},
  bmi: {type: "number", unit: "kg/m²"},
};

describe("parseManifest(text, path, declared)", () => {
  it("reads patients, resolves paths against the manifest folder and types the clinical columns", () => {
    const m = parseManifest(
      `Patient_ID,Cohort,Image,Mask,Label,age,sex,child_pugh,afp,site_note\nP1,NFH,ct/p1.nii.gz,/abs/m1.nii.gz,pr,61,m,b,1200.5,Left Lobe\n`,
      "/data/study/study.csv",
      declared,
    );
    assert.deepEqual(m.problems, []);
    assert.deepEqual(m.clinicalColumns, ["age", "sex", "child_pugh", "afp", "site_note"]);
    const [p] = m.patients;
    assert.equal(p?.image, "/data/study/ct/p1.nii.gz");
    assert.equal(p?.mask, "/abs/m1.nii.gz");
    assert.equal(p?.label, "PR");
    assert.deepEqual(p?.clinical, {age: 61, sex: "M", child_pugh: "B", afp: 1200.5, site_note: "left lobe"});
  });

  it("treats an ill-coded clinical value as missing (never published as free text), warning with row and patient", () => {
    const m = parseManifest(`${header},age,hbsag,bmi\nP1,A,i,m,CR,sixty,maybe,John Smith\n`, "s.csv", declared);
    assert.equal(m.patients[0]?.clinical.age, null);
    assert.equal(m.patients[0]?.clinical.hbsag, null);
    assert.equal(m.patients[0]?.clinical.bmi, null);
    assert.equal(m.warnings.length, 3);
    assert.match(
      m.warnings[0]!,
      /line 2, patient P1: age: expected a number \(years\), got "sixty" \(treated as missing\)/,
    );
    assert.match(m.warnings[2]!, /bmi: expected a number \(kg\/m²\), got "John Smith"/);
  });

  it("reads declared columns by their type: numbers, and levels in their declared spelling", () => {
    const m = parseManifest(`${header},ecog,bmi\nP1,A,i,m,CR,2,27.5\nP2,A,i,m,PD,,NA\n`, "s.csv", declared);
    assert.deepEqual(m.clinicalColumns, ["ecog", "bmi"]);
    assert.deepEqual(m.patients[0]?.clinical, {ecog: "2", bmi: 27.5});
    assert.deepEqual(m.patients[1]?.clinical, {ecog: null, bmi: null});
    assert.deepEqual(m.warnings, []);
  });

  it("refuses undeclared columns before reading any row, naming them, the file and how to declare them", () => {
    const text = `${header},age,name,MRN,dob\nP1,A,i,m,CR,61,Jane Doe,123456,1960-01-01\n`;
    assert.throws(
      () => parseManifest(text, "/data/study.csv", declared),
      (e: Error) => {
        assert.ok(e instanceof ManifestError);
        assert.match(e.message, /^manifest \/data\/study\.csv: column\(s\) name, mrn, dob refused/);
        assert.match(e.message, /declared in the study configuration \(site_note, ecog, bmi\)/);
        assert.match(e.message, /must be removed from the file/);
        assert.match(e.message, /"clinical": \{"columns": \{"name": \{"type": "number"\}, "mrn": \{"type": "number"\}/);
        assert.ok(!e.message.includes("Jane Doe") && !e.message.includes("123456"), "the message carries no value");
        return true;
      },
    );
    // Without a declared section, the message says nothing is declared; a declared column is refused when undeclared.
    assert.throws(() => parseManifest(`${header},ecog\n`, "s.csv"), /column\(s\) ecog refused: .* and not declared/);
  });

  it("refuses every column outside the allow-list (property)", () => {
    const allowed = new Set<string>([...ManifestColumns, ...Object.keys(ClinicalColumns), ...Object.keys(declared)]);
    const extraName = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).filter((n) => !allowed.has(n));
    fc.assert(
      fc.property(fc.uniqueArray(extraName, {minLength: 1, maxLength: 4}), (extra) => {
        const text = `${header},age,${extra.join(",")}\nP1,A,i,m,CR,61,${extra.map(() => "x").join(",")}\n`;
        assert.throws(
          () => parseManifest(text, "s.csv", declared),
          (e: Error) => e instanceof ManifestError && e.message.includes(`column(s) ${extra.join(", ")} refused`),
        );
      }),
      {seed: 12, numRuns: 100},
    );
  });

  it("names the file's own line numbers when the manifest has blank lines and multi-line cells", () => {
    const text = `${header},site_note\n\nP1,A,i,m,XX,\n\n\nP2,A,i,m,CR,"left\nlobe"\nP3,A,i,m,SD,left lobe\n\nP4,A,i,m\n`;
    const m = parseManifest(text, "s.csv", declared);
    assert.match(m.problems.find((p) => p.patientId === "P1")!.reason, /^manifest s\.csv line 3, patient P1: unknown/);
    assert.match(m.problems.find((p) => p.patientId === "P4")!.reason, /line 10, patient P4: expected 6 fields, got 4/);
    assert.match(m.warnings[0]!, /line 6, patient P2: site_note: expected one of left lobe\|right lobe/);
    assert.deepEqual(
      m.patients.map((p) => [p.patientId, p.row]),
      [
        ["P2", 6],
        ["P3", 8],
      ],
    );
  });

  it("each patient's row is the line its record starts on, whatever blank lines surround it (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({max: 3}), {minLength: 1, maxLength: 8}), (blanks) => {
        const lines = [header];
        const expected: number[] = [];
        blanks.forEach((n, i) => {
          for (let k = 0; k < n; k++) lines.push("");
          lines.push(`P${i},A,i,m,CR`);
          expected.push(lines.length);
        });
        const m = parseManifest(`${lines.join("\n")}\n`, "s.csv");
        assert.deepEqual(
          m.patients.map((p) => p.row),
          expected,
        );
      }),
      {seed: 7, numRuns: 100},
    );
  });

  it("turns per-row problems into exclusions that name the patient and the reason", () => {
    const m = parseManifest(
      `${header}\nP1,A,i,m,XX\nP2,A,,m,CR\nP3,A,i,m\n,A,i,m,CR\nP5,,i,m,CR\nP6,A,i,m,SD\n`,
      "s.csv",
    );
    assert.deepEqual(
      m.patients.map((p) => p.patientId),
      ["P6"],
    );
    const byId = Object.fromEntries(m.problems.map((p) => [p.patientId, p]));
    assert.equal(byId.P1?.kind, "unknownLabel");
    assert.match(byId.P1!.reason, /patient P1: unknown response label "XX", expected one of CR, PR, SD, PD/);
    assert.match(byId.P2!.reason, /empty image path/);
    assert.match(byId.P3!.reason, /expected 5 fields, got 4/);
    assert.match(byId["(line 5)"]!.reason, /empty patient_id/);
    assert.match(byId.P5!.reason, /empty cohort/);
  });

  it("excludes every row of a duplicated patient ID, and of a patient listed in two cohorts", () => {
    const m = parseManifest(`${header}\nP1,A,i,m,CR\nP1,A,j,n,CR\nP2,A,i,m,PD\nP2,B,i,m,PD\nP3,B,i,m,SD\n`, "s.csv");
    assert.deepEqual(
      m.patients.map((p) => p.patientId),
      ["P3"],
    );
    assert.equal(m.problems.length, 4);
    assert.ok(m.problems.every((p) => p.kind === "duplicatePatient"));
    assert.match(m.problems[0]!.reason, /duplicated patient ID P1 \(lines 2, 3/);
    assert.match(m.problems.find((p) => p.patientId === "P2")!.reason, /appears in 2 cohorts \(A, B; lines 4, 5\)/);
  });

  it("reads labels in any case with a warning naming the line and patient, the rule evaluate uses", () => {
    const m = parseManifest(`${header}\nP1,A,i,m,cr\nP2,A,i,m, Pd \nP3,A,i,m,SD\n`, "s.csv", declared);
    assert.deepEqual(
      m.patients.map((p) => p.label),
      ["CR", "PD", "SD"],
    );
    assert.equal(m.warnings.length, 2);
    assert.match(m.warnings[0]!, /^manifest s\.csv line 2, patient P1: label "cr" read as CR/);
    assert.match(m.warnings[1]!, /line 3, patient P2: label "Pd" read as PD/);
  });

  it("throws a ManifestError for a file that is not a manifest", () => {
    assert.throws(
      () => parseManifest("", "s.csv"),
      (e: Error) => e instanceof ManifestError && /empty file/.test(e.message),
    );
    assert.throws(
      () => parseManifest("patient_id,cohort,image\nP1,A,i\n", "s.csv"),
      /missing column\(s\) mask, label; expected patient_id, cohort, image, mask, label/,
    );
    assert.throws(() => parseManifest(`${header},age,AGE\n`, "s.csv"), /duplicated column\(s\) age/);
    assert.throws(() => parseManifest(`${header}\n"P1,A,i,m,CR\n`, "s.csv"), /unterminated quoted field/);
  });
});
