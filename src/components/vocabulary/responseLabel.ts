import {RESPONSE_CLASSES, type ResponseClass} from "../stats/evaluateCohorts.js";

/**
 * The one rule for reading an mRECIST response label, shared by every command (manifests for `preprocess`, `run`
 * and `predict`; predictions files for `evaluate` and the pages): surrounding spaces are ignored and case is not
 * significant, so "cr" and " Pd" are read as CR and PD — but a label that is not written exactly as CR, PR, SD or PD
 * is reported through `warn`, so that a sloppy export is seen, not silently fixed. Anything else is undefined.
 * The vocabulary itself is RESPONSE_CLASSES (the same four labels as the study configuration's ResponseLabels).
 */
export function parseResponseLabel(raw: string, warn?: (message: string) => void): ResponseClass | undefined {
  const upper = raw.trim().toUpperCase();
  const label = RESPONSE_CLASSES.find((l) => l === upper);
  if (label !== undefined && label !== raw)
    warn?.(`label "${raw}" read as ${label} (write ${RESPONSE_CLASSES.join(", ")})`);
  return label;
}
