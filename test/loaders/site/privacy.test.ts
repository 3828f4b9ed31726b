// The published site carries no patient-identifying data (DESIGN.md): a study made from REAL DICOM files goes
// through preprocessing and every site-artifact builder, and no header value that could identify a patient, a study
// or an institution appears in any artifact. Skipped, with a message, where ../shared/realdata is absent.
import assert from "node:assert/strict";
import {existsSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import JSZip from "jszip";
import {normalizeStudyConfig} from "../../../loaders/config/studyConfig.js";
import {preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";
import type {PipelineResult} from "../../../loaders/pipeline/runPipeline.js";
import {cohortsArtifact} from "../../../loaders/site/cohortsArtifact.js";
import {galleryZip} from "../../../loaders/site/galleryZip.js";
import {predictionsCsv} from "../../../loaders/site/predictionsCsv.js";
import {protocolArtifact} from "../../../loaders/site/protocolArtifact.js";
import {trainingArtifact} from "../../../loaders/site/trainingArtifact.js";
import {identifyingDicomValues, realdata} from "../../support/dicomSecrets.js";

const ctDir = join(realdata, "dcmqi", "ct-3slice");
const missing = existsSync(ctDir)
  ? false
  : `real DICOM samples not found at ${realdata} (a user's clone has no ../shared)`;

describe("site artifacts from a real DICOM study", () => {
  it("contain no identifying DICOM header value", {skip: missing}, async () => {
    const secrets = identifyingDicomValues([ctDir]);
    assert.ok(secrets.size >= 3, `found only ${secrets.size} identifying values to look for`);

    // A one-patient study on the real CT, with the real liver segmentation standing in for the tumour ROI.
    const dir = mkdtempSync(join(tmpdir(), "privacy-"));
    const manifest = join(dir, "study.csv");
    writeFileSync(
      manifest,
      `patient_id,cohort,image,mask,label,age\nP001,REAL,${ctDir},${join(realdata, "dcmqi", "liver_seg.nrrd")},PR,64\n`,
    );
    const config = normalizeStudyConfig({
      study: {manifest},
      cohorts: {training: "REAL"},
      patches: {slicesPerPatient: 3},
    });
    const study = await preprocessStudy(manifest, config, {log: () => {}});
    const set = study.cohorts.REAL;
    assert.ok(set && set.records.length > 0, "the real study yields patches");

    const predictions = set.records.map((r) => ({
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
        bnEpsilon: 0.001,
        headNote: "test",
        standardized: false,
        trainingCohort: "REAL",
        validationCohorts: [],
      },
      cams: set.records.map((r) => ({
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
    const result: PipelineResult = {
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
      models: {paper: model, corrected: model},
      evaluations: {
        paper: {options: {bootstrap: 0, seed: 1, ciLevel: 0.95}, cohorts: {}},
        corrected: {options: {bootstrap: 0, seed: 1, ciLevel: 0.95}, cohorts: {}},
      },
      timings: [],
    };

    const zip = await JSZip.loadAsync(await galleryZip(result));
    const texts: Record<string, string> = {
      "cohorts.json": JSON.stringify(cohortsArtifact(result)),
      "predictions.csv": predictionsCsv(result),
      "protocol.json": JSON.stringify(protocolArtifact(result)),
      "training.json": JSON.stringify(trainingArtifact(result)),
    };
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      texts[`gallery.zip/${name}`] = Buffer.from(await entry.async("uint8array")).toString("latin1");
    }
    for (const [artifact, text] of Object.entries(texts)) {
      for (const [value, tag] of secrets) {
        assert.ok(!text.includes(value), `${artifact} contains the DICOM ${tag} "${value}"`);
      }
      assert.ok(!text.includes(ctDir), `${artifact} contains the image folder's path`);
    }
  });
});
