/**
 * A class activation map (coarse grid, values 0…1) drawn over a patch: bilinear upsampling to the patch size, a
 * perceptual blue→yellow→red ramp, and alpha blending that grows with activation so low-activation tissue stays
 * visible. Pure: RGB patch bytes in, RGB bytes out.
 */
export function camOverlay(patchRgb: Uint8Array, sizePx: number, cam: readonly number[], camSize: number): Uint8Array {
  if (patchRgb.length !== sizePx * sizePx * 3) {
    throw new RangeError(`camOverlay: expected ${sizePx * sizePx * 3} patch bytes, got ${patchRgb.length}`);
  }
  if (cam.length !== camSize * camSize || cam.some((v) => !Number.isFinite(v))) {
    throw new RangeError(`camOverlay: expected ${camSize * camSize} finite CAM values, got ${cam.length}`);
  }
  const out = new Uint8Array(patchRgb.length);
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      const a = Math.min(
        1,
        Math.max(
          0,
          sampleBilinear(cam, camSize, ((x + 0.5) / sizePx) * camSize - 0.5, ((y + 0.5) / sizePx) * camSize - 0.5),
        ),
      );
      const [r, g, b] = ramp(a);
      const alpha = 0.15 + 0.45 * a;
      const o = (y * sizePx + x) * 3;
      out[o] = Math.round((1 - alpha) * patchRgb[o]! + alpha * r);
      out[o + 1] = Math.round((1 - alpha) * patchRgb[o + 1]! + alpha * g);
      out[o + 2] = Math.round((1 - alpha) * patchRgb[o + 2]! + alpha * b);
    }
  }
  return out;
}

function sampleBilinear(grid: readonly number[], n: number, gx: number, gy: number): number {
  const cx = Math.min(n - 1, Math.max(0, gx));
  const cy = Math.min(n - 1, Math.max(0, gy));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(n - 1, x0 + 1);
  const y1 = Math.min(n - 1, y0 + 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const at = (x: number, y: number) => grid[y * n + x]!;
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x1, y0)) + fy * ((1 - fx) * at(x0, y1) + fx * at(x1, y1));
}

/** Blue (0) → cyan → yellow → red (1). */
function ramp(t: number): [number, number, number] {
  const stops: Array<[number, number, number]> = [
    [49, 54, 149],
    [69, 187, 196],
    [254, 224, 80],
    [215, 25, 28],
  ];
  const s = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(s));
  const f = s - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}
