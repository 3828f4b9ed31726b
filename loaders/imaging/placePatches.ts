/**
 * Where square patches go on one axial mask slice (pure; width × height binary mask, row-major).
 * A position (top-left x, y) of a w × h patch is valid when at least `minCoverage` of its pixels are tumour (paper: 1,
 * entirely inside). Among valid positions the first is the deepest one (largest chessboard distance to the background
 * at the patch centre, i.e. the centre of the largest inscribed square region); each further one maximises its
 * distance to those already chosen (farthest-point sampling), so several patches per slice are well separated.
 * Ties go to the lowest (y, x): the choice is deterministic.
 */
export interface SliceMask {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Placement {
  x: number;
  y: number;
  w: number;
  h: number;
  coverage: number;
}

/** Summed-area table with a zero first row and column: (width+1) × (height+1). */
export function summedArea({width, height, data}: SliceMask): Float64Array {
  const s = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[x + width * y]! ? 1 : 0;
      s[x + 1 + (width + 1) * (y + 1)] = s[x + 1 + (width + 1) * y]! + row;
    }
  }
  return s;
}

export function boxSum(sat: Float64Array, width: number, x: number, y: number, w: number, h: number): number {
  const W = width + 1;
  return sat[x + w + W * (y + h)]! - sat[x + W * (y + h)]! - sat[x + w + W * y]! + sat[x + W * y]!;
}

/** Chessboard distance to the nearest background pixel (outside the slice counts as background); 0 on background. */
export function chessboardDistance({width, height, data}: SliceMask): Int32Array {
  const d = new Int32Array(width * height);
  const big = width + height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = x + width * y;
      if (!data[o]) continue;
      const up = y > 0 ? d[o - width]! : 0;
      const left = x > 0 ? d[o - 1]! : 0;
      const upLeft = x > 0 && y > 0 ? d[o - width - 1]! : 0;
      const upRight = x < width - 1 && y > 0 ? d[o - width + 1]! : 0;
      d[o] = Math.min(big, up + 1, left + 1, upLeft + 1, upRight + 1);
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const o = x + width * y;
      if (!data[o]) continue;
      const down = y < height - 1 ? d[o + width]! : 0;
      const right = x < width - 1 ? d[o + 1]! : 0;
      const downRight = x < width - 1 && y < height - 1 ? d[o + width + 1]! : 0;
      const downLeft = x > 0 && y < height - 1 ? d[o + width - 1]! : 0;
      d[o] = Math.min(d[o]!, down + 1, right + 1, downRight + 1, downLeft + 1);
    }
  }
  return d;
}

/** Valid top-left positions of a w × h patch with their coverage and depth (sum of the distance at the 4 centre pixels). */
function candidates(mask: SliceMask, w: number, h: number, minCoverage: number) {
  const {width, height} = mask;
  const out: Array<{x: number; y: number; coverage: number; depth: number}> = [];
  if (w > width || h > height || w < 1 || h < 1) return out;
  const sat = summedArea(mask);
  const dist = chessboardDistance(mask);
  const area = w * h;
  const need = Math.ceil(minCoverage * area - 1e-9);
  const cx = [Math.floor((w - 1) / 2), Math.ceil((w - 1) / 2)];
  const cy = [Math.floor((h - 1) / 2), Math.ceil((h - 1) / 2)];
  for (let y = 0; y + h <= height; y++) {
    for (let x = 0; x + w <= width; x++) {
      const inside = boxSum(sat, width, x, y, w, h);
      if (inside < need) continue;
      let depth = 0;
      for (const dy of cy) for (const dx of cx) depth += dist[x + dx! + width * (y + dy!)]!;
      out.push({x, y, coverage: inside / area, depth});
    }
  }
  return out;
}

export function placePatches(mask: SliceMask, w: number, h: number, minCoverage: number, count: number): Placement[] {
  const all = candidates(mask, w, h, minCoverage);
  if (all.length === 0) return [];
  // Candidates arrive in (y, x) order, so a strict ">" keeps the lowest position on ties.
  let first = all[0]!;
  for (const c of all) if (c.depth > first.depth) first = c;
  const chosen = [first];
  const minDistance = all.map((c) => (c.x - first.x) ** 2 + (c.y - first.y) ** 2);
  while (chosen.length < count) {
    let best = -1;
    for (let n = 0; n < all.length; n++) {
      if (minDistance[n]! === 0) continue;
      if (
        best < 0 ||
        minDistance[n]! > minDistance[best]! ||
        (minDistance[n]! === minDistance[best]! && all[n]!.depth > all[best]!.depth)
      ) {
        best = n;
      }
    }
    if (best < 0) break;
    const next = all[best]!;
    chosen.push(next);
    for (let n = 0; n < all.length; n++) {
      minDistance[n] = Math.min(minDistance[n]!, (all[n]!.x - next.x) ** 2 + (all[n]!.y - next.y) ** 2);
    }
  }
  return chosen.map(({x, y, coverage}) => ({x, y, w, h, coverage}));
}

/**
 * The largest patch (w × round(w·aspect) pixels) whose coverage of the ROI is at least `minCoverage` (1 = entirely
 * inside): the "roi" geometry's patch, and the "fixed" geometry's fallback. Found by bisection on w; with coverage 1
 * feasibility is monotone (a smaller square fits wherever a larger one does), so the answer is exact; with a partial
 * coverage rule it is a largest feasible side found by the same search. `aspect` = spacingX / spacingY keeps the patch
 * square in millimetres. Among positions of that size the deepest one is taken (placePatches). Undefined when not even
 * 1 pixel qualifies.
 */
export function largestInscribed(
  mask: SliceMask,
  maxW: number,
  aspect: number,
  minCoverage = 1,
): Placement | undefined {
  const hOf = (w: number) => Math.max(1, Math.round(w * aspect));
  const fits = (w: number) => hOf(w) <= mask.height && placePatches(mask, w, hOf(w), minCoverage, 1)[0];
  let lo = 0;
  let hi = Math.min(maxW, mask.width);
  let found: Placement | undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const p = fits(mid);
    if (p) {
      lo = mid;
      found = p;
    } else hi = mid - 1;
  }
  if (lo === 0) return undefined;
  return found && found.w === lo ? found : fits(lo) || undefined;
}
