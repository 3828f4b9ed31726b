import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  type ComparisonPatient,
  clinicalComparison,
} from "../../../src/components/clinicalBaseline/clinicalComparison.js";
import {auc} from "../../../src/components/stats/auc.js";
import {createRng} from "../../../src/components/stats/random.js";

/** Patients whose class follows a latent score; size tracks it strongly, the image score weakly. Seeded. */
function study(seed: number): ComparisonPatient[] {
  const rng = createRng(seed);
  const out: ComparisonPatient[] = [];
  for (const [cohort, n] of [
    ["A", 120],
    ["B", 60],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const latent = rng.normal();
      const label = latent < -0.8 ? 0 : latent < 0 ? 1 : latent < 0.8 ? 2 : 3;
      const size = 4 + 1.5 * latent + 0.5 * rng.normal();
      const img = 1 / (1 + Math.exp(latent + 1.5 * rng.normal()));
      const image = [img / 2, img / 2, (1 - img) / 2, (1 - img) / 2];
      out.push({
        patientId: `${cohort}${i}`,
        cohort,
        label,
        clinical: {size: i % 10 === 0 ? null : size, sex: rng.next() < 0.5 ? "M" : "F"},
        image,
      });
    }
  }
  return out;
}

const options = {
  trainingCohort: "A",
  predictors: [
    {name: "size", type: "number" as const},
    {name: "sex", type: "category" as const, levels: ["M", "F"]},
  ],
  classes: 4,
  seed: 3,
  replicates: 50,
  ciLevel: 0.95,
  thresholds: [0.2, 0.4, 0.6],
};

describe("clinicalComparison", () => {
  it("compares on the external cohort only, with ΔAUC equal to the difference of the AUCs", () => {
    const result = clinicalComparison(study(1), options);
    assert.deepEqual(
      result.cohorts.map((c) => c.cohort),
      ["B"],
    );
    const b = result.cohorts[0]!;
    assert.equal(b.patients, 60);
    // The λ search's k is stored as run (default 5; Clinical baseline renders it from here), and follows options.folds.
    assert.equal(result.clinical.lambdaFolds, 5);
    assert.equal(result.combined.lambdaFolds, 5);
    assert.equal(clinicalComparison(study(1), {...options, folds: 3}).clinical.lambdaFolds, 3);
    const t = b.imageVsClinical!;
    assert.ok(Math.abs(t.difference - ((b.auc.image.auc as number) - (b.auc.clinical.auc as number))) < 1e-12);
    // The image AUC is that of the image model's own P(CR) + P(PR).
    const patients = study(1).filter((p) => p.cohort === "B");
    const expected = auc(
      patients.map((p) => (p.label <= 1 ? 1 : 0)),
      patients.map((p) => (p.image[0] as number) + (p.image[1] as number)),
    );
    assert.ok(Math.abs((b.auc.image.auc as number) - (expected as number)) < 1e-12);
    // Size drives the class: the clinical model discriminates well.
    assert.ok((b.auc.clinical.auc as number) > 0.8, `clinical AUC ${b.auc.clinical.auc}`);
    assert.equal(b.netBenefit.imageVsClinical.length, 3);
    assert.ok(b.imageTermLrt && b.imageTermLrt.df === 1);
    assert.equal(result.holmFamily, 3);
    for (const p of [t, b.combinedVsClinical!, b.imageTermLrt]) assert.ok((p.pHolm as number) >= p.p);
  });

  it("counts the imputed values per variable and cohort", () => {
    const result = clinicalComparison(study(1), options);
    assert.equal(result.training.missing.size, 12);
    assert.equal(result.cohorts[0]?.imputed.size, 6);
    assert.equal(result.cohorts[0]?.patientsImputed, 6);
  });

  it("is deterministic for a seed", () => {
    assert.deepEqual(clinicalComparison(study(2), options), clinicalComparison(study(2), options));
  });

  it("leaves out a variable with one value in training, saying why", () => {
    const patients = study(1).map((p) => ({
      ...p,
      clinical: {...p.clinical, sex: p.cohort === "A" ? "M" : p.clinical.sex},
    }));
    const result = clinicalComparison(patients, options);
    assert.deepEqual(result.dropped, [{name: "sex", reason: "a single value in the training cohort"}]);
  });

  it("names the patient whose image probabilities are malformed", () => {
    const patients = study(1);
    patients[5] = {...patients[5]!, image: [1]};
    assert.throws(() => clinicalComparison(patients, options), /patient A5/);
  });
});
