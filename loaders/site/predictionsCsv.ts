import {csvCell as csvField} from "../../src/components/csv/writeCsv.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";
import {Protocols} from "../pipeline/runPipeline.js";

const header = ["protocol", "patient_id", "cohort", "patch_id", "label", "p_CR", "p_PR", "p_SD", "p_PD", "split"];

/**
 * data/predictions.csv: one row per patch and protocol (see PredictionCsvRow in src/components/artifacts.ts).
 * Probabilities are written with 17 significant digits so the browser recomputes exactly what the loaders did.
 */
export function predictionsCsv(result: PipelineResult): string {
  const lines = [header.join(",")];
  const training = result.config.cohorts.training;
  for (const protocol of Protocols) {
    for (const p of result.models[protocol].predictions) {
      lines.push(
        [
          protocol,
          csvField(p.patientId),
          csvField(p.cohort),
          csvField(p.patchId ?? ""),
          p.label,
          ...p.probabilities.map((x) => String(x)),
          p.cohort === training ? "training" : "validation",
        ].join(","),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
