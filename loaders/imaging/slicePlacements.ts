import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {type Placement, placePatches, type SliceMask} from "./placePatches.js";

/**
 * Where the patches go on each chosen slice, by patches.geometry: "roi" takes each slice's largest square inside the
 * ROI (the paper's whole CT-ROI patch); "fixed" places up to patchesPerSlice squares of sizeMm, and when none fits on
 * any slice either falls back to the roi squares (fallback "roi", flagged) or gives up (fallback "exclude": null, and
 * the caller excludes the patient). A slice that failed the minimum-information rule (`passes`) gets no patch.
 * Split from preprocessPatient.ts so the two geometries' rules read in one place.
 */
export function slicePlacements(
  p: StudyConfig["patches"],
  chosen: readonly number[],
  sliceMask: (z: number) => SliceMask,
  squares: ReadonlyArray<Placement | undefined>,
  passes: readonly boolean[],
  [sx, sy]: readonly number[],
): {placements: Placement[][]; fallback: boolean} | null {
  const roiSquares = () => squares.map((q, s) => (q && passes[s] ? [q] : []));
  if (p.geometry === "roi") return {placements: roiSquares(), fallback: false};
  const w = Math.max(1, Math.round(p.sizeMm / sx!));
  const h = Math.max(1, Math.round(p.sizeMm / sy!));
  const placements = chosen.map((z, s) =>
    passes[s] ? placePatches(sliceMask(z), w, h, p.minRoiCoverage, p.patchesPerSlice) : [],
  );
  if (placements.some((list) => list.length > 0)) return {placements, fallback: false};
  return p.fallback === "exclude" ? null : {placements: roiSquares(), fallback: true};
}
