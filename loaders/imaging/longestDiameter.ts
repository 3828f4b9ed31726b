/**
 * The lesion's longest axial diameter, as mRECIST measures a target lesion (its longest diameter on an axial slice;
 * a lesion is measurable from 10 mm): on every slice of the mask, the largest distance between two points of the
 * lesion's pixels taken as squares (edge to edge, in mm with the grid's in-plane spacing), the maximum over slices.
 * Computed from the convex hull of the boundary pixels' corners, so a 10 × 10-pixel square measures its diagonal.
 */
export function longestAxialDiameterMm(
  mask: Uint8Array,
  [bx, by, bz]: readonly [number, number, number],
  [sx, sy]: readonly [number, number],
): number {
  if (mask.length !== bx * by * bz)
    throw new RangeError(`longestAxialDiameterMm: ${mask.length} voxels for ${bx}×${by}×${bz}`);
  let longest = 0;
  for (let z = 0; z < bz; z++) {
    const base = z * bx * by;
    const inside = (i: number, j: number) => i >= 0 && j >= 0 && i < bx && j < by && mask[base + i + bx * j] !== 0;
    const corners: Array<[number, number]> = [];
    for (let j = 0; j < by; j++)
      for (let i = 0; i < bx; i++) {
        if (!inside(i, j)) continue;
        // Only boundary pixels can hold an extreme corner.
        if (inside(i - 1, j) && inside(i + 1, j) && inside(i, j - 1) && inside(i, j + 1)) continue;
        corners.push([i * sx, j * sy], [(i + 1) * sx, j * sy], [i * sx, (j + 1) * sy], [(i + 1) * sx, (j + 1) * sy]);
      }
    if (corners.length === 0) continue;
    const hull = convexHull(corners);
    for (let a = 0; a < hull.length; a++)
      for (let b = a + 1; b < hull.length; b++) {
        const p = hull[a] as [number, number];
        const q = hull[b] as [number, number];
        longest = Math.max(longest, Math.hypot(p[0] - q[0], p[1] - q[1]));
      }
  }
  return longest;
}

/** Andrew's monotone chain: the hull's vertices in order (collinear points dropped). */
function convexHull(points: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...points].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Array<[number, number]>) => {
    const out: Array<[number, number]> = [];
    for (const p of list) {
      while (
        out.length >= 2 &&
        cross(out[out.length - 2] as [number, number], out[out.length - 1] as [number, number], p) <= 0
      )
        out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half(sorted.reverse())];
}
