import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {ConfigError, number, type Path, record} from "./validate.js";

/**
 * The `imaging` section (display window, resampling spacing, which mask label is the tumour): untrusted JSON →
 * StudyConfig["imaging"], every key defaulted from `fallback`. Split from normalizeStudyConfig.ts so each section's
 * rules sit in a file of their own; `huWindow` is shared with patches.channelWindows (normalizePatches.ts).
 */
export function normalizeImaging(value: unknown, fallback: StudyConfig["imaging"]): StudyConfig["imaging"] {
  const imaging = record("imaging", value, ["window", "targetSpacingMm", "tumourLabel"]);
  let tumourLabel: "nonzero" | number = fallback.tumourLabel;
  if (imaging.tumourLabel !== undefined) {
    tumourLabel =
      imaging.tumourLabel === "nonzero"
        ? "nonzero"
        : number("imaging.tumourLabel", imaging.tumourLabel, 1, {integer: true, min: 1, max: 65535});
  }
  return {
    window: huWindow("imaging.window", imaging.window, fallback.window),
    targetSpacingMm: spacing("imaging.targetSpacingMm", imaging.targetSpacingMm, fallback.targetSpacingMm),
    tumourLabel,
  };
}

/** An HU window {level, width}; an absent key takes the fallback's. */
export function huWindow(path: Path, value: unknown, fallback: {level: number; width: number}) {
  const w = record(path, value, ["level", "width"]);
  return {
    level: number(`${path}.level`, w.level, fallback.level, {min: -2000, max: 4000}),
    width: number(`${path}.width`, w.width, fallback.width, {above: 0, max: 6000}),
  };
}

/** One isotropic spacing or three per-axis spacings, in mm. */
function spacing(path: Path, value: unknown, fallback: [number, number, number]): [number, number, number] {
  if (value === undefined) return [...fallback];
  if (typeof value === "number") {
    const s = number(path, value, 1, {above: 0, max: 20});
    return [s, s, s];
  }
  if (!Array.isArray(value) || value.length !== 3) {
    throw new ConfigError(
      `${path}: expected a positive number or an array of 3 positive numbers (mm), got ${JSON.stringify(value)}`,
    );
  }
  return value.map((v, i) => number(`${path}[${i}]`, v, 1, {above: 0, max: 20})) as [number, number, number];
}
