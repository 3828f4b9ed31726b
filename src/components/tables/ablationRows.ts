import type {AblationArtifact, ModelRung, PairedAuc, RungDiff, SeedSpread} from "../ablation/ablationArtifact.js";
import {formatEstimate, formatFixed, formatInterval, formatP} from "../format/formatStat.js";
import {holm} from "../stats/holm.js";
import type {CellNote} from "./cellNote.js";
import {estimateFlags} from "./estimateFlags.js";

/**
 * The ladder page's tables from data/ablation.json, DOM-free: rung × cohort metrics as "mean [min–max]" over seeds,
 * the paired comparisons of each rung with the previous one, and the analysis rungs' intervals. Values stay numbers
 * beside their text so the CSV downloads and the browser tests read the numbers.
 */
export function spreadText(s: SeedSpread, digits = 3): string {
  if (s.mean === null) return "n/a";
  const sd = s.sd === null ? "" : ` (SD ${formatFixed(s.sd, digits)})`;
  const text = `${formatFixed(s.mean, digits)}${sd} [${formatFixed(s.min, digits)}–${formatFixed(s.max, digits)}]`;
  // The mean and range leave out seeds where the metric is undefined; the cell says so rather than pass for all.
  const used = seedsWithValue(s);
  return used < s.perSeed.length ? `${text} (${used} of ${s.perSeed.length} seeds)` : text;
}

/** How many seeds of a spread have a value (the ones its mean and range are over). */
export function seedsWithValue(s: SeedSpread): number {
  return s.perSeed.filter((v) => v !== null).length;
}

/** A rung's change as data, in words: "model.priorCorrection: none → trainingPrevalence". */
export function diffText(diff: readonly RungDiff[]): string {
  if (diff.length === 0) return "(the starting point)";
  const value = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  return diff
    .map((d) =>
      Array.isArray(d.path)
        ? `${d.path.join(" + ")}: ${(d.from as unknown[]).map(value).join(" + ")} → ${(d.to as unknown[]).map(value).join(" + ")}`
        : `${d.path}: ${value(d.from)} → ${value(d.to)}`,
    )
    .join("; ");
}

export interface RungRow extends Record<string, unknown> {
  step: number;
  rung: string;
  branch: string;
  parent: string;
  change: string;
  diff: string;
  recipeHash: string;
}

/** The rungs table: each rung, its parent, its one change as data and its recipe hash, then its settings. */
export function rungRows(artifact: AblationArtifact): RungRow[] {
  return artifact.rungs.map((r, i) => ({
    step: i + 1,
    rung: r.id,
    branch: r.branch,
    parent: r.parent ?? "–",
    change: r.change,
    diff: diffText(r.diff),
    recipeHash: r.recipeHash === artifact.correctedRecipeHash ? `${r.recipeHash} (= corrected)` : r.recipeHash,
    ...r.settings,
  }));
}

export interface LadderRow extends Record<string, unknown> {
  step: number;
  rung: string;
  change: string;
  cohort: string;
  inSample: boolean;
  seeds: number;
  steps: string;
  orAuc: number | null;
  orAucText: string;
  accuracy: number | null;
  accuracyText: string;
  macroAuc: number | null;
  macroAucText: string;
}

export function ladderRows(artifact: AblationArtifact): LadderRow[] {
  const cohorts = [...artifact.externalCohorts, artifact.trainingCohort];
  return artifact.rungs.flatMap((rung, i) =>
    cohorts.flatMap((cohort) => {
      const m = rung.cohorts[cohort];
      if (!m) return [];
      const steps = [...new Set(rung.steps)];
      return [
        {
          step: i + 1,
          rung: rung.id,
          change: rung.change,
          cohort: m.inSample ? `${cohort} (training, in-sample)` : cohort,
          inSample: m.inSample,
          seeds: rung.seeds.length,
          steps: steps.length === 1 ? String(steps[0]) : `${Math.min(...steps)}–${Math.max(...steps)}`,
          orAuc: m.patient.objectiveResponseAuc.mean,
          orAucText: spreadText(m.patient.objectiveResponseAuc),
          accuracy: m.patient.accuracy.mean,
          accuracyText: spreadText(m.patient.accuracy),
          macroAuc: m.patient.macroAuc.mean,
          macroAucText: spreadText(m.patient.macroAuc),
        },
      ];
    }),
  );
}

export interface ComparisonRow extends Record<string, unknown> {
  rung: string;
  previous: string;
  cohort: string;
  target: string;
  patients: number;
  deltaAuc: number | null;
  deltaAucText: string;
  deltaAucNotes: CellNote[];
  ci: string;
  p: number | null;
  pText: string;
  /** Holm-adjusted over every row of the table (every rung × external cohort of this target). */
  pHolm: number | null;
  pHolmText: string;
  perSeed: string;
}

