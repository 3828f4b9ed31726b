import {table1Variables} from "./table1Variables.js";

/**
 * Human labels for keys that would otherwise reach a page as written in the data (a clinical column "afp", a rung's
 * setting "l2"): the clinical variables' labels are Table 1's, so a variable reads the same on every page.
 */
const SettingLabels: Readonly<Record<string, string>> = {
  head: "Head and loss",
  balancing: "Class balancing",
  budget: "Training budget",
  init: "Initialisation",
  l2: "L2 regularisation",
  shuffle: "Shuffling",
  "partial batch": "Last partial batch",
};

/** "afp" → "AFP (ng/mL)"; a column Table 1 does not list reads as words ("portal_vein" → "Portal vein"). */
export function variableLabel(column: string): string {
  return table1Variables.find((v) => v.column === column)?.label ?? words(column);
}

/** A training setting of the ablation ladder: "l2" → "L2 regularisation". */
export function settingLabel(key: string): string {
  return SettingLabels[key] ?? words(key);
}

/** snake_case or camelCase as words, the first capitalised: "calibrationSlope" → "Calibration slope". */
export function words(key: string): string {
  const spaced = key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
