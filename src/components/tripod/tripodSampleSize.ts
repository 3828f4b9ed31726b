import type {SampleSizeArtifact} from "../analysis/analysisArtifacts.js";
import {type Answer, at} from "./tripodContext.js";

/**
 * TRIPOD+AI item 10 from the sample-size analysis: development (Pate et al.) against the training cohort, evaluation
 * (Riley et al. 2021) against each external cohort. Only "partly" when an external cohort has no requirement (no
 * external cohort, or one without responders or non-responders), since then its size is not justified.
 */
export function sampleSizeAnswer(artifact: SampleSizeArtifact): Answer {
  const development = artifact.sampleSize.map(
    (s) => `${s.model}: minimum ${s.required ?? "n/a"} vs ${s.trainingPatients} training patients`,
  );
  const rows = artifact.validation.rows;
  const evaluation = rows.map((v) => `${v.cohort} minimum ${v.required ?? "n/a"} vs ${v.patients} patients`);
  const complete = rows.length > 0 && rows.every((v) => v.required !== null);
  const answer = [
    ...development,
    evaluation.length > 0
      ? `external validation of objective response: ${evaluation.join(", ")}`
      : "no external cohort to size",
    ...(complete ? [] : ["the evaluation cohorts' size is not justified"]),
  ].join("; ");
  return at("/protocol#minimum-sample-size", answer, complete ? "reported" : "partly");
}
