import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {longestAxialDiameterMm} from "../../../loaders/imaging/longestDiameter.js";

/** A bx × by × bz mask with the pixels `inside(i, j, z)` set. */
function mask(bx: number, by: number, bz: number, inside: (i: number, j: number, z: number) => boolean): Uint8Array {
  const m = new Uint8Array(bx * by * bz);
  for (let z = 0; z < bz; z++)
    for (let j = 0; j < by; j++) for (let i = 0; i < bx; i++) if (inside(i, j, z)) m[i + bx * (j + by * z)] = 1;
  return m;
}

describe("longestAxialDiameterMm", () => {
  it("measures a square of pixels edge to edge, along its diagonal", () => {
    const square = mask(14, 14, 1, (i, j) => i >= 2 && i < 12 && j >= 2 && j < 12);
    assert.ok(Math.abs(longestAxialDiameterMm(square, [14, 14, 1], [0.703, 0.703]) - 10 * 0.703 * Math.SQRT2) < 1e-12);
  });

  it("takes the slice with the longest diameter, and the in-plane spacing of each axis", () => {
    const bar = mask(20, 5, 2, (i, j, z) => (z === 1 ? i < 20 && j === 2 : i === 3 && j === 3));
    assert.ok(Math.abs(longestAxialDiameterMm(bar, [20, 5, 2], [0.5, 2]) - Math.hypot(10, 2)) < 1e-12);
    assert.equal(longestAxialDiameterMm(new Uint8Array(8), [2, 2, 2], [1, 1]), 0);
  });

  it("a digitised disc of diameter d measures between d − 1 and d + 2 pixels (property)", () => {
    fc.assert(
      fc.property(fc.integer({min: 3, max: 40}), fc.double({min: 0.3, max: 1.2, noNaN: true}), (d, s) => {
        const n = d + 4;
        const c = n / 2;
        const disc = mask(n, n, 1, (i, j) => Math.hypot(i + 0.5 - c, j + 0.5 - c) <= d / 2);
        const measured = longestAxialDiameterMm(disc, [n, n, 1], [s, s]) / s;
        return measured >= d - 1 && measured <= d + 2;
      }),
      {seed: 3, numRuns: 100},
    );
  });
});
