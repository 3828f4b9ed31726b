import {writeCsv} from "../csv/writeCsv.js";
import {PredictionColumns, type PredictionRecord} from "./predictionColumns.js";

/**
 * A predictions CSV (predictionColumns.ts) through the project's one CSV writer, so ids are guarded against
 * formula injection and read back unchanged by readPredictionsCsv. The optional columns protocol, patch_id and split
 * are written when any row has them. Probabilities are written as JavaScript's shortest round-trip decimal, so a
 * reader recomputes exactly what the writer had.
 */
export function writePredictionsCsv(rows: readonly PredictionRecord[]): string {
  const has = {
    protocol: rows.some((r) => r.protocol !== undefined),
    patch_id: rows.some((r) => r.patchId !== undefined),
    split: rows.some((r) => r.split !== undefined),
  };
  const columns = PredictionColumns.filter((c) => !(c in has) || has[c as keyof typeof has]);
  const cell = (r: PredictionRecord, c: (typeof PredictionColumns)[number]): string | number | undefined => {
    switch (c) {
      case "protocol":
        return r.protocol;
      case "patient_id":
        return r.patientId;
      case "cohort":
        return r.cohort;
      case "patch_id":
        return r.patchId;
      case "label":
        return r.label;
      case "split":
        return r.split;
      case "p_CR":
        return r.probabilities[0];
      case "p_PR":
        return r.probabilities[1];
      case "p_SD":
        return r.probabilities[2];
      case "p_PD":
        return r.probabilities[3];
    }
  };
  return writeCsv(
    columns,
    rows.map((r) => columns.map((c) => cell(r, c))),
  );
}
