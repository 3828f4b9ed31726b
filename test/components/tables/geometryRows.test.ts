import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {GeometrySensitivityArtifact, SensitivityLevel} from "../../../src/components/artifacts.js";
import {geometryCsvRows, geometryRows} from "../../../src/components/tables/geometryRows.js";

const level = (auc: number): SensitivityLevel => ({
  n: 20,
  accuracy: 0.5,
  perClass: {
    CR: {auc, ci: [auc - 0.1, auc + 0.1]},
    PR: {auc: null, ci: null},
    SD: {auc: 0.5, ci: null},
    PD: {auc: 0.6, ci: [0.4, 0.8]},
  },
  objectiveResponse: {auc: 0.7, ci: [0.55, 0.85]},
});

const artifact: GeometrySensitivityArtifact = {
  protocol: "corrected",
  variants: "identity",
  ciLevel: 0.95,
  mainGeometry: "roi",
  timings: [],
  runs: [
    {
      name: "roi",
      geometry: "roi",
      sizeMm: null,
      runId: "a",
      sharesMainPatches: true,
      cohorts: [
        {
          cohort: "NFH",
          eligible: 10,
          analysedPatients: 10,
          analysedPatches: 30,
          tumourTooSmall: 0,
          excluded: 0,
          sizeMm: {median: 30.25, min: 10, max: 61},
          magnification: {median: 7.4, min: 3.1, max: 19.9},
          patient: level(0.8),
          patch: level(0.75),
        },
      ],
    },
    {
      name: "fixed 32 mm",
      geometry: "fixed",
      sizeMm: 32,
      runId: "b",
      sharesMainPatches: false,
      cohorts: [
        {
          cohort: "NFH",
          eligible: 10,
          analysedPatients: 6,
          analysedPatches: 18,
          tumourTooSmall: 4,
          excluded: 4,
          sizeMm: null,
          magnification: null,
          patient: null,
          patch: null,
        },
      ],
    },
  ],
};

describe("geometryRows", () => {
  it("one row per geometry and cohort at the chosen level, AUCs with intervals in words", () => {
    const rows = geometryRows(artifact, "patient");
    assert.deepEqual(
      rows.map((r) => [r.geometry, r.lost, r.analysedPatients, r.sizeMm, r.aucText.CR, r.aucText.PR, r.aucText.OR]),
      [
        ["roi", 0, 10, "30.3 (10.0–61.0)", "0.800 [0.700, 0.900]", "n/a", "0.700 [0.550, 0.850]"],
        ["fixed 32 mm", 4, 6, "–", "n/a", "n/a", "n/a"],
      ],
    );
    assert.equal(geometryRows(artifact, "patch")[0]!.auc.CR.auc, 0.75);
  });

  it("each AUC cell says why it is n/a, from the run and the cohort, and a defined one carries its flags", () => {
    const [roi, fixed] = geometryRows(artifact, "patient");
    assert.deepEqual(roi!.aucNotes.CR, [], "20 patients, an interval of visible width: no flag");
    assert.equal(roi!.aucNotes.PR[0]?.title, "n/a: no PR, or only PR, in the cohort (an AUC needs both groups)");
    assert.equal(fixed!.aucNotes.OR[0]?.title, "n/a: no patient-level result under fixed 32 mm");
  });

  it("CSV rows carry every AUC and bound as numbers, null when missing", () => {
    const [roi, fixed] = geometryCsvRows(geometryRows(artifact, "patient"));
    assert.equal(roi!.auc_CR, 0.8);
    assert.equal(roi!.auc_objective_response_lo, 0.55);
    assert.equal(roi!.auc_SD_lo, null);
    assert.equal(fixed!.lost_tumour_too_small, 4);
    assert.equal(fixed!.auc_objective_response, null);
  });
});