/** Each rung with its comparisons against its parent (the first rung has none). */
function withParent(
  artifact: AblationArtifact,
): Array<{rung: ModelRung; parent: string; vs: NonNullable<ModelRung["vsParent"]>}> {
  return artifact.rungs.flatMap((rung) =>
    rung.vsParent && rung.parent ? [{rung, parent: rung.parent, vs: rung.vsParent}] : [],
  );
}

/**
 * `target`: "OR" (objective response) or a class label. The p-values are listed with their Holm adjustment over the
 * table's family: every rung's comparison with its parent on every external cohort, for this target.
 */
export function comparisonRows(artifact: AblationArtifact, target = "OR"): ComparisonRow[] {
  const rows = withParent(artifact).flatMap(({rung, parent, vs}) => {
    const previous = {id: parent};
    return Object.entries(vs).map(([cohort, c]) => {
      const test: PairedAuc = target === "OR" ? c.objectiveResponse : (c.perClass[target] ?? {note: "no such class"});
      const ok = "deltaAuc" in test;
      return {
        rung: rung.id,
        previous: previous.id,
        cohort,
        target,
        patients: c.patients,
        deltaAuc: ok ? test.deltaAuc : null,
        deltaAucText: ok ? formatFixed(test.deltaAuc) : test.note,
        deltaAucNotes: ok ? estimateFlags({n: c.patients, ci: test.ci}) : [],
        ci: ok ? formatInterval(test.ci) : "–",
        p: ok ? test.p : null,
        pText: ok ? formatP(test.p) : "–",
        pHolm: null as number | null,
        pHolmText: "–",
        perSeed: target === "OR" ? spreadText(c.perSeedDeltaAuc) : "–",
      };
    });
  });
  const adjusted = holm(rows.map((r) => r.p));
  return rows.map((r, i) => {
    const p = adjusted[i] ?? null;
    return {...r, pHolm: p, pHolmText: p === null ? "–" : formatP(p)};
  });
}

export interface SeedComparisonRow extends Record<string, unknown> {
  rung: string;
  parent: string;
  cohort: string;
  seed: number;
  deltaAuc: number | null;
  /** "0.010 [-0.020, 0.040]", or why it is not estimable. */
  deltaAucText: string;
}

/** Objective response's paired ΔAUC seed by seed (seed k of a rung against seed k of its parent), long format. */
export function seedComparisonRows(artifact: AblationArtifact): SeedComparisonRow[] {
  return withParent(artifact).flatMap(({rung, parent, vs}) =>
    Object.entries(vs).flatMap(([cohort, c]) =>
      c.perSeedObjectiveResponse.map((t, k) => ({
        rung: rung.id,
        parent,
        cohort,
        seed: rung.seeds[k] ?? k + 1,
        deltaAuc: "deltaAuc" in t ? t.deltaAuc : null,
        deltaAucText: "deltaAuc" in t ? formatEstimate(t.deltaAuc, t.ci) : t.note,
      })),
    ),
  );
}

export interface NetBenefitRow extends Record<string, unknown> {
  rung: string;
  previous: string;
  cohort: string;
  threshold: number;
  deltaNb: number | null;
  deltaNbCi: readonly [number, number] | null;
  /** "0.010 [-0.020, 0.040]": ΔNB with its interval. */
  deltaNbText: string;
  deltaNbNotes: CellNote[];
}

/**
 * ΔNB of objective response, this rung − the previous one, in long format: one row per rung, cohort and threshold,
 * the estimate with its paired-bootstrap interval and no p-value (a net-benefit difference is an estimate to read
 * with its interval, not a test: Vickers et al. 2023).
 */
export function netBenefitRows(artifact: AblationArtifact): NetBenefitRow[] {
  return withParent(artifact).flatMap(({rung, parent, vs}) =>
    Object.entries(vs).flatMap(([cohort, c]) =>
      c.netBenefit.map((n) => ({
        rung: rung.id,
        previous: parent,
        cohort,
        threshold: n.threshold,
        deltaNb: n.difference,
        deltaNbCi: n.ci ?? null,
        deltaNbText: formatEstimate(n.difference, n.ci ?? null),
        deltaNbNotes: estimateFlags({n: c.patients, ci: n.ci ?? null}),
      })),
    ),
  );
}

export interface AnalysisRow extends Record<string, unknown> {
  step: string;
  change: string;
  cohort: string;
  n: number;
  auc: number | null;
  ci: string;
  width: number | null;
  aucNotes: CellNote[];
}

export function analysisRows(artifact: AblationArtifact): AnalysisRow[] {
  return artifact.analysis.flatMap((a) =>
    Object.entries(a.cohorts).map(([cohort, c]) => ({
      step: a.id,
      change: a.change,
      cohort,
      n: c.n,
      auc: c.auc,
      ci: formatInterval(c.ci),
      width: c.width,
      aucNotes: estimateFlags({n: c.n, ci: c.ci}),
    })),
  );
}
