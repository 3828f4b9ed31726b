import {concordance} from "../stats/survival/concordance.js";
import {coxPh} from "../stats/survival/coxPh.js";
import {coxZph} from "../stats/survival/coxZph.js";
import {type KaplanMeier, kaplanMeierAt} from "../stats/survival/kaplanMeier.js";
import {timeDependentAuc} from "../stats/survival/timeDependentAuc.js";
import type {EndpointSpec} from "../study/studyConfig.js";
import {groupComparison, type LandmarkComparison, landmarkComparison, type Median} from "./groupComparison.js";
import type {SurvivalCsv} from "./readSurvivalCsv.js";

export type {LandmarkComparison, Median} from "./groupComparison.js";

/** A patient's objective-response score (patient level, P(CR) + P(PR)) and cohort. */
export interface ScoredPatient {
  patientId: string;
  cohort: string;
  score: number;
  /** The observed (reference) response, for the landmark analysis of observed responders. */
  label?: string;
}

export interface SurvivalOptions {
  /** Predicted responder: score ≥ threshold (outcomes.responderThreshold). */
  threshold: number;
  ciLevel: number;
  /**
   * The study's endpoint descriptions (outcomes.endpoints): each endpoint's time-dependent AUC times and landmark.
   * An endpoint not described has neither.
   */
  endpoints?: Readonly<Record<string, Pick<EndpointSpec, "aucTimes" | "landmark">>>;
}

/** A Kaplan–Meier curve as the page draws it: the steps, their pointwise band and the censored times. */
export interface Curve {
  time: number[];
  surv: number[];
  lower: number[];
  upper: number[];
  censored: number[];
}

/** One endpoint in one cohort: the `survival.<endpoint>.<cohort>` block of `workbench evaluate`. */
export interface EndpointCohort {
  n: number;
  events: number;
  responders: number;
  nonResponders: number;
  logrank: {chisq: number; df: number; p: number | null};
  /** Cox on the score, per unit (0 → 1); null with no event. */
  cox: {
    hr: number;
    ci: [number, number];
    p: number;
    coef: number;
    se: number;
    wald: {chisq: number; p: number};
    lrt: {chisq: number; p: number};
    score: {chisq: number; p: number};
    /** Proportional hazards: scaled Schoenfeld residuals test (cox.zph, transform "km"). */
    zph: {chisq: number; p: number} | null;
    converged: boolean;
    /** Converged to a finite HR with a finite interval (false under a monotone likelihood). */
    estimable: boolean;
  } | null;
  /** Cox on the group, predicted responders against non-responders; null when a group is empty or has no event. */
  coxGroup: {hr: number; ci: [number, number]; p: number; converged: boolean; estimable: boolean} | null;
  /** Harrell's C, a higher score predicting a longer time (survival::concordance's default direction). */
  concordance: {c: number; se: number} | null;
  /** Uno's C (timewt = "n/G2"). */
  uno: {c: number; se: number} | null;
  median: {responder: number | null; nonResponder: number | null};
  medianCi: {responder: Median; nonResponder: Median};
  curves: {responder: Curve | null; nonResponder: Curve | null};
  atRisk: {times: number[]; responder: number[]; nonResponder: number[]};
  /** Cumulative/dynamic AUC at each configured time (IPCW), a lower score meaning an earlier event. */
  timeAuc: Array<{time: number; auc: number | null; cases: number; controls: number}>;
  /** Observed response from the landmark, when the endpoint has one and the patients have labels. */
  observed?: LandmarkComparison;
}

export interface SurvivalByPrediction {
  endpoints: string[];
  threshold: number;
  ciLevel: number;
  /** survival[endpoint][cohort]. */
  survival: Record<string, Record<string, EndpointCohort>>;
  /** Scored patients with no row (or no value for an endpoint) in the survival file, per endpoint. */
  unmatched: Record<string, number>;
}

const curveOf = (fit: KaplanMeier): Curve => ({
  time: fit.time.filter((_, i) => (fit.nEvent[i] as number) > 0),
  surv: fit.surv.filter((_, i) => (fit.nEvent[i] as number) > 0),
  lower: fit.lower.filter((_, i) => (fit.nEvent[i] as number) > 0),
  upper: fit.upper.filter((_, i) => (fit.nEvent[i] as number) > 0),
  censored: fit.time.filter((_, i) => (fit.nCensor[i] as number) > 0),
});

/** Round steps for the number-at-risk table: 0 and about five more up to the longest follow-up. */
export function atRiskTimes(maxTime: number): number[] {
  if (!(maxTime > 0)) return [0];
  const raw = maxTime / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power) as number;
  const times: number[] = [];
  for (let t = 0; t <= maxTime + 1e-9; t += step) times.push(Number(t.toPrecision(12)));
  return times;
}

