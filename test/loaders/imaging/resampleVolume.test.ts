import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {axisAlignedGrid, indexToPhysical, physicalToIndex} from "../../../loaders/imaging/grid.js";
import {resampleLinear, resampleNearest} from "../../../loaders/imaging/resampleVolume.js";
import type {Vec3, Volume} from "../../../loaders/imaging/volume.js";

function fill(
  size: Vec3,
  spacing: Vec3,
  origin: Vec3,
  direction: number[],
  f: (p: Vec3) => number,
): Volume<Float32Array> {
  const grid = {size, spacing, origin, direction};
  const data = new Float32Array(size[0] * size[1] * size[2]);
  for (let k = 0; k < size[2]; k++)
    for (let j = 0; j < size[1]; j++)
      for (let i = 0; i < size[0]; i++) data[i + size[0] * (j + size[1] * k)] = f(indexToPhysical(grid, [i, j, k]));
  return {...grid, data};
}

const whole = (g: {size: Vec3}) => ({lo: [0, 0, 0] as Vec3, hi: [...g.size] as Vec3});

describe("axisAlignedGrid(input, spacing)", () => {
  it("keeps the origin of an LPS-aligned input and covers its extent, as ITK's resample does", () => {
    const g = axisAlignedGrid(
      {
        size: [512, 512, 100],
        spacing: [0.7, 0.7, 1],
        origin: [-180, -200, -50],
        direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
      },
      [1, 1, 1],
    );
    assert.deepEqual(g.origin, [-180, -200, -50]);
    assert.deepEqual(g.size, [358, 358, 100]);
  });
  it("reorients a RAS-stored (x, y flipped) input to LPS: origin at the minimum corner", () => {
    const g = axisAlignedGrid(
      {size: [10, 8, 4], spacing: [2, 2, 3], origin: [20, 30, 0], direction: [-1, 0, 0, 0, -1, 0, 0, 0, 1]},
      [1, 1, 1],
    );
    assert.deepEqual(g.origin, [2, 16, 0]);
    assert.deepEqual(g.size, [19, 15, 10]);
  });
});

describe("resampleLinear(input, target, block, outside)", () => {
  it("is the identity on the input's own (LPS-aligned) grid", () => {
    const v = fill(
      [5, 4, 3],
      [0.7, 0.8, 2],
      [-3, 4, 5],
      [1, 0, 0, 0, 1, 0, 0, 0, 1],
      (p) => Math.sin(p[0]) + p[1] * p[2],
    );
    const out = resampleLinear(v, v, whole(v), -1024);
    out.forEach((x, i) => {
      assert.ok(Math.abs(x - v.data[i]!) < 1e-4);
    });
  });

  it("reproduces any affine intensity exactly inside the input, whatever the input's direction (property)", () => {
    const directions = [
      [1, 0, 0, 0, 1, 0, 0, 0, 1],
      [-1, 0, 0, 0, -1, 0, 0, 0, 1],
      [0, 1, 0, 1, 0, 0, 0, 0, -1],
      [Math.cos(0.3), -Math.sin(0.3), 0, Math.sin(0.3), Math.cos(0.3), 0, 0, 0, 1],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...directions),
        fc.tuple(
          fc.double({min: 0.5, max: 2, noNaN: true}),
          fc.double({min: 0.5, max: 2, noNaN: true}),
          fc.double({min: 0.5, max: 3, noNaN: true}),
        ),
        fc.tuple(fc.integer({min: -5, max: 5}), fc.integer({min: -5, max: 5}), fc.integer({min: -5, max: 5})),
        (direction, spacing, coef) => {
          const f = (p: Vec3) => coef[0] * p[0] + coef[1] * p[1] + coef[2] * p[2] + 7;
          const v = fill([8, 7, 6], spacing as Vec3, [3, -2, 1], direction, f);
          const grid = axisAlignedGrid(v, [0.9, 0.9, 0.9]);
          const out = resampleLinear(v, grid, whole(grid), Number.NaN);
          // Exact wherever the sample lies within the hull of the input's voxel centres (no border clamping).
          let checked = 0;
          out.forEach((x, o) => {
            const i = o % grid.size[0];
            const j = Math.floor(o / grid.size[0]) % grid.size[1];
            const k = Math.floor(o / (grid.size[0] * grid.size[1]));
            const p = indexToPhysical(grid, [i, j, k]);
            const c = physicalToIndex(v, p);
            if (!c.every((x, a) => x >= 1e-6 && x <= v.size[a]! - 1 - 1e-6)) return;
            const expected = f(p);
            assert.ok(Math.abs(x - expected) < 1e-3 * (1 + Math.abs(expected)), `at ${p}: ${x} vs ${expected}`);
            checked++;
          });
          return checked > 0;
        },
      ),
      {seed: 42, numRuns: 40},
    );
  });

  it("writes `outside` beyond the input's extent", () => {
    const v = fill([2, 2, 1], [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1], () => 5);
    const target = {
      size: [6, 1, 1] as Vec3,
      spacing: [1, 1, 1] as Vec3,
      origin: [-2, 0, 0] as Vec3,
      direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    };
    assert.deepEqual(Array.from(resampleLinear(v, target, whole(target), -1024)), [-1024, -1024, 5, 5, -1024, -1024]);
  });
});

describe("resampleNearest(input, target, block)", () => {
  it("keeps labels, flips a RAS-stored mask into LPS order, and samples voxel cells half-open on upsampling", () => {
    const size: Vec3 = [3, 2, 1];
    const data = Uint8Array.from([1, 0, 0, 0, 0, 2]);
    const ras: Volume<Uint8Array> = {
      size,
      spacing: [1, 1, 1],
      origin: [2, 1, 0],
      direction: [-1, 0, 0, 0, -1, 0, 0, 0, 1],
      data,
    };
    const grid = axisAlignedGrid(ras, [1, 1, 1]);
    // In LPS order the voxel stored first (at x = 2, y = 1) is last.
    assert.deepEqual(Array.from(resampleNearest(ras, grid, whole(grid))), [2, 0, 0, 0, 0, 1]);
    const fine = axisAlignedGrid({...ras, direction: [1, 0, 0, 0, 1, 0, 0, 0, 1]}, [0.5, 0.5, 1]);
    const up = resampleNearest({...ras, direction: [1, 0, 0, 0, 1, 0, 0, 0, 1]}, fine, whole(fine));
    assert.deepEqual(fine.size, [5, 3, 1]);
    // Grid points at x, y ∈ {0, 0.5, …}: only (0, 0) falls in voxel (0, 0)'s cell [−0.5, 0.5)².
    assert.deepEqual(Array.from(up.slice(0, 5)), [1, 0, 0, 0, 0]);
  });
});

describe("resampleNearest onto a grid with a non-identity direction", () => {
  it("maps a mask back onto its own RAS-stored grid exactly (LPS grid → original grid round trip)", () => {
    const size: Vec3 = [4, 3, 2];
    const data = Uint8Array.from({length: 24}, (_, i) => (i * 7) % 5);
    const ras: Volume<Uint8Array> = {
      size,
      spacing: [1, 2, 3],
      origin: [5, 6, 7],
      direction: [-1, 0, 0, 0, -1, 0, 0, 0, 1],
      data,
    };
    const lps = axisAlignedGrid(ras, [1, 2, 3]);
    const there = resampleNearest(ras, lps, whole(lps));
    const back = resampleNearest({...lps, data: there}, ras, whole(ras));
    assert.deepEqual(Array.from(back), Array.from(data));
  });
});
