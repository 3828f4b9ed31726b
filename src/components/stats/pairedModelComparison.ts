import {type NetBenefitDifference, netBenefitDifference} from "./decisionCurve.js";
import {objectiveResponse} from "./objectiveResponse.js";
import {type DeLongTest, delongTest} from "./pairedDelong.js";

export interface PairedModelComparisonOptions {
  ciLevel: number;
  /** Class indices counted as objective response (default [0, 1]: CR and PR). */
  responders?: readonly number[];
  /** Classes of the one-vs-rest tests (0 … classes − 1); 0 tests objective response only. */
  classes: number;
  /**
   * ΔNB of objective response at `thresholds`, with `bootstrap` paired patient replicates (0: no interval) drawn
   * from `seed`. Each caller derives its own seed (`deriveSeed(base, label)`, its own label), so its intervals stay
   * on its own stream. null: no ΔNB.
   */
  netBenefit: {thresholds: readonly number[]; bootstrap: number; seed: number} | null;
}

export interface PairedModelComparison {
  /** Paired DeLong test of objective response, model A − model B; null when not estimable. */
  objectiveResponse: DeLongTest | null;
  /** One-vs-rest paired DeLong test of each class index, A − B; null when not estimable. */
  perClass: Array<DeLongTest | null>;
  /** NB(A) − NB(B) of objective response per threshold, with its paired patient-bootstrap interval. */
  netBenefit: NetBenefitDifference[];
}

/**
 * Two models scored on the same patients, at patient level (`truth[i]` the class index of patient i, `a[i]` and
 * `b[i]` its class probabilities under each model): the paired DeLong ΔAUC with its CI and p of objective response
 * (P(responders) as the score) and of each class one-vs-rest, and the difference in net benefit of objective response
 * per threshold, estimated with an interval from one paired bootstrap that resamples patients (the same resample for
 * both models, unstratified, `netBenefitDifference`). A test is null when the patients hold fewer than two cases or
 * two controls. Pure: the ablation ladder, the clinical baseline and the Your predictions comparison all call this.
 */
export function pairedModelComparison(
  truth: ArrayLike<number>,
  a: ReadonlyArray<ArrayLike<number>>,
  b: ReadonlyArray<ArrayLike<number>>,
  options: PairedModelComparisonOptions,
): PairedModelComparison {
  if (a.length !== truth.length || b.length !== truth.length)
    throw new RangeError(
      `pairedModelComparison: expected one score per patient of each model, got ${truth.length} patients, ${a.length} and ${b.length} scores`,
    );
  const {ciLevel, responders, classes, netBenefit} = options;
  const orA = objectiveResponse(truth, a, responders);
  const orB = objectiveResponse(truth, b, responders);
  const column = (probabilities: ReadonlyArray<ArrayLike<number>>, k: number) =>
    Array.from(probabilities, (p) => p[k] as number);
  return {
    objectiveResponse: delongTest(orA.outcome, orA.score, orB.score, ciLevel),
    perClass: Array.from({length: classes}, (_, k) =>
      delongTest(
        Array.from(truth, (t) => (t === k ? 1 : 0)),
        column(a, k),
        column(b, k),
        ciLevel,
      ),
    ),
    netBenefit: netBenefit
      ? netBenefitDifference(orA.outcome, orA.score, orB.score, {
          thresholds: netBenefit.thresholds,
          bootstrap: netBenefit.bootstrap,
          seed: netBenefit.seed,
          ciLevel,
        })
      : [],
  };
}
