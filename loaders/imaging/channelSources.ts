import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {ChannelSource} from "./extractPatch.js";
import type {Grid} from "./grid.js";
import {type Block, resampleLinear} from "./resampleVolume.js";
import type {Volume} from "./volume.js";
import type {HuWindow} from "./window.js";

/**
 * Where a patch's three channels come from (patches.channels): one slice under three HU windows, three neighbouring
 * slices under the display window, or one grey slice repeated; and the cache of HU slices they are read from, each
 * resampled once onto the cutting grid's block. Split from preprocessPatient.ts, which only asks for a slice's sources.
 */

/** HU written where the cutting grid leaves the scan (air). */
export const outsideHu = -1024;

/** HU slice k of the block on the cutting grid (clamped to the grid), resampled on first use and kept. */
export function huSlices(image: Volume<Float32Array>, grid: Grid, block: Block): (k: number) => Float32Array {
  const sliceCache = new Map<number, Float32Array>();
  return (k: number): Float32Array => {
    const kk = Math.min(Math.max(k, 0), grid.size[2] - 1);
    let slice = sliceCache.get(kk);
    if (!slice) {
      const b: Block = {lo: [block.lo[0], block.lo[1], kk], hi: [block.hi[0], block.hi[1], kk + 1]};
      slice = resampleLinear(image, grid, b, outsideHu);
      sliceCache.set(kk, slice);
    }
    return slice;
  };
}

export function channelSources(
  k: number,
  hu: (k: number) => Float32Array,
  config: StudyConfig,
): [ChannelSource, ChannelSource, ChannelSource] {
  const {channels, channelWindows} = config.patches;
  const window: HuWindow = config.imaging.window;
  if (channels === "windows") {
    const slice = hu(k);
    const [a, b, c] = channelWindows as [HuWindow, HuWindow, HuWindow];
    return [
      {slice, window: a},
      {slice, window: b},
      {slice, window: c},
    ];
  }
  if (channels === "slices") {
    return [
      {slice: hu(k - 1), window},
      {slice: hu(k), window},
      {slice: hu(k + 1), window},
    ];
  }
  const grey = {slice: hu(k), window};
  return [grey, grey, grey];
}
