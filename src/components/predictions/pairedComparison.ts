import {netBenefitDifference} from "../stats/decisionCurve.js";
import {meanByGroup, objectiveResponse} from "../stats/objectiveResponse.js";
import {delongTest} from "../stats/pairedDelong.js";
import {deriveSeed} from "../stats/random.js";
import {labelIndex, ResponseLabels} from "../study/vocabulary.js";
import type {PredictionRecord} from "./predictionColumns.js";

/**
 * The user's model against the site's model on the patients both scored: per cohort, at patient level (a patient's
 * probabilities are the mean of its patches', as everywhere), paired DeLong tests of the one-vs-rest AUC of each class
 * and of objective response (user − site), and the difference in net benefit of objective response at a few
 * thresholds with a paired patient bootstrap band. A patient is shared when the id and the cohort match in both files;
 * one whose label differs between the files is left out and counted, since the two models were then scored against
 * different truths. Pure: runs in the worker and in Node.
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

export const ComparisonThresholds = [0.2, 0.3, 0.4, 0.5, 0.6] as const;

interface PatientScore {
  label: number;
  probabilities: readonly number[];
}

function patients(rows: readonly PredictionRecord[], cohort: string): Map<string, PatientScore> {
  const list = rows.filter((r) => r.cohort === cohort);
  const groups = meanByGroup(
    list.map((r) => r.patientId),
    list.map((r) => r.probabilities),
  );
  return new Map(
    groups.map((g) => [
      g.key,
      {label: labelIndex((list[g.first] as PredictionRecord).label, `patient ${g.key}`), probabilities: g.mean},
    ]),
  );
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
    const auc: CohortComparison["auc"] = ResponseLabels.map((label, c) =>
      test(
        label,
        truth.map((t) => (t === c ? 1 : 0)),
        a.map((p) => p[c] as number),
        b.map((p) => p[c] as number),
        options.ciLevel,
      ),
    );
    const orUser = objectiveResponse(truth, a);
    const orSite = objectiveResponse(truth, b);
    auc.push(test("OR", orUser.outcome, orUser.score, orSite.score, options.ciLevel));
    const netBenefit = netBenefitDifference(orUser.outcome, orUser.score, orSite.score, {
      thresholds: [...ComparisonThresholds],
      bootstrap: options.bootstrap,
      seed: deriveSeed(options.seed, `${cohort}/compare`),
      ciLevel: options.ciLevel,
    });
    out.push({cohort, shared: truth.length, labelMismatches, auc, netBenefit});
  }
  return out;
}

function test(
  target: string,
  outcome: ArrayLike<number>,
  user: ArrayLike<number>,
  site: ArrayLike<number>,
  ciLevel: number,
): CohortComparison["auc"][number] {
  const t = delongTest(outcome, user, site, ciLevel);
  if (t === null)
    return {target, note: "not estimable (fewer than two cases or two controls among the shared patients)"};
  return {target, user: t.auc1, site: t.auc2, difference: t.difference, ci: t.ci, p: t.p};
}
