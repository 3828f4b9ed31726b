import {type AggregatedPatient, aggregatePatients} from "../stats/aggregatePatients.js";
import {NetBenefitThresholds} from "../stats/netBenefitThresholds.js";
import type {DeLongTest} from "../stats/pairedDelong.js";
import {pairedModelComparison} from "../stats/pairedModelComparison.js";
import {deriveSeed} from "../stats/random.js";
import {ResponseLabels} from "../study/vocabulary.js";
import type {PredictionRecord} from "./predictionColumns.js";

/**
 * The user's model against the site's model on the patients both scored: per cohort, at patient level (a patient's
 * probabilities are the mean of its patches', as everywhere), `pairedModelComparison` (user − site): paired DeLong
 * tests of the one-vs-rest AUC of each class and of objective response, and the difference in net benefit of
 * objective response at the default thresholds with a paired patient bootstrap band. A patient is shared when the id
 * and the cohort match in both files; one whose label differs between the files is left out and counted, since the
 * two models were then scored against different truths. Pure: runs in the worker and in Node.
 */
export interface CohortComparison {
  cohort: string;
  shared: number;
  labelMismatches: number;
  /** "CR" … "PD" and "OR" (objective response). */
  auc: Array<
    | {target: string; user: number; site: number; difference: number; ci: [number, number]; p: number}
    | {target: string; note: string}
  >;
  netBenefit: Array<{threshold: number; difference: number; ci?: [number, number]}>;
}

function patients(rows: readonly PredictionRecord[], cohort: string): Map<string, AggregatedPatient> {
  return new Map(aggregatePatients(rows, {cohort}).map((p) => [p.patientId, p]));
}

export function pairedComparison(
  user: readonly PredictionRecord[],
  site: readonly PredictionRecord[],
  options: {bootstrap: number; seed: number; ciLevel: number},
): CohortComparison[] {
  const cohorts = [...new Set(user.map((r) => r.cohort))].sort();
  const out: CohortComparison[] = [];
  for (const cohort of cohorts) {
    const mine = patients(user, cohort);
    const theirs = patients(site, cohort);
    const truth: number[] = [];
    const a: Array<readonly number[]> = [];
    const b: Array<readonly number[]> = [];
    let labelMismatches = 0;
    for (const [id, u] of mine) {
      const s = theirs.get(id);
      if (!s) continue;
      if (s.label !== u.label) {
        labelMismatches++;
        continue;
      }
      truth.push(u.label);
      a.push(u.probabilities);
      b.push(s.probabilities);
    }
    if (truth.length === 0) continue;
    const compared = pairedModelComparison(truth, a, b, {
      ciLevel: options.ciLevel,
      classes: ResponseLabels.length,
      netBenefit: {
        thresholds: NetBenefitThresholds,
        bootstrap: options.bootstrap,
        seed: deriveSeed(options.seed, `${cohort}/compare`),
      },
    });
    const auc = [
      ...ResponseLabels.map((label, c) => entry(label, compared.perClass[c] ?? null)),
      entry("OR", compared.objectiveResponse),
    ];
    out.push({cohort, shared: truth.length, labelMismatches, auc, netBenefit: compared.netBenefit});
  }
  return out;
}

function entry(target: string, t: DeLongTest | null): CohortComparison["auc"][number] {
  if (t === null)
    return {target, note: "not estimable (fewer than two cases or two controls among the shared patients)"};
  return {target, user: t.auc1, site: t.auc2, difference: t.difference, ci: t.ci, p: t.p};
}
