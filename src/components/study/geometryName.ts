import type {SensitivityGeometry} from "./studyConfig.js";

/** "roi" or "fixed 16 mm": how pages, artifacts and messages name a patch geometry of the sensitivity analysis. */
export function geometryName(g: SensitivityGeometry): string {
  return g.geometry === "roi" ? "roi" : `fixed ${g.sizeMm} mm`;
}
