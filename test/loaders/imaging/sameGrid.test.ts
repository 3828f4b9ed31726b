import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {embedInGrid, gridDifference} from "../../../loaders/imaging/sameGrid.js";
import type {Vec3, Volume} from "../../../loaders/imaging/volume.js";

const grid = {
  size: [4, 3, 5] as Vec3,
  spacing: [0.7, 0.7, 2.5] as Vec3,
  origin: [-10, 20, -100] as Vec3,
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

describe("gridDifference(a, b)", () => {
  it("accepts float32 noise and names the first real difference", () => {
    assert.equal(
      gridDifference(grid, {...grid, spacing: [0.70000001, 0.7, 2.5], origin: [-10.000001, 20, -100]}),
      undefined,
    );
    assert.match(gridDifference(grid, {...grid, size: [4, 3, 6]})!, /size \[4, 3, 5\] vs \[4, 3, 6\]/);
    assert.match(gridDifference(grid, {...grid, origin: [-10, 20, -97.5]})!, /origin/);
    assert.match(gridDifference(grid, {...grid, direction: [-1, 0, 0, 0, -1, 0, 0, 0, 1]})!, /direction/);
  });
});

describe("embedInGrid(mask, image)", () => {
  it("places a DICOM SEG's sub-block of frames at its voxel offset on the image grid", () => {
    const seg: Volume = {...grid, size: [4, 3, 2], origin: [-10, 20, -95], data: new Uint8Array(24).fill(1)};
    const out = embedInGrid(seg, grid);
    assert.equal(gridDifference(out, grid), undefined);
    const perSlice = [0, 1, 2, 3, 4].map((k) =>
      [...out.data.subarray(12 * k, 12 * (k + 1))].reduce((a, b) => a + b, 0),
    );
    assert.deepEqual(perSlice, [0, 0, 12, 12, 0]);
  });
  it("leaves a mask on a different spacing or a fractional offset unchanged, for the grid check to report", () => {
    const off: Volume = {...grid, size: [4, 3, 2], origin: [-10, 20, -94], data: new Uint8Array(24)};
    assert.equal(embedInGrid(off, grid), off);
  });
});
