import type {AblationArtifact, PairedAuc, SeedSpread} from "../ablation/ablationArtifact.js";
import {formatFixed, formatInterval, formatP} from "../format/formatStat.js";

/**
 * The ladder page's tables from data/ablation.json, DOM-free: rung × cohort metrics as "mean [min–max]" over seeds,
 * the paired comparisons of each rung with the previous one, and the analysis rungs' intervals. Values stay numbers
 * beside their text so the CSV downloads and the browser tests read the numbers.
 */
export function spreadText(s: SeedSpread, digits = 3): string {
  if (s.mean === null) return "n/a";
  return `${formatFixed(s.mean, digits)} [${formatFixed(s.min, digits)}–${formatFixed(s.max, digits)}]`;
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
  ci: string;
  p: number | null;
  pText: string;
  perSeed: string;
  netBenefit: string;
}

/** `target`: "OR" (objective response) or a class label. */
export function comparisonRows(artifact: AblationArtifact, target = "OR"): ComparisonRow[] {
  return artifact.rungs.flatMap((rung, i) => {
    const previous = artifact.rungs[i - 1];
    if (!rung.vsPrevious || !previous) return [];
    return Object.entries(rung.vsPrevious).map(([cohort, c]) => {
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
        ci: ok ? formatInterval(test.ci) : "–",
        p: ok ? test.p : null,
        pText: ok ? formatP(test.p) : "–",
        perSeed: target === "OR" ? spreadText(c.perSeedDeltaAuc) : "–",
        netBenefit: c.netBenefit
          .map((n) => `${n.threshold}: ${formatFixed(n.difference)} ${formatInterval(n.ci)} p ${formatP(n.p)}`)
          .join("; "),
      };
    });
  });
}

export interface AnalysisRow extends Record<string, unknown> {
  step: string;
  change: string;
  cohort: string;
  n: number;
  auc: number | null;
  ci: string;
  width: number | null;
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
    })),
  );
}
