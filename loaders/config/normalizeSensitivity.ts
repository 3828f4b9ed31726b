import {geometryName} from "../../src/components/study/geometryName.js";
import type {SensitivityGeometry, StudyConfig} from "../../src/components/study/studyConfig.js";
import {PatchGeometries, SensitivityVariantModes} from "../../src/components/study/vocabulary.js";
import {ConfigError, fail, number, oneOf, type Path, record} from "./validate.js";

/**
 * The `sensitivity` section (issue #11's geometry sensitivity analysis): untrusted JSON → StudyConfig["sensitivity"].
 * `geometries` lists the patch geometries the corrected protocol is re-run under ([] turns the analysis off); a fixed
 * geometry names its side in mm, roi takes none (its side is the tumour's). `variants` says which augmentation
 * variants those runs embed: "identity" (default; the unaugmented patch only, which keeps the build quick) or
 * "configured" (augmentation.variants, as the main run).
 */
export function normalizeSensitivity(value: unknown, fallback: StudyConfig["sensitivity"]): StudyConfig["sensitivity"] {
  const s = record("sensitivity", value, ["geometries", "variants"]);
  return {
    geometries: geometryList("sensitivity.geometries", s.geometries, fallback.geometries),
    variants: oneOf("sensitivity.variants", s.variants, SensitivityVariantModes, fallback.variants),
  };
}

/** At most 6 distinct geometries: {"geometry": "roi"} or {"geometry": "fixed", "sizeMm": 16}. */
function geometryList(path: Path, value: unknown, fallback: SensitivityGeometry[]): SensitivityGeometry[] {
  if (value === undefined) return fallback.map((g) => ({...g}));
  if (!Array.isArray(value) || value.length > 6) fail(path, "an array of at most 6 patch geometries", value);
  const list = value.map((entry, i): SensitivityGeometry => {
    const at = `${path}[${i}]`;
    const g = record(at, entry, ["geometry", "sizeMm"]);
    if (g.geometry === undefined)
      fail(`${at}.geometry`, `one of ${PatchGeometries.map((v) => `"${v}"`).join(", ")}`, g.geometry);
    const geometry = oneOf(`${at}.geometry`, g.geometry, PatchGeometries, "roi");
    if (geometry === "roi") {
      if (g.sizeMm !== undefined) fail(`${at}.sizeMm`, 'no size for "roi" (its side is the tumour\'s)', g.sizeMm);
      return {geometry};
    }
    if (g.sizeMm === undefined) fail(`${at}.sizeMm`, 'a size in mm for "fixed"', g.sizeMm);
    return {geometry, sizeMm: number(`${at}.sizeMm`, g.sizeMm, 0, {above: 0, max: 300})};
  });
  const seen = new Set<string>();
  list.forEach((g, i) => {
    const key = geometryName(g);
    if (seen.has(key)) throw new ConfigError(`${path}[${i}]: expected distinct geometries, got ${key} twice`);
    seen.add(key);
  });
  return list;
}
