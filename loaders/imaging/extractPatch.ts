import type {Placement} from "./placePatches.js";
import {type HuWindow, windowToByte} from "./window.js";

/**
 * Cuts one patch out of up to three HU slices (width × height, row-major, same in-plane grid), resizes it to
 * sizePx × sizePx by bilinear interpolation (pixel centres aligned, as image resizers do) and windows each channel to
 * uint8. Samples are clamped to the patch's own pixels, so a patch entirely inside the ROI never reads a pixel outside it.
 * Output: interleaved RGB, row-major (y, then x, then channel), as PatchSet stores it.
 */
export interface ChannelSource {
  slice: Float32Array;
  window: HuWindow;
}

export function extractPatch(
  channels: readonly [ChannelSource, ChannelSource, ChannelSource],
  width: number,
  placement: Placement,
  sizePx: number,
): Uint8Array {
  const {x, y, w, h} = placement;
  const out = new Uint8Array(sizePx * sizePx * 3);
  const xs = axisSamples(x, w, sizePx);
  const ys = axisSamples(y, h, sizePx);
  const replicated = channels[1] === channels[0] && channels[2] === channels[0];
  for (let v = 0; v < sizePx; v++) {
    const {i0: r0, i1: r1, f: fy} = ys[v]!;
    for (let u = 0; u < sizePx; u++) {
      const {i0: c0, i1: c1, f: fx} = xs[u]!;
      const o = 3 * (u + sizePx * v);
      for (let c = 0; c < 3; c++) {
        if (replicated && c > 0) {
          out[o + c] = out[o]!;
          continue;
        }
        const {slice, window} = channels[c]!;
        const a = slice[c0 + width * r0]!;
        const b = slice[c1 + width * r0]!;
        const d = slice[c0 + width * r1]!;
        const e = slice[c1 + width * r1]!;
        const top = a + fx * (b - a);
        const bottom = d + fx * (e - d);
        out[o + c] = windowToByte(top + fy * (bottom - top), window);
      }
    }
  }
  return out;
}

/** Source index pair and weight for each output pixel along one axis: centre (u + ½)·n/size − ½, clamped to the patch. */
function axisSamples(start: number, n: number, size: number): Array<{i0: number; i1: number; f: number}> {
  return Array.from({length: size}, (_, u) => {
    const s = Math.min(Math.max((u + 0.5) * (n / size) - 0.5, 0), n - 1);
    const i0 = Math.floor(s);
    const i1 = Math.min(i0 + 1, n - 1);
    return {i0: start + i0, i1: start + i1, f: s - i0};
  });
}
