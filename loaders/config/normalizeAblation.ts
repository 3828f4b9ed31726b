import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {bool, ConfigError, fail, number, type Path, record} from "./validate.js";

/**
 * The `ablation` section (issue #13's ladder, loaders/ablation/): untrusted JSON → StudyConfig["ablation"], every key
 * defaulted from `fallback`. Each leaf feeds the ablation stage's cache key and its computation; none is ignored.
 */
export function normalizeAblation(value: unknown, fallback: StudyConfig["ablation"]): StudyConfig["ablation"] {
  const a = record("ablation", value, ["enabled", "seeds", "folds", "budgetMultipliers", "netBenefitThresholds"]);
  return {
    enabled: bool("ablation.enabled", a.enabled, fallback.enabled),
    seeds: number("ablation.seeds", a.seeds, fallback.seeds, {integer: true, min: 1, max: 20}),
    folds: number("ablation.folds", a.folds, fallback.folds, {integer: true, min: 2, max: 10}),
    budgetMultipliers: increasingList("ablation.budgetMultipliers", a.budgetMultipliers, fallback.budgetMultipliers, {
      above: 0,
      max: 16,
    }),
    netBenefitThresholds: increasingList(
      "ablation.netBenefitThresholds",
      a.netBenefitThresholds,
      fallback.netBenefitThresholds,
      {above: 0, max: 0.99},
    ),
  };
}

/** A non-empty, strictly increasing list of at most 10 numbers in (above, max]. */
function increasingList(path: Path, value: unknown, fallback: number[], rule: {above: number; max: number}): number[] {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value) || value.length === 0 || value.length > 10)
    fail(path, "a non-empty array of at most 10 numbers", value);
  const list = value.map((v, i) => number(`${path}[${i}]`, v, 0, rule));
  list.forEach((v, i) => {
    if (i > 0 && v <= list[i - 1]!)
      throw new ConfigError(`${path}[${i}]: expected increasing values, got ${v} after ${list[i - 1]}`);
  });
  return list;
}
