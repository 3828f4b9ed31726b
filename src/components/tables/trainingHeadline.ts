import {formatPercent} from "../format/formatStat.js";
import {summariseTraining, type TrainingCurve} from "../specs/trainingSpec.js";

/**
 * The Training page's answer above its controls: for each protocol, the four-class accuracy at its last epoch on
 * each cohort the curves track (mean over seeds), from training.json — "At the last epoch (20), four-class accuracy:
 * corrected T 81.2%, B 52.0%; paper T 90.1%, B 47.3%." Empty without curves.
 */
export function trainingHeadline(curves: readonly TrainingCurve[]): string {
  const protocols = [...new Set(curves.map((c) => c.protocol))];
  const parts = protocols.flatMap((protocol) => {
    const accuracy = summariseTraining(curves, protocol).filter((r) => r.metric === "accuracy");
    const last = Math.max(...accuracy.map((r) => r.epoch));
    const cells = accuracy.filter((r) => r.epoch === last).map((r) => `${r.cohort} ${formatPercent(r.mean)}`);
    return cells.length ? [`${protocol} (epoch ${last}) ${cells.join(", ")}`] : [];
  });
  return parts.length ? `Four-class accuracy at the last epoch, mean over seeds: ${parts.join("; ")}.` : "";
}
