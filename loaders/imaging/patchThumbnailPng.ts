import {encodePng} from "./encodePng.js";
import {type PatchSet, patchPixels} from "./patchSet.js";

/** PNG of one patch for galleries: greyscale when the three channels agree (the paper's "grey" mode), else RGB. */
export function patchThumbnailPng(set: PatchSet, index: number): Uint8Array {
  if (!Number.isInteger(index) || index < 0 || index >= set.records.length) {
    throw new RangeError(`patchThumbnailPng: index must be an integer in [0, ${set.records.length}), not ${index}`);
  }
  const rgb = patchPixels(set, index);
  const n = set.sizePx * set.sizePx;
  let grey = true;
  for (let i = 0; i < n && grey; i++) grey = rgb[3 * i] === rgb[3 * i + 1] && rgb[3 * i] === rgb[3 * i + 2];
  if (!grey) return encodePng(rgb, set.sizePx, set.sizePx, 3);
  const g = new Uint8Array(n);
  for (let i = 0; i < n; i++) g[i] = rgb[3 * i]!;
  return encodePng(g, set.sizePx, set.sizePx, 1);
}