function endpointCohort(
  time: number[],
  event: number[],
  score: number[],
  labels: Array<string | undefined>,
  options: SurvivalOptions,
  endpoint: {aucTimes: readonly number[]; landmark: number | null},
): EndpointCohort {
  const data = {time, event};
  const responder = score.map((s) => (s >= options.threshold ? 1 : 0));
  const events = event.reduce((a, b) => a + b, 0);
  const groups = groupComparison(time, event, responder, options.ciLevel);
  // coxph has no coefficient for a constant score (R gives NA): no model then, rather than an error for the cohort.
  const constant = score.every((v) => v === score[0]);
  const cox = events === 0 || constant ? null : coxPh(data, score, {ciLevel: options.ciLevel});
  const harrell = concordance(data, score);
  const uno = concordance(data, score, {timewt: "n/G2"});
  const times = atRiskTimes(Math.max(...time));
  // As summary(fit, times = …, extend = TRUE)$n.risk: still at risk at each time of the table.
  const risk = (fit: KaplanMeier | null) =>
    fit ? kaplanMeierAt(fit, times, {extend: true}).nRisk : times.map(() => 0);
  const {fits} = groups;
  const observed =
    endpoint.landmark !== null && labels.every((l) => l !== undefined)
      ? landmarkComparison(time, event, labels as string[], endpoint.landmark, options.ciLevel)
      : undefined;
  return {
    n: time.length,
    events,
    responders: groups.responders,
    nonResponders: groups.nonResponders,
    logrank: groups.logrank,
    cox:
      cox === null
        ? null
        : {
            hr: cox.hr,
            ci: cox.ci,
            p: cox.wald.p,
            coef: cox.coef,
            se: cox.se,
            wald: {chisq: cox.wald.chisq, p: cox.wald.p},
            lrt: cox.lrt,
            score: cox.score,
            zph: zphOf(data, score, cox.coef),
            converged: cox.converged,
            estimable: cox.converged && [cox.hr, ...cox.ci].every((v) => Number.isFinite(v) && v > 0),
          },
    coxGroup: groups.coxGroup,
    concordance: harrell === null ? null : {c: harrell.concordance, se: harrell.stdErr},
    uno: uno === null ? null : {c: uno.concordance, se: uno.stdErr},
    median: {responder: groups.medianCi.responder.estimate, nonResponder: groups.medianCi.nonResponder.estimate},
    medianCi: groups.medianCi,
    curves: {
      responder: fits.responder ? curveOf(fits.responder) : null,
      nonResponder: fits.nonResponder ? curveOf(fits.nonResponder) : null,
    },
    atRisk: {times, responder: risk(fits.responder), nonResponder: risk(fits.nonResponder)},
    timeAuc: endpoint.aucTimes.map((t) => {
      const a = timeDependentAuc(data, score, t, {direction: "lower"});
      return {time: t, auc: a.auc, cases: a.cases, controls: a.controls};
    }),
    ...(observed ? {observed} : {}),
  };
}

function zphOf(data: {time: number[]; event: number[]}, x: number[], coef: number): {chisq: number; p: number} | null {
  // Needs at least two events to test a change over time.
  if (data.event.reduce((a, b) => a + b, 0) < 2) return null;
  const z = coxZph(data, x, {coef});
  return Number.isFinite(z.chisq) ? {chisq: z.chisq, p: z.p} : null;
}

/**
 * Survival by predicted response, for every endpoint of the survival file and every cohort of the scored patients:
 * Kaplan–Meier curves of predicted responders (score ≥ threshold) and non-responders with medians, the log-rank
 * test, Cox regression on the score and on the group (with the proportional-hazards test), Harrell's and Uno's C and
 * the time-dependent AUC. Patients are matched by id; scored patients without a survival value are counted, not
 * guessed. Pure: the pages, the report and `workbench evaluate --survival` call the same function.
 */
export function survivalByPrediction(
  patients: readonly ScoredPatient[],
  table: Pick<SurvivalCsv, "endpoints" | "rows">,
  options: SurvivalOptions,
): SurvivalByPrediction {
  const byId = new Map(table.rows.map((r) => [r.patientId, r.values]));
  const cohorts = [...new Set(patients.map((p) => p.cohort))];
  const survival: SurvivalByPrediction["survival"] = {};
  const unmatched: Record<string, number> = {};
  for (const endpoint of table.endpoints) {
    survival[endpoint] = {};
    unmatched[endpoint] = 0;
    for (const cohort of cohorts) {
      const time: number[] = [];
      const event: number[] = [];
      const score: number[] = [];
      const labels: Array<string | undefined> = [];
      for (const p of patients) {
        if (p.cohort !== cohort) continue;
        const value = byId.get(p.patientId)?.[endpoint];
        if (value === undefined) {
          unmatched[endpoint]++;
          continue;
        }
        time.push(value.time);
        event.push(value.event);
        score.push(p.score);
        labels.push(p.label);
      }
      if (time.length === 0) continue;
      (survival[endpoint] as Record<string, EndpointCohort>)[cohort] = endpointCohort(
        time,
        event,
        score,
        labels,
        options,
        {
          aucTimes: options.endpoints?.[endpoint]?.aucTimes ?? [],
          landmark: options.endpoints?.[endpoint]?.landmark ?? null,
        },
      );
    }
  }
  return {endpoints: [...table.endpoints], threshold: options.threshold, ciLevel: options.ciLevel, survival, unmatched};
}
