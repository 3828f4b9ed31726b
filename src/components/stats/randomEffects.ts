import {assertFinite, assertSameLength} from "./assertFinite.js";
import {chiSquareSurvival} from "./chiSquare.js";
import {checkLevel} from "./delong.js";
import {normalQuantile, normalSurvival} from "./normal.js";

export type TauMethod = "DL" | "REML";

export interface RandomEffectsOptions {
  /** Between-study variance estimator: DerSimonian–Laird (moment) or restricted maximum likelihood (default). */
  method?: TauMethod;
  ciLevel?: number;
}

export interface RandomEffects {
  method: TauMethod;
  /** Number of estimates pooled. */
  k: number;
  /** Between-study variance τ² (≥ 0). */
  tau2: number;
  /** Pooled estimate Σw*y/Σw*, w* = 1/(v + τ²). */
  estimate: number;
  se: number;
  /** Wald interval estimate ± z·se. */
  ci: [number, number];
  z: number;
  p: number;
  /** Cochran's Q with the fixed-effect weights 1/v, its df k − 1, and its χ² p (null when k = 1). */
  Q: number;
  Qdf: number;
  Qp: number | null;
  /** I² in percent, 100·τ²/(τ² + s²) with s² the "typical" within-study variance (as metafor); null when k = 1. */
  I2: number | null;
  /** H² = (τ² + s²)/s²; null when k = 1. */
  H2: number | null;
  /** REML Fisher-scoring iterations (0 for DL). */
  iterations: number;
}

/**
 * Random-effects meta-analysis of estimates `yi` with within-study variances `vi` (e.g. centre AUCs on the logit
 * scale, see logitScale.ts), matching R `metafor::rma(yi, vi, method = "DL" | "REML")` (τ², estimate, se, CI, z, p,
 * Q, I², H²). REML is fitted by Fisher scoring from the DL value, truncated at 0 like metafor, to |Δτ²| < 1e-14.
 * Throws RangeError for no estimates, a non-finite value, or a variance that is not > 0 (naming the index).
 */
export function randomEffects(
  yi: ArrayLike<number>,
  vi: ArrayLike<number>,
  {method = "REML", ciLevel = 0.95}: RandomEffectsOptions = {},
): RandomEffects {
  assertSameLength(yi, vi, "yi and vi");
  assertFinite(yi, "yi");
  assertFinite(vi, "vi");
  checkLevel(ciLevel);
  const k = yi.length;
  if (k === 0) throw new RangeError("randomEffects needs at least one estimate");
  for (let i = 0; i < k; i++) if (!((vi[i] as number) > 0)) throw new RangeError(`vi[${i}] must be > 0, not ${vi[i]}`);
  const y = Array.from(yi);
  const v = Array.from(vi);
  const w = v.map((x) => 1 / x);
  const sw = sum(w);
  const sw2 = sum(w.map((x) => x * x));
  const fixed = sum(w.map((x, i) => x * (y[i] as number))) / sw;
  const Q = sum(w.map((x, i) => x * ((y[i] as number) - fixed) ** 2));
  const dl = k === 1 ? 0 : Math.max(0, (Q - (k - 1)) / (sw - sw2 / sw));
  let tau2 = dl;
  let iterations = 0;
  if (method === "REML" && k > 1) {
    for (; iterations < 1000; iterations++) {
      // Fisher scoring for the intercept-only model: with W = diag(1/(v + τ²)) and P = W − W11ᵀW/ΣW,
      // Δτ² = (yᵀPPy − tr P)/tr(PP), written out in sums of the weights.
      const ws = v.map((x) => 1 / (x + tau2));
      const s1 = sum(ws);
      const s2 = sum(ws.map((x) => x * x));
      const s3 = sum(ws.map((x) => x * x * x));
      const mu = sum(ws.map((x, i) => x * (y[i] as number))) / s1;
      const yPPy = sum(ws.map((x, i) => (x * ((y[i] as number) - mu)) ** 2));
      const trP = s1 - s2 / s1;
      const trPP = s2 - (2 * s3) / s1 + (s2 * s2) / (s1 * s1);
      const next = Math.max(0, tau2 + (yPPy - trP) / trPP);
      const change = Math.abs(next - tau2);
      tau2 = next;
      if (change < 1e-14) {
        iterations++;
        break;
      }
    }
  } else if (method !== "DL" && method !== "REML") {
    throw new RangeError(`method must be "DL" or "REML", not ${String(method)}`);
  }
  const ws = v.map((x) => 1 / (x + tau2));
  const s1 = sum(ws);
  const estimate = sum(ws.map((x, i) => x * (y[i] as number))) / s1;
  const se = Math.sqrt(1 / s1);
  const zq = normalQuantile(1 - (1 - ciLevel) / 2);
  const z = estimate / se;
  const typical = k > 1 ? ((k - 1) * sw) / (sw * sw - sw2) : null;
  return {
    method,
    k,
    tau2,
    estimate,
    se,
    ci: [estimate - zq * se, estimate + zq * se],
    z,
    p: 2 * normalSurvival(Math.abs(z)),
    Q,
    Qdf: k - 1,
    Qp: k > 1 ? chiSquareSurvival(Q, k - 1) : null,
    I2: typical === null ? null : (100 * tau2) / (tau2 + typical),
    H2: typical === null ? null : (tau2 + typical) / typical,
    iterations,
  };
}

function sum(a: readonly number[]): number {
  let s = 0;
  for (const x of a) s += x;
  return s;
}
