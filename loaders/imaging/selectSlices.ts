/**
 * The paper's slice choice: the axial slice with the largest tumour area plus the nearest slices, `count` in total.
 * Slices whose area is below `minFraction` of the largest are skipped (a tumour's tip gives patches of mostly
 * boundary). Nearest is by |k − kmax|; ties go to the lower index, so the choice is deterministic.
 * Returns slice indices in ascending order; empty when every area is 0.
 */
export function selectSlices(areas: ArrayLike<number>, count: number, minFraction: number): number[] {
  let best = -1;
  let max = 0;
  for (let k = 0; k < areas.length; k++) {
    if (areas[k]! > max) {
      max = areas[k]!;
      best = k;
    }
  }
  if (best < 0) return [];
  const chosen = [best];
  for (let d = 1; chosen.length < count && (best - d >= 0 || best + d < areas.length); d++) {
    for (const k of [best - d, best + d]) {
      if (chosen.length < count && k >= 0 && k < areas.length && areas[k]! > 0 && areas[k]! >= minFraction * max) {
        chosen.push(k);
      }
    }
  }
  return chosen.sort((a, b) => a - b);
}
