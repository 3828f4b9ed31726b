import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  type ComparisonPatient,
  clinicalComparison,
} from "../../../src/components/clinicalBaseline/clinicalComparison.js";
import {auc} from "../../../src/components/stats/auc.js";
import {createRng} from "../../../src/components/stats/random.js";

/** One cohort whose class follows a latent score; size tracks it strongly, the image weakly. Seeded. */
function oneCohort(seed: number, n = 120): ComparisonPatient[] {
  const rng = createRng(seed);
  return Array.from({length: n}, (_, i) => {
    const latent = rng.normal();
    const label = latent < -0.8 ? 0 : latent < 0 ? 1 : latent < 0.8 ? 2 : 3;
    const img = 1 / (1 + Math.exp(latent + 1.5 * rng.normal()));
    return {
      patientId: `P${i}`,
      cohort: "ONLY",
      label,
      clinical: {size: 4 + 1.5 * latent + 0.5 * rng.normal(), sex: rng.next() < 0.5 ? "M" : "F"},
      image: [img / 2, img / 2, (1 - img) / 2, (1 - img) / 2],
    };
  });
}

const options = {
  trainingCohort: "ONLY",
  predictors: [
    {name: "size", type: "number" as const},
    {name: "sex", type: "category" as const, levels: ["M", "F"]},
  ],
  classes: 4,
  seed: 3,
  replicates: 30,
  ciLevel: 0.95,
  thresholds: [0.2, 0.4, 0.6],
};

describe("clinicalComparison on a one-cohort study: out-of-fold internal validation", () => {
  const patients = oneCohort(5);
  const result = clinicalComparison(patients, options);

  it("says so, and compares every patient once, on predictions from models that did not see them", () => {
    assert.deepEqual(result.validation, {kind: "crossValidated", folds: 5});
    assert.equal(result.cohorts.length, 1);
    const row = result.cohorts[0];
    assert.ok(row);
    assert.equal(row.patients, patients.length);
    // The image model's AUC is the patients' own probabilities: the same as computed directly.
    const outcome = patients.map((p) => (p.label <= 1 ? 1 : 0));
    assert.ok(
      Math.abs(
        (row.auc.image.auc ?? 0) -
          (auc(
            outcome,
            patients.map((p) => (p.image[0] as number) + (p.image[1] as number)),
          ) ?? 0),
      ) < 1e-12,
    );
    // Out of fold, the clinical model still finds the strong size signal, but cannot beat its in-sample fit.
    assert.ok((row.auc.clinical.auc ?? 0) > 0.75, `clinical AUC ${row.auc.clinical.auc}`);
    assert.ok(row.imageVsClinical !== null && row.imageTermLrt !== null);
    assert.equal(result.holmFamily, 3);
  });

  it("is deterministic for a seed and depends on it through the folds", () => {
    assert.deepEqual(clinicalComparison(patients, options), result);
    const other = clinicalComparison(patients, {...options, seed: 4});
    assert.notEqual(other.cohorts[0]?.auc.clinical.auc, result.cohorts[0]?.auc.clinical.auc);
  });

  it("keeps external validation when there is another cohort", () => {
    const two = [...patients, ...oneCohort(6, 40).map((p) => ({...p, patientId: `E${p.patientId}`, cohort: "EXT"}))];
    const external = clinicalComparison(two, options);
    assert.deepEqual(external.validation, {kind: "external"});
    assert.deepEqual(
      external.cohorts.map((c) => c.cohort),
      ["EXT"],
    );
  });
});
