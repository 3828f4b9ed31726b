import type {Vec3} from "../imaging/volume.js";

/**
 * The largest in-plane (axial) diameter of the voxels labelled `id`, in mm: on every slice, the greatest distance
 * between two boundary pixel centres plus one pixel (a caliper across the outer pixel edges), maximised over slices.
 * This is how the tumour size in Table 1 is read off CT ("maximum diameter" on the axial image). Returns 0 when
 * no voxel carries the label.
 */
export function maxInPlaneDiameterMm(labels: Uint8Array, size: Vec3, spacing: Vec3, id = 1): number {
  const [nx, ny, nz] = size;
  const [sx, sy] = spacing;
  if (labels.length !== nx * ny * nz) {
    throw new RangeError(`maxInPlaneDiameterMm: ${labels.length} labels for size [${size.join(", ")}]`);
  }
  let best = 0;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < nz; k++) {
    xs.length = 0;
    ys.length = 0;
    const base = k * nx * ny;
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const at = base + j * nx + i;
        if (labels[at] !== id) continue;
        const edge =
          i === 0 ||
          j === 0 ||
          i === nx - 1 ||
          j === ny - 1 ||
          labels[at - 1] !== id ||
          labels[at + 1] !== id ||
          labels[at - nx] !== id ||
          labels[at + nx] !== id;
        if (edge) {
          xs.push(i * sx);
          ys.push(j * sy);
        }
      }
    }
    if (xs.length === 0) continue;
    let slice = 0;
    for (let a = 0; a < xs.length; a++) {
      const xa = xs[a] as number;
      const ya = ys[a] as number;
      for (let b = a + 1; b < xs.length; b++) {
        const dx = xa - (xs[b] as number);
        const dy = ya - (ys[b] as number);
        const d2 = dx * dx + dy * dy;
        if (d2 > slice) slice = d2;
      }
    }
    best = Math.max(best, Math.sqrt(slice) + (sx + sy) / 2);
  }
  return best;
}
