import type {PredictionCsvRow, ProtocolName} from "../artifacts.js";
import {type PredictionRow, RESPONSE_CLASSES} from "../stats/evaluateCohorts.js";

/**
 * The rows of data/predictions.csv for one protocol (and optionally one cohort), as `evaluatePredictions` input.
 * Throws RangeError naming the row, patient and column on a missing or non-numeric probability or an unknown label,
 * so a malformed artifact fails loudly on the page instead of drawing a wrong curve.
 */
export function predictionRows(
  csv: ReadonlyArray<Partial<Record<keyof PredictionCsvRow, unknown>>>,
  protocol: ProtocolName,
  cohort?: string,
): PredictionRow[] {
  const out: PredictionRow[] = [];
  csv.forEach((r, i) => {
    if (r.protocol !== protocol || (cohort !== undefined && r.cohort !== cohort)) return;
    const where = `predictions.csv row ${i + 1} (patient ${String(r.patient_id)})`;
    const label = r.label as PredictionRow["label"];
    if (!RESPONSE_CLASSES.includes(label))
      throw new RangeError(`${where}: label must be one of CR|PR|SD|PD, got ${String(r.label)}`);
    const p = (["p_CR", "p_PR", "p_SD", "p_PD"] as const).map((k) => {
      // Accept numeric strings too, so the page may parse the CSV typed or untyped.
      const v = typeof r[k] === "string" && r[k] !== "" ? Number(r[k]) : r[k];
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new RangeError(`${where}: ${k} must be a finite number, got ${String(r[k])}`);
      return v;
    }) as [number, number, number, number];
    const row: PredictionRow = {patientId: String(r.patient_id), cohort: String(r.cohort), label, probabilities: p};
    if (r.patch_id !== undefined && r.patch_id !== null && r.patch_id !== "") row.patchId = String(r.patch_id);
    out.push(row);
  });
  return out;
}
