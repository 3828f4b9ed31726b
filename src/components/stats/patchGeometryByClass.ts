import {type ResponseLabel, ResponseLabels} from "../study/vocabulary.js";
import {kruskalWallis} from "./kruskalWallis.js";
import {quantile} from "./quantile.js";

/**
 * The Cohorts page's patch geometry by response class: per cohort and class, the patch side in mm and its enlargement
 * to 224 px (magnification), summarised per patient first (the mean of its patches), so a patient with three
 * patches counts once; and a Kruskal–Wallis test of magnification across classes. Tumour size is linked to response
 * (small tumours respond more often), so a magnification that differs by class is a confounder: the model could read
 * the enlargement (blur, texture scale) rather than the tumour. Pure; runs in the build and in the browser.
 */
export interface PatientGeometry {
  cohort: string;
  label: ResponseLabel;
  sizeMm: number;
  magnification: number;
}

export interface GeometryClassRow {
  cohort: string;
  label: ResponseLabel;
  patients: number;
  sizeMm: Summary | null;
  magnification: Summary | null;
}

export interface Summary {
  median: number;
  q1: number;
  q3: number;
}

export interface GeometryByClass {
  rows: GeometryClassRow[];
  /** Per cohort: Kruskal–Wallis of the patients' magnification and patch size across classes (p null if undefined). */
  tests: Array<{cohort: string; magnificationP: number | null; sizeP: number | null; confounded: boolean}>;
  /** The significance level below which the page says magnification differs by class. */
  alpha: number;
}

/** One value per patient: the mean of its patches' size and magnification, in first-seen order. */
export function patientGeometry(
  patches: ReadonlyArray<{
    cohort: string;
    patientId: string;
    label: ResponseLabel;
    sizeMm: number;
    magnification: number;
  }>,
): PatientGeometry[] {
  const byPatient = new Map<string, {first: (typeof patches)[number]; size: number; mag: number; n: number}>();
  for (const p of patches) {
    const key = `${p.cohort}\u0000${p.patientId}`;
    const entry = byPatient.get(key) ?? {first: p, size: 0, mag: 0, n: 0};
    entry.size += p.sizeMm;
    entry.mag += p.magnification;
    entry.n++;
    byPatient.set(key, entry);
  }
  return [...byPatient.values()].map(({first, size, mag, n}) => ({
    cohort: first.cohort,
    label: first.label,
    sizeMm: size / n,
    magnification: mag / n,
  }));
}

export function geometryByClass(patients: readonly PatientGeometry[], alpha = 0.05): GeometryByClass {
  const cohorts = [...new Set(patients.map((p) => p.cohort))];
  const rows: GeometryClassRow[] = [];
  const tests: GeometryByClass["tests"] = [];
  for (const cohort of cohorts) {
    const groups = ResponseLabels.map((label) => patients.filter((p) => p.cohort === cohort && p.label === label));
    groups.forEach((group, c) => {
      rows.push({
        cohort,
        label: ResponseLabels[c]!,
        patients: group.length,
        sizeMm: summary(group.map((p) => p.sizeMm)),
        magnification: summary(group.map((p) => p.magnification)),
      });
    });
    const magnificationP = kruskalWallis(groups.map((g) => g.map((p) => p.magnification))).p;
    const sizeP = kruskalWallis(groups.map((g) => g.map((p) => p.sizeMm))).p;
    tests.push({cohort, magnificationP, sizeP, confounded: magnificationP !== null && magnificationP < alpha});
  }
  return {rows, tests, alpha};
}

function summary(values: number[]): Summary | null {
  if (values.length === 0) return null;
  return {median: quantile(values, 0.5)!, q1: quantile(values, 0.25)!, q3: quantile(values, 0.75)!};
}
