// The published site carries no patient-identifying data (DESIGN.md): a study made from REAL DICOM files goes
// through preprocessing, publishIds (the boundary sitePipeline applies) and every site-artifact builder, and no
// header value that could identify a patient, a study or an institution, no undeclared manifest value, and (with
// pseudonymous ids) no manifest patient id appears in any artifact. The DICOM cases are skipped, with a message, where
// ../shared/realdata is absent; the refusal of undeclared columns needs no image and always runs.
import assert from "node:assert/strict";
import {existsSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import JSZip from "jszip";
import {ManifestError} from "../../../loaders/cohort/manifest.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import type {PreprocessedStudy} from "../../../loaders/imaging/preprocessedStudy.js";
import {preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";
import {Analyses} from "../../../loaders/pipeline/analysisRegistry.js";
import type {PipelineResult} from "../../../loaders/pipeline/runPipeline.js";
import {studyDataHash} from "../../../loaders/pipeline/studyDataHash.js";
import {cohortsArtifact} from "../../../loaders/site/cohortsArtifact.js";
import {galleryZip} from "../../../loaders/site/galleryZip.js";
import {metricsArtifact} from "../../../loaders/site/metricsArtifact.js";
import {predictionsCsv} from "../../../loaders/site/predictionsCsv.js";
import {protocolArtifact} from "../../../loaders/site/protocolArtifact.js";
import {pseudonym} from "../../../loaders/site/pseudonym.js";
import {publishIds} from "../../../loaders/site/publishIds.js";
import {trainingArtifact} from "../../../loaders/site/trainingArtifact.js";
import {unavailable} from "../../../src/components/analysis/availability.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../../src/components/study/studyConfig.js";
import {identifyingDicomValues, realdata} from "../../support/dicomSecrets.js";

const ctDir = join(realdata, "dcmqi", "ct-3slice");
const liverSeg = join(realdata, "dcmqi", "liver_seg.nrrd");
const missing = existsSync(ctDir)
  ? false
  : `real DICOM samples not found at ${realdata} (a user's clone has no ../shared)`;
const salt = "privacy-test-salt-0123456789";

/** What a trained run would hold for these patches: fixed probabilities and a CAM per patch, no model needed. */
function pipelineResult(study: PreprocessedStudy, config: StudyConfig, manifest: string, dir: string): PipelineResult {
  const records = Object.values(study.cohorts).flatMap((set) => set.records);
  const predictions = records.map((r) => ({
    patientId: r.patientId,
    cohort: r.cohort,
    label: r.label,
    patchId: r.patchId,
    probabilities: [0.1, 0.6, 0.2, 0.1] as [number, number, number, number],
  }));
  const model = {
    runId: "run0",
    predictions,
    curves: [{seed: 1, epoch: 0, cohort: "training", loss: 1, accuracy: 0.25}],
    provenance: {
      engine: "test",
      backend: "test",
      weightsHash: "w",
      patchDataHash: "d",
      configHash: "c",
      seeds: [1],
      versions: {},
      batchNormEpsilon: 0.001,
      headNote: "test",
      priorShift: null,
      standardized: false,
      trainingCohort: config.cohorts.training,
      validationCohorts: [],
    },
    cams: records.map((r) => ({
      patchId: r.patchId,
      cohort: r.cohort,
      label: r.label,
      predicted: "PR",
      side: 2,
      cam: [0, 0.5, 0.5, 1],
    })),
    synthetic: false,
    dataHash: "d",
    codeVersion: "c",
    embeddingsPerSecond: null,
    dir,
  };
  // Evaluated on the manifest's own ids, as runPipeline does: metrics must carry no id of their own.
  const evaluation = evaluatePredictions(predictions, {bootstrap: 20, seed: 1, ciLevel: 0.95});
  return {
    loaded: {config, source: join(dir, "study.json"), manifestPath: manifest},
    config,
    synthetic: false,
    manifestPath: manifest,
    dataHash: "d",
    codeVersion: "c",
    preprocessDir: dir,
    flow: study.flow,
    clinical: study.clinical,
    clinicalColumns: study.clinicalColumns,
    cohorts: study.cohorts,
    models: {paper: {...model, config}, corrected: {...model, config}},
    evaluations: {paper: evaluation, corrected: evaluation},
    sensitivity: [],
    analyses: Object.fromEntries(
      Object.keys(Analyses).map((name) => [name, unavailable("off", "not run in this test")]),
    ) as PipelineResult["analyses"],
    timings: [],
  };
}

/** Every site artifact as text; the gallery zip by entry, its entry names included. */
async function siteTexts(result: PipelineResult): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await galleryZip(result));
  const texts: Record<string, string> = {
    "cohorts.json": JSON.stringify(cohortsArtifact(result)),
    "predictions.csv": predictionsCsv(result),
    "protocol.json": JSON.stringify(protocolArtifact(result)),
    "training.json": JSON.stringify(trainingArtifact(result)),
    "metrics.json": JSON.stringify(metricsArtifact(result)),
    "gallery.zip entry names": Object.keys(zip.files).join("\n"),
  };
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    texts[`gallery.zip/${name}`] = Buffer.from(await entry.async("uint8array")).toString("latin1");
  }
  return texts;
}

