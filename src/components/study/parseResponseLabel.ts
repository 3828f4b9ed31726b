import {type ResponseLabel, ResponseLabels} from "./vocabulary.js";

/**
 * The one rule for reading an mRECIST response label, shared by every command (manifests for `preprocess`, `run`
 * and `predict`; predictions files for `evaluate` and the pages): surrounding spaces are ignored and case is not
 * significant, so "cr" and " Pd" are read as CR and PD — but a label that is not written exactly as CR, PR, SD or PD
 * is reported through `warn`, so that a sloppy export is seen, not silently fixed. Anything else is undefined.
 * The labels themselves are ResponseLabels (vocabulary.ts).
 */
export function parseResponseLabel(raw: string, warn?: (message: string) => void): ResponseLabel | undefined {
  const upper = raw.trim().toUpperCase();
  const label = ResponseLabels.find((l) => l === upper);
  if (label !== undefined && label !== raw)
    warn?.(`label "${raw}" read as ${label} (write ${ResponseLabels.join(", ")})`);
  return label;
}
