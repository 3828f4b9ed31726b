import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {ManifestError, parseManifest} from "../../../loaders/cohort/manifest.js";

const header = "patient_id,cohort,image,mask,label";

describe("parseManifest(text, path)", () => {
  it("reads patients, resolves paths against the manifest folder and types the clinical columns", () => {
    const m = parseManifest(
      `Patient_ID,Cohort,Image,Mask,Label,age,sex,child_pugh,afp,site_note\nP1,NFH,ct/p1.nii.gz,/abs/m1.nii.gz,pr,61,m,b,1200.5,left lobe\n`,
      "/data/study/study.csv",
    );
    assert.deepEqual(m.problems, []);
    assert.deepEqual(m.clinicalColumns, ["age", "sex", "child_pugh", "afp", "site_note"]);
    const [p] = m.patients;
    assert.equal(p?.image, "/data/study/ct/p1.nii.gz");
    assert.equal(p?.mask, "/abs/m1.nii.gz");
    assert.equal(p?.label, "PR");
    assert.deepEqual(p?.clinical, {age: 61, sex: "M", child_pugh: "B", afp: 1200.5, site_note: "left lobe"});
  });

  it("keeps an ill-coded clinical value as written, with a warning naming the row and patient", () => {
    const m = parseManifest(`${header},age,hbsag\nP1,A,i,m,CR,sixty,maybe\n`, "s.csv");
    assert.equal(m.patients[0]?.clinical.age, "sixty");
    assert.equal(m.warnings.length, 2);
    assert.match(m.warnings[0]!, /row 2, patient P1: age: expected a number/);
    assert.equal(m.patients[0]?.clinical.hbsag, "maybe");
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
    assert.match(byId["(row 5)"]!.reason, /empty patient_id/);
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
    assert.match(m.problems[0]!.reason, /duplicated patient ID P1 \(rows 2, 3/);
    assert.match(m.problems.find((p) => p.patientId === "P2")!.reason, /appears in 2 cohorts \(A, B; rows 4, 5\)/);
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
