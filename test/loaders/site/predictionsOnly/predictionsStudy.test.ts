import assert from "node:assert/strict";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {loadStudyConfig} from "../../../../loaders/config/loadStudyConfig.js";
import {sha256} from "../../../../loaders/hash.js";
import {
  predictionsCohorts,
  predictionsMetrics,
  predictionsProtocol,
  predictionsSiteCsv,
  predictionsTraining,
} from "../../../../loaders/site/predictionsOnly/predictionsArtifacts.js";
import {loadPredictionsStudy} from "../../../../loaders/site/predictionsOnly/predictionsStudy.js";
import {readPredictionsCsv} from "../../../../src/components/predictions/readPredictionsCsv.js";
import {evaluatePredictions} from "../../../../src/components/stats/evaluatePredictions.js";

const dir = mkdtempSync(join(tmpdir(), "predictions-study-"));
after(() => rmSync(dir, {recursive: true, force: true}));
const header = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD";
const body = [
  "a1,NFH,CR,0.7,0.1,0.1,0.1",
  "a2,NFH,PD,0.1,0.1,0.1,0.7",
  "a3,NFH,SD,0.2,0.2,0.5,0.1",
  "a4,NFH,PR,0.2,0.5,0.2,0.1",
  "b1,X,CR,0.4,0.3,0.2,0.1",
  "b2,X,PD,0.1,0.2,0.3,0.4",
  "b3,X,SD,0.1,0.2,0.4,0.3",
  "b4,X,PR,0.3,0.4,0.2,0.1",
];
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("predictions-only study", () => {
  const text = `${[header, ...body].join("\n")}\n`;
  const path = file("preds.csv", text);

  it("evaluates exactly as evaluate does, names the file and its sha256, and marks the training cohort", async () => {
    const study = await loadPredictionsStudy(
      {predictions: path, clinical: null, patientIds: "as-is"},
      await loadStudyConfig(null),
      null,
    );
    const metrics = predictionsMetrics(study);
    const {rows} = readPredictionsCsv(text, "preds.csv");
    const expected = evaluatePredictions(rows, {bootstrap: 1000, seed: 1, ciLevel: 0.95});
    assert.deepEqual(metrics.protocols.paper?.cohorts, expected.cohorts);
    const protocol = predictionsProtocol(study);
    assert.deepEqual(Object.keys(protocol.runs), ["paper"]);
    assert.deepEqual(protocol.runs.paper.predictions, {file: "preds.csv", sha256: sha256(text)});
    assert.equal(protocol.predictionsOnly?.level, "patient");
    assert.equal(protocol.config.study.name, "Predictions from preds.csv");
    const csv = readPredictionsCsv(predictionsSiteCsv(study), "site").rows;
    assert.deepEqual(
      csv.map((r) => r.split),
      ["training", "training", "training", "training", "validation", "validation", "validation", "validation"],
    );
    assert.match(predictionsTraining(study).emptyReason ?? "", /preds\.csv alone/);
    assert.equal(predictionsCohorts(study).flow.X?.analysedPatients, 4);
  });

  it("publishes pseudonymous ids with a salt, keeping the numbers", async () => {
    const loaded = await loadStudyConfig(null);
    const plain = await loadPredictionsStudy({predictions: path, clinical: null, patientIds: "as-is"}, loaded, null);
    const hidden = await loadPredictionsStudy(
      {predictions: path, clinical: null, patientIds: "pseudonymous"},
      loaded,
      "0123456789abcdef-salt",
    );
    assert.ok(hidden.rows.every((r) => /^P-[0-9a-f]{12}$/.test(r.patientId)));
    assert.deepEqual(predictionsMetrics(hidden), predictionsMetrics(plain));
  });

  it("refuses a protocol column naming another model, and a malformed row by line and patient", async () => {
    const loaded = await loadStudyConfig(null);
    const other = file("other.csv", `protocol,${header}\nmine,${body[0]}\n`);
    await assert.rejects(
      loadPredictionsStudy({predictions: other, clinical: null, patientIds: "as-is"}, loaded, null),
      /other\.csv: protocol column names mine/,
    );
    const bad = file("bad.csv", `${header}\n${body[0]}\na9,X,CR,1e,0,0,0\n`);
    await assert.rejects(
      loadPredictionsStudy({predictions: bad, clinical: null, patientIds: "as-is"}, loaded, null),
      /line 3 \(patient a9\): p_CR/,
    );
  });

  it("reads an allowed clinical CSV into Table 1 rows and refuses an identifying column", async () => {
    const loaded = await loadStudyConfig(null);
    const clinical = file("clinical.csv", "patient_id,age,sex\na1,61,M\nb1,x,F\nzz,50,F\n");
    const study = await loadPredictionsStudy({predictions: path, clinical, patientIds: "as-is"}, loaded, null);
    const rows = predictionsCohorts(study).clinical;
    assert.deepEqual(
      rows.find((r) => r.patient_id === "a1"),
      {patient_id: "a1", cohort: "NFH", label: "CR", age: 61, sex: "M"},
    );
    assert.equal(rows.find((r) => r.patient_id === "b1")?.age, null);
    assert.ok(study.warnings.some((w) => /line 3 \(patient b1\): age/.test(w)));
    assert.ok(study.warnings.some((w) => /1 patient\(s\) not in preds\.csv/.test(w)));
    const named = file("named.csv", "patient_id,name,age\na1,Smith,61\n");
    await assert.rejects(
      loadPredictionsStudy({predictions: path, clinical: named, patientIds: "as-is"}, loaded, null),
      /named\.csv: column\(s\) name refused/,
    );
  });
});
