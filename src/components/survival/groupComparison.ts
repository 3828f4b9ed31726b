import {coxPh} from "../stats/survival/coxPh.js";
import {type KaplanMeier, kaplanMeier, medianSurvival} from "../stats/survival/kaplanMeier.js";
import {logRank} from "../stats/survival/logRank.js";

/** A median survival time with its confidence interval (print(survfit) rule); null = not reached. */
export interface Median {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * Observed responders (CR/PR) against non-responders, from the response assessment on: only patients still followed
 * at the landmark, their time counted from it. From day 0 the comparison would be biased: a patient has to survive
 * to the assessment to be called a responder (guarantee-time bias).
 */
export interface LandmarkComparison {
  landmark: number;
  /** Patients followed beyond the landmark, and those left out (event or censored at or before it). */
  n: number;
  excluded: number;
  events: number;
  responders: number;
  nonResponders: number;
  logrank: {chisq: number; df: number; p: number | null};
  coxGroup: {hr: number; ci: [number, number]; p: number; converged: boolean; estimable: boolean} | null;
  medianCi: {responder: Median; nonResponder: Median};
}

const finite = (...values: number[]) => values.every((v) => Number.isFinite(v) && v > 0);

/** KM medians, log-rank and Cox of a 0/1 group: the shared core of the predicted and the observed comparison. */
export function groupComparison(time: number[], event: number[], group: number[], ciLevel: number) {
  const data = {time, event};
  const n1 = group.reduce((a, b) => a + b, 0);
  const pick = (want: number) => {
    const idx = group.flatMap((g, i) => (g === want ? [i] : []));
    return {time: idx.map((i) => time[i] as number), event: idx.map((i) => event[i] as number)};
  };
  const fits = {
    responder: n1 > 0 ? kaplanMeier(pick(1), {ciLevel}) : null,
    nonResponder: n1 < time.length ? kaplanMeier(pick(0), {ciLevel}) : null,
  };
  const median = (fit: KaplanMeier | null): Median =>
    fit ? medianSurvival(fit, {rule: "print"}) : {estimate: null, lower: null, upper: null};
  const rank = logRank(data, group);
  const groupEvents = (want: number) => group.some((g, i) => g === want && event[i] === 1);
  const cox =
    n1 === 0 || n1 === time.length || !(groupEvents(0) || groupEvents(1)) ? null : coxPh(data, group, {ciLevel});
  return {
    fits,
    responders: n1,
    nonResponders: time.length - n1,
    logrank: {chisq: rank.chisq, df: rank.df, p: rank.p},
    // A group without an event makes the likelihood monotone: the HR runs off to 0 or ∞ (R warns that the
    // coefficient may be infinite), whatever the iterations say.
    coxGroup:
      cox === null
        ? null
        : {
            hr: cox.hr,
            ci: cox.ci,
            p: cox.wald.p,
            converged: cox.converged,
            estimable: cox.converged && groupEvents(0) && groupEvents(1) && finite(cox.hr, ...cox.ci),
          },
    medianCi: {responder: median(fits.responder), nonResponder: median(fits.nonResponder)},
  };
}

export function landmarkComparison(
  time: number[],
  event: number[],
  labels: string[],
  landmark: number,
  ciLevel: number,
): LandmarkComparison {
  const keep = time.flatMap((t, i) => (t > landmark ? [i] : []));
  const g = groupComparison(
    keep.map((i) => (time[i] as number) - landmark),
    keep.map((i) => event[i] as number),
    keep.map((i) => (labels[i] === "CR" || labels[i] === "PR" ? 1 : 0)),
    ciLevel,
  );
  return {
    landmark,
    n: keep.length,
    excluded: time.length - keep.length,
    events: keep.reduce((a, i) => a + (event[i] as number), 0),
    responders: g.responders,
    nonResponders: g.nonResponders,
    logrank: g.logrank,
    coxGroup: g.coxGroup,
    medianCi: g.medianCi,
  };
}
