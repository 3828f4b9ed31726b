import type {PredictorSpec} from "../../src/components/stats/designMatrix.js";
import type {DeclaredColumns} from "../../src/components/study/studyConfig.js";
import {clinicalColumnSpec} from "../cohort/clinicalColumns.js";

/**
 * The clinical model's candidate predictors: every clinical column the study carries (the paper's Table 1 variables
 * the manifest has, plus the declared ones), numbers as numbers, categories and ordinal levels as treatment-coded
 * categories (an ordinal scale with 3 levels would be a strong assumption as a number; 2 extra columns cost little).
 */
export function clinicalPredictors(columns: readonly string[], declared: DeclaredColumns = {}): PredictorSpec[] {
  return columns.flatMap((name): PredictorSpec[] => {
    const spec = clinicalColumnSpec(name, declared);
    if (spec === undefined) return [];
    return spec.type === "number" ? [{name, type: "number"}] : [{name, type: "category", levels: [...spec.levels]}];
  });
}
