import type {Rng} from "../../src/components/stats/random.js";
import {apportion, rankLinkedCategories, shuffledCategories} from "./apportion.js";
import {type Centre, table1} from "./paperTable1.js";

/** The clinical columns of the manifest (tumour_size_cm is measured from the mask later, not drawn here). */
export interface ClinicalRecord {
  age: number;
  sex: "M" | "F";
  hbsag: "positive" | "negative";
  child_pugh: "A" | "B";
  alt: number;
  ast: number;
  afp: number;
  cirrhosis: "yes" | "no";
  tumour_number: number;
}

/** How strongly each variable follows the latent response score (noise sd in latent units; classes are 1 apart). */
export const clinicalLinks = {
  /** Table 1 size bin: strong (smaller tumours respond better; Park 2017, Vesselle 2016). */
  sizeBin: 0.9,
  /** More than three nodules: moderate. */
  numberOver3: 1.5,
  /** AFP > 20 ng/mL: weak. */
  afpOver20: 2.5,
} as const;

/** Category counts for n patients of a centre, proportional to Table 1 (exact Table 1 counts when n matches). */
export function table1Counts(
  centre: Centre,
  variable: Exclude<keyof (typeof table1)["NFH"], "n">,
  n: number,
): number[] {
  return apportion(table1[centre][variable], n);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A lab value on the ≤ cut or > cut side: uniform below the cut, log-normal tail above it (integers, U/L). */
function labValue(over: boolean, cut: number, tailSd: number, rng: Rng): number {
  if (!over) return 10 + rng.int(cut - 10 + 1);
  return Math.round(clamp(cut * Math.exp(Math.abs(tailSd * rng.normal())), cut + 1, 15 * cut));
}

/**
 * Draws the clinical variables for one centre's patients: Table 1's marginal counts exactly (largest-remainder
 * apportionment for n other than the paper's), with values drawn inside each category. Tumour size bin, number and
 * AFP are rank-linked to the latent response score; the rest are independent of response.
 */
export function drawClinical(
  centre: Centre,
  latents: readonly number[],
  rng: Rng,
): {records: ClinicalRecord[]; nominalDiameterCm: number[]} {
  const n = latents.length;
  const cat = (v: Parameters<typeof table1Counts>[1]) => shuffledCategories(table1Counts(centre, v, n), rng);
  const linked = (v: Parameters<typeof table1Counts>[1], noise: number) =>
    rankLinkedCategories(table1Counts(centre, v, n), latents, noise, rng);
  const ageOver60 = cat("ageOver60");
  const sex = cat("sex");
  const hbsag = cat("hbsag");
  const childPugh = cat("childPugh");
  const alt = cat("altOver40");
  const ast = cat("astOver40");
  const afp = linked("afpOver20", clinicalLinks.afpOver20);
  const cirrhosis = cat("cirrhosis");
  const numberOver3 = linked("numberOver3", clinicalLinks.numberOver3);
  const sizeBin = linked("sizeBin", clinicalLinks.sizeBin);

  const records: ClinicalRecord[] = [];
  const nominalDiameterCm: number[] = [];
  for (let i = 0; i < n; i++) {
    const age =
      ageOver60[i] === 1
        ? Math.round(clamp(61 + Math.abs(7 * rng.normal()), 61, 85))
        : Math.round(clamp(50 + 6.5 * rng.normal(), 28, 60));
    const afpOver = afp[i] === 1;
    const afpValue = afpOver
      ? clamp(20 * Math.exp(2.5 * -Math.log(1 - rng.next())), 20.1, 60500)
      : clamp(1 + 19 * rng.next(), 1, 20);
    const u = rng.next();
    const number = numberOver3[i] === 1 ? (u < 0.5 ? 4 : u < 0.8 ? 5 : 6) : u < 0.55 ? 1 : u < 0.83 ? 2 : 3;
    records.push({
      age,
      sex: sex[i] === 1 ? "F" : "M",
      hbsag: hbsag[i] === 1 ? "negative" : "positive",
      child_pugh: childPugh[i] === 1 ? "B" : "A",
      alt: labValue(alt[i] === 1, 40, 0.7, rng),
      ast: labValue(ast[i] === 1, 40, 0.8, rng),
      afp: Math.round(afpValue * 10) / 10,
      cirrhosis: cirrhosis[i] === 1 ? "no" : "yes",
      tumour_number: number,
    });
    const bin = sizeBin[i] ?? 1;
    const [lo, hi] = bin === 0 ? [2, 5] : bin === 1 ? [5, 10] : [10, 15];
    nominalDiameterCm.push(lo + (hi - lo) * rng.next());
  }
  return {records, nominalDiameterCm};
}
