import {writeCsv} from "../../src/components/csv/writeCsv.js";
import {createRng, deriveSeed} from "../../src/components/stats/random.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import type {PatientPlan} from "./planStudy.js";

/**
 * The demo study's follow-up: three readers' mRECIST and two survival endpoints, drawn from each patient's latent
 * response score (phenotype.ts: 0 = a typical CR, 3 = a typical PD). Drawn on each patient's own sub-stream
 * (seed, "outcomes:<id>"), after and apart from everything the volumes use, so adding them changed no image, label or
 * clinical value of the study.
 *
 * - Reader 1 is the study's reading: the manifest label, which the model is trained on.
 * - Readers 2 and 3 read the same response with their own error: class = round(latent + readingSd·ε), clamped to
 *   CR…PD: they disagree with reader 1 mostly by one class, at a rate (the Readers page measures it) of the order
 *   the three readers of the public HCC-TACE-Seg sheet show among themselves.
 * - Overall survival and time to progression (months) are Weibull with a median falling log-linearly in t = latent/3
 *   from the CR end to the PD end (medianOs, medianTtp): better responders live longer, which is why response is a
 *   surrogate in the first place. A progression not seen before death is censored at death.
 * - Follow-up ends at administrative censoring (accrual spread uniformly over accrualMonths, the study closing
 *   minFollowUpMonths after the last patient) or at loss to follow-up (exponential, lossPerMonth), whichever is first.
 */
export const outcomeModel = {
  readers: 3,
  readingSd: 0.4,
  weibullShape: 1.3,
  medianOsMonths: {cr: 40, pd: 12},
  medianTtpMonths: {cr: 20, pd: 5},
  accrualMonths: 36,
  minFollowUpMonths: 24,
  lossPerMonth: 0.01,
} as const;

export interface PatientOutcomes {
  patientId: string;
  readers: string[];
  os: {time: number; event: 0 | 1};
  ttp: {time: number; event: 0 | 1};
}

/** Weibull time with the given median: the median fixes the scale (median = scale·ln2^(1/shape)). */
function weibull(median: number, shape: number, u: number): number {
  const scale = median / Math.log(2) ** (1 / shape);
  return scale * (-Math.log(1 - u)) ** (1 / shape);
}

const logLerp = (cr: number, pd: number, t: number) => Math.exp(Math.log(cr) + (Math.log(pd) - Math.log(cr)) * t);
/** Times to 0.1 month, as a sheet would record them; never 0 (a patient is followed for some time). */
const tenth = (x: number) => Math.max(0.1, Math.round(x * 10) / 10);

export function drawOutcomes(plans: readonly PatientPlan[], seed: number): PatientOutcomes[] {
  const m = outcomeModel;
  return plans.map((plan) => {
    const rng = createRng(deriveSeed(seed, `outcomes:${plan.patientId}`));
    const latent = plan.phenotype.latent;
    const readers = [plan.label as string];
    for (let r = 1; r < m.readers; r++) {
      const k = Math.min(3, Math.max(0, Math.round(latent + m.readingSd * rng.normal())));
      readers.push(ResponseLabels[k] as string);
    }
    const t = Math.min(1, Math.max(0, latent / 3));
    const death = weibull(logLerp(m.medianOsMonths.cr, m.medianOsMonths.pd, t), m.weibullShape, rng.next());
    const progression = weibull(logLerp(m.medianTtpMonths.cr, m.medianTtpMonths.pd, t), m.weibullShape, rng.next());
    const administrative = m.minFollowUpMonths + m.accrualMonths * rng.next();
    const lost = -Math.log(1 - rng.next()) / m.lossPerMonth;
    const followUp = Math.min(administrative, lost);
    const osTime = tenth(Math.min(death, followUp));
    const osEvent: 0 | 1 = death <= followUp ? 1 : 0;
    const ttpTime = tenth(Math.min(progression, death, followUp));
    const ttpEvent: 0 | 1 = progression <= Math.min(death, followUp) ? 1 : 0;
    return {
      patientId: plan.patientId,
      readers,
      os: {time: osTime, event: osEvent},
      ttp: {time: Math.min(ttpTime, osTime), event: ttpEvent},
    };
  });
}

/** readers.csv: patient_id and one column per reader (the contract of `workbench evaluate --readers`). */
export function readersCsv(outcomes: readonly PatientOutcomes[]): string {
  const header = ["patient_id", ...Array.from({length: outcomeModel.readers}, (_, r) => `reader_${r + 1}`)];
  return writeCsv(
    header,
    outcomes.map((o) => [o.patientId, ...o.readers]),
  );
}

/** survival.csv: patient_id and one <endpoint>_time, <endpoint>_event pair per endpoint (`evaluate --survival`). */
export function survivalCsv(outcomes: readonly PatientOutcomes[]): string {
  return writeCsv(
    ["patient_id", "os_time", "os_event", "ttp_time", "ttp_event"],
    outcomes.map((o) => [o.patientId, o.os.time, o.os.event, o.ttp.time, o.ttp.event]),
  );
}