function assertAbsent(texts: Record<string, string>, values: Iterable<[string, string]>): void {
  for (const [artifact, text] of Object.entries(texts)) {
    for (const [value, what] of values) assert.ok(!text.includes(value), `${artifact} contains ${what} "${value}"`);
  }
}

describe("site artifacts from a real DICOM study", () => {
  it("contain no identifying DICOM header value", {skip: missing}, async () => {
    const secrets = identifyingDicomValues([ctDir]);
    assert.ok(secrets.size >= 3, `found only ${secrets.size} identifying values to look for`);

    // A one-patient study on the real CT, with the real liver segmentation standing in for the tumour ROI.
    const dir = mkdtempSync(join(tmpdir(), "privacy-"));
    const manifest = join(dir, "study.csv");
    writeFileSync(manifest, `patient_id,cohort,image,mask,label,age\nP001,REAL,${ctDir},${liverSeg},PR,64\n`);
    const config = normalizeStudyConfig({
      study: {manifest},
      cohorts: {training: "REAL"},
      patches: {slicesPerPatient: 3},
      site: {patientIds: "as-is"},
    });
    const study = await preprocessStudy(manifest, config, {log: () => {}});
    assert.ok((study.cohorts.REAL?.records.length ?? 0) > 0, "the real study yields patches");

    const texts = await siteTexts(publishIds(pipelineResult(study, config, manifest, dir), null));
    assert.match(texts["predictions.csv"]!, /\n[a-z]+,P001,REAL,P001-s/, "as-is keeps the manifest's ids");
    assertAbsent(texts, [...[...secrets].map(([value, tag]): [string, string] => [value, `the DICOM ${tag}`])]);
    assertAbsent(texts, [[ctDir, "the image folder's path"]]);
  });

  it("with pseudonymous ids and declared columns, publishes no manifest id, path or undeclared value", {
    skip: missing,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "privacy-"));
    const manifest = join(dir, "study.csv");
    const rows = [
      ["MRN-4471-DOE", "REAL", ctDir, liverSeg, "PR", "64", "1", "27.5"],
      // Excluded (its files do not exist), so its id travels only through the patient flow.
      ["SMITH-JOHN-0001", "REAL", join(dir, "ct-of-SMITH"), join(dir, "mask-of-SMITH.nrrd"), "SD", "71", "2", "31.25"],
    ];
    writeFileSync(
      manifest,
      `patient_id,cohort,image,mask,label,age,ecog,bmi\n${rows.map((r) => r.join(",")).join("\n")}\n`,
    );
    const config = normalizeStudyConfig({
      study: {manifest},
      cohorts: {training: "REAL"},
      patches: {slicesPerPatient: 3},
      clinical: {columns: {ecog: {type: "ordinal", levels: ["0", "1", "2"]}, bmi: {type: "number", unit: "kg/m²"}}},
    });
    assert.equal(config.site.patientIds, "pseudonymous", "the default for a study with a manifest");
    const study = await preprocessStudy(manifest, config, {log: () => {}});
    const result = publishIds(pipelineResult(study, config, manifest, dir), salt);
    const texts = await siteTexts(result);

    // Every value of a column that is not published by design (ids under pseudonymisation, image and mask paths).
    const undeclared = rows.flatMap(
      (r): Array<[string, string]> => [
        [r[0]!, "the manifest patient id"],
        [r[2]!, "an image path"],
        [r[3]!, "a mask path"],
      ],
    );
    assertAbsent(texts, [
      ...undeclared,
      ["4471", "part of an MRN"],
      ["SMITH", "part of a name"],
      [dir, "the study folder"],
    ]);

    // The pseudonyms stand in for the ids everywhere, consistently.
    const [doe, smith] = [pseudonym(salt, "MRN-4471-DOE"), pseudonym(salt, "SMITH-JOHN-0001")];
    const cohorts = cohortsArtifact(result);
    assert.deepEqual(
      cohorts.clinical.map((r) => r.patient_id),
      [doe],
    );
    assert.deepEqual(
      cohorts.flow.REAL?.excluded.flatMap((e) => e.patientIds),
      [smith],
    );
    assert.match(texts["predictions.csv"]!, new RegExp(`\\n[a-z]+,${doe},REAL,${doe}-s\\d+-p\\d+,PR,`));
    // Entry names are `<index>-<slug of the published patch id>-<hash>.png` (output/safeName.ts).
    assert.ok(Object.keys(texts).some((name) => name.startsWith("gallery.zip/patches/") && name.includes(`-${doe}-s`)));

    // Declared values travel only in Table 1's clinical rows, typed as declared.
    const {patient_id: _id, cohort: _cohort, label: _label, ...clinical} = cohorts.clinical[0]!;
    assert.deepEqual(clinical, {age: 64, ecog: "1", bmi: 27.5});
    assert.deepEqual(cohorts.clinicalColumns, ["age", "ecog", "bmi"]);
    const {clinical: _rows, ...rest} = cohorts;
    const elsewhere = {...texts, "cohorts.json": JSON.stringify(rest)};
    assertAbsent(elsewhere, [
      ["27.5", "a declared bmi value"],
      ["31.25", "the excluded patient's bmi"],
    ]);
  });
});

describe("a manifest with undeclared columns", () => {
  it("is refused before any work, naming the columns, the file and how to declare them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "privacy-"));
    const manifest = join(dir, "study.csv");
    writeFileSync(
      manifest,
      "patient_id,cohort,image,mask,label,age,name,mrn,dob,bmi\nP1,A,ct.nii.gz,m.nii.gz,PR,64,Jane Doe,991234,1960-02-03,27.5\n",
    );
    const config = normalizeStudyConfig({
      study: {manifest},
      cohorts: {training: "A"},
      clinical: {columns: {bmi: {type: "number"}}},
    });
    const refused = (e: Error) =>
      e instanceof ManifestError &&
      e.message.startsWith(`manifest ${manifest}: column(s) name, mrn, dob refused`) &&
      e.message.includes('"clinical": {"columns": {"name": {"type": "number"}') &&
      !e.message.includes("Jane Doe");
    // The pipeline's first step (the data hash) refuses it, as does preprocessing; no image is ever opened.
    await assert.rejects(studyDataHash(manifest, config.clinical.columns), refused);
    await assert.rejects(preprocessStudy(manifest, config, {log: () => {}}), refused);
  });
});
