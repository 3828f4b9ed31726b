import type {Vec3, Volume} from "./volume.js";

/**
 * Splits a binary ROI mask into lesions (3-D connected components, 26-connectivity: voxels touching by a face, an edge
 * or a corner are one lesion, as ITK's fully connected labelling does, so a lesion drawn slice by slice is never split
 * along a diagonal) and keeps the largest. Why: a manifest carries one ROI mask per patient, and a multi-focal HCC's
 * mask holds every nodule. The paper analyses "the tumour" at its largest area; taking the union instead would let a
 * satellite nodule's area pick the slices and its few pixels become patches. `patches.lesion = "union"` keeps them all.
 * Only the mask's bounding box is labelled, so the cost scales with the tumour, not the scan.
 */
export interface Lesions {
  /** The mask reduced to its largest lesion (the input itself when it holds one lesion). */
  largest: Volume<Uint8Array>;
  /** Voxel count of every lesion, largest first. */
  voxelCounts: number[];
}

export function largestLesion(mask: Volume<Uint8Array>, lo: Vec3, hi: Vec3): Lesions {
  const [nx, ny] = mask.size;
  const [bx, by, bz] = [hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1];
  if (bx <= 0 || by <= 0 || bz <= 0) return {largest: mask, voxelCounts: []};
  const data = mask.data;
  const at = (i: number, j: number, k: number) => lo[0] + i + nx * (lo[1] + j + ny * (lo[2] + k));
  const labels = new Int32Array(bx * by * bz);
  const queue = new Int32Array(bx * by * bz);
  const counts: number[] = [];
  for (let b = 0; b < labels.length; b++) {
    if (labels[b] !== 0) continue;
    const i0 = b % bx;
    const j0 = Math.floor(b / bx) % by;
    const k0 = Math.floor(b / (bx * by));
    if (data[at(i0, j0, k0)] === 0) continue;
    const label = counts.length + 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = b;
    labels[b] = label;
    while (head < tail) {
      const q = queue[head++]!;
      const i = q % bx;
      const j = Math.floor(q / bx) % by;
      const k = Math.floor(q / (bx * by));
      for (let dk = -1; dk <= 1; dk++) {
        const kk = k + dk;
        if (kk < 0 || kk >= bz) continue;
        for (let dj = -1; dj <= 1; dj++) {
          const jj = j + dj;
          if (jj < 0 || jj >= by) continue;
          for (let di = -1; di <= 1; di++) {
            const ii = i + di;
            if (ii < 0 || ii >= bx) continue;
            const n = ii + bx * (jj + by * kk);
            if (labels[n] !== 0 || data[at(ii, jj, kk)] === 0) continue;
            labels[n] = label;
            queue[tail++] = n;
          }
        }
      }
    }
    counts.push(tail);
  }
  if (counts.length <= 1) return {largest: mask, voxelCounts: counts};
  // Ties go to the first lesion met in scan order (lowest z, then y, then x): deterministic.
  let keep = 0;
  for (let l = 1; l < counts.length; l++) if (counts[l]! > counts[keep]!) keep = l;
  const out = new Uint8Array(data.length);
  for (let b = 0; b < labels.length; b++) {
    if (labels[b] !== keep + 1) continue;
    out[at(b % bx, Math.floor(b / bx) % by, Math.floor(b / (bx * by)))] = 1;
  }
  return {largest: {...mask, data: out}, voxelCounts: [...counts].sort((a, b) => b - a)};
}
