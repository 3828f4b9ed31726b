import {createRng, deriveSeed} from "../../src/components/stats/random.js";
import type {ResponseLabel} from "../../src/components/study/vocabulary.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {shuffledCategories} from "./apportion.js";
import {type ClinicalRecord, drawClinical, table1Counts} from "./clinical.js";
import {type Centre, Centres} from "./paperTable1.js";
import {drawLatent, type Phenotype, phenotypeOf} from "./phenotype.js";
import {type SynthScale, synthCounts} from "./synthScales.js";

/** Everything drawn about one patient before any voxel exists: a pure function of (seed, scale, counts). */
export interface PatientPlan {
  patientId: string;
  cohort: Centre;
  label: ResponseLabel;
  phenotype: Phenotype;
  clinical: ClinicalRecord;
  /** The Table 1 diameter this patient's largest lesion stands for (before the demo-scale mapping), cm. */
  nominalDiameterCm: number;
  /** Seed of the patient's own random stream: volumes do not depend on other patients or on generation order. */
  volumeSeed: number;
}

export interface PlanOptions {
  scale: SynthScale;
  seed: number;
  /** Patients per centre; defaults to synthCounts[scale]. */
  counts?: Partial<Record<Centre, number>>;
}

export function patientId(centre: Centre, index: number): string {
  return `${centre}-${String(index + 1).padStart(3, "0")}`;
}

export function resolveCounts(options: PlanOptions): Record<Centre, number> {
  const out = {...synthCounts[options.scale]};
  for (const centre of Centres) {
    const n = options.counts?.[centre];
    if (n === undefined) continue;
    if (!Number.isInteger(n) || n < 0 || n > 10000) {
      throw new RangeError(`counts.${centre}: expected an integer in [0, 10000], got ${n}`);
    }
    out[centre] = n;
  }
  return out;
}

/**
 * Draws the study: for each centre, response labels with Table 1's mix (exact counts by largest remainder, then a
 * seeded shuffle), a latent phenotype per patient, and the clinical variables. Each centre uses its own sub-stream,
 * so changing one centre's count leaves the others' patients unchanged.
 */
export function planStudy(options: PlanOptions): PatientPlan[] {
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be a safe integer, got ${options.seed}`);
  const counts = resolveCounts(options);
  const plans: PatientPlan[] = [];
  for (const centre of Centres) {
    const n = counts[centre];
    const rng = createRng(deriveSeed(options.seed, `plan:${centre}`));
    const labels = shuffledCategories(table1Counts(centre, "response", n), rng).map(
      (k) => ResponseLabels[k] as ResponseLabel,
    );
    const phenotypes = labels.map((label) => {
      const {latent, phenotypeLabel} = drawLatent(label, rng);
      return phenotypeOf(latent, phenotypeLabel, rng);
    });
    const {records, nominalDiameterCm} = drawClinical(
      centre,
      phenotypes.map((p) => p.latent),
      rng,
    );
    for (let i = 0; i < n; i++) {
      const id = patientId(centre, i);
      plans.push({
        patientId: id,
        cohort: centre,
        label: labels[i] as ResponseLabel,
        phenotype: phenotypes[i] as Phenotype,
        clinical: records[i] as ClinicalRecord,
        nominalDiameterCm: nominalDiameterCm[i] as number,
        volumeSeed: deriveSeed(options.seed, `volume:${id}`),
      });
    }
  }
  return plans;
}
