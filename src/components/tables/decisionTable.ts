import {formatCiLevel, formatFixed, formatInterval} from "../format/formatStat.js";
import type {DecisionPoint} from "../stats/decisionCurve.js";
import {NetBenefitThresholds} from "../stats/netBenefitThresholds.js";
import type {Column} from "./column.js";

/** The thresholds the decision-curve table lists (the one default, 0.2–0.6); the figure itself shows every threshold. */
export const DecisionTableThresholds = NetBenefitThresholds;

/** The curve's points at `thresholds` (matched to 1e-9, as the curve's grid is computed by steps); absent ones skipped. */
export function decisionTableRows(
  curve: readonly DecisionPoint[],
  thresholds: readonly number[] = DecisionTableThresholds,
): DecisionPoint[] {
  return thresholds.flatMap((t) => {
    const point = curve.find((p) => Math.abs(p.threshold - t) < 1e-9);
    return point ? [point] : [];
  });
}

/** Columns of the decision-curve table: net benefit with its bootstrap band, treat-all, interventions avoided. */
export function decisionTableColumns(ciLevel: number): Array<Column<DecisionPoint>> {
  return [
    {key: "threshold", label: "Threshold", format: (r) => formatFixed(r.threshold, 2)},
    {key: "netBenefit", label: "Net benefit (model)", format: (r) => formatFixed(r.netBenefit, 4)},
    {key: "ci", label: `${formatCiLevel(ciLevel)} band`, format: (r) => formatInterval(r.ci, 4)},
    {key: "treatAll", label: "Treat all", format: (r) => formatFixed(r.treatAll, 4)},
    {
      key: "interventionsAvoided",
      label: "Interventions avoided / 100",
      format: (r) => formatFixed(r.interventionsAvoided, 1),
    },
  ];
}
