import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {largestLesion} from "../../../loaders/imaging/largestLesion.js";
import {tumourExtent} from "../../../loaders/imaging/tumourExtent.js";
import type {Vec3, Volume} from "../../../loaders/imaging/volume.js";

const volume = (size: Vec3, on: number[]): Volume<Uint8Array> => {
  const data = new Uint8Array(size[0] * size[1] * size[2]);
  for (const o of on) data[o] = 1;
  return {size, spacing: [1, 1, 1], origin: [0, 0, 0], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1], data};
};

describe("largestLesion(mask, lo, hi)", () => {
  it("joins voxels touching by a corner (26-connectivity) and keeps the largest lesion", () => {
    // 5 × 5 × 2: a diagonal pair across slices (one lesion of 2) and a 3-voxel row elsewhere.
    const mask = volume([5, 5, 2], [0, 25 + 6, 4 + 5 * 4, 3 + 5 * 4, 2 + 5 * 4]);
    const [lo, hi] = tumourExtent(mask);
    const out = largestLesion(mask, lo, hi);
    assert.deepEqual(out.voxelCounts, [3, 2]);
    assert.deepEqual(
      [...out.largest.data.keys()].filter((o) => out.largest.data[o]),
      [22, 23, 24],
    );
  });

  it("property: lesion sizes add up to the mask, and the kept lesion is the largest", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 6 * 5 * 4 - 1}), {minLength: 1, maxLength: 60}), (on) => {
        const mask = volume([6, 5, 4], on);
        const [lo, hi, count] = tumourExtent(mask);
        const out = largestLesion(mask, lo, hi);
        assert.equal(
          out.voxelCounts.reduce((a, b) => a + b, 0),
          count,
        );
        assert.equal(
          out.largest.data.reduce((a, b) => a + b, 0),
          out.voxelCounts[0],
        );
        for (let o = 0; o < mask.data.length; o++) if (out.largest.data[o]) assert.equal(mask.data[o], 1);
      }),
      {seed: 11, numRuns: 200},
    );
  });
});
