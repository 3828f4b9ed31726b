import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {
  chessboardDistance,
  largestInscribed,
  placePatches,
  type SliceMask,
} from "../../../loaders/imaging/placePatches.js";

/** A random union of rectangles and discs: tumour-like blobs with concavities. */
const arbitraryMask = fc
  .record({
    width: fc.integer({min: 8, max: 48}),
    height: fc.integer({min: 8, max: 48}),
    shapes: fc.array(
      fc.record({
        disc: fc.boolean(),
        x: fc.integer({min: 0, max: 47}),
        y: fc.integer({min: 0, max: 47}),
        r: fc.integer({min: 1, max: 16}),
      }),
      {minLength: 1, maxLength: 4},
    ),
  })
  .map(({width, height, shapes}): SliceMask => {
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        for (const s of shapes) {
          const inside = s.disc
            ? (x - s.x) ** 2 + (y - s.y) ** 2 <= s.r ** 2
            : Math.abs(x - s.x) <= s.r && Math.abs(y - s.y) <= s.r / 2;
          if (inside) data[x + width * y] = 1;
        }
    return {width, height, data};
  });

const insideCount = (m: SliceMask, p: {x: number; y: number; w: number; h: number}) => {
  let n = 0;
  for (let y = p.y; y < p.y + p.h; y++) for (let x = p.x; x < p.x + p.w; x++) n += m.data[x + m.width * y]!;
  return n;
};

describe("placePatches(mask, w, h, minCoverage, count)", () => {
  it("places every patch inside the slice with at least minCoverage of its pixels in the ROI (property)", () => {
    fc.assert(
      fc.property(
        arbitraryMask,
        fc.integer({min: 1, max: 12}),
        fc.constantFrom(1, 0.9, 0.5),
        fc.integer({min: 1, max: 4}),
        (m, w, cov, count) => {
          const placed = placePatches(m, w, w, cov, count);
          assert.ok(placed.length <= count);
          const seen = new Set<string>();
          for (const p of placed) {
            assert.ok(p.x >= 0 && p.y >= 0 && p.x + p.w <= m.width && p.y + p.h <= m.height);
            const inside = insideCount(m, p);
            assert.ok(inside >= cov * w * w - 1e-9, `coverage ${inside / (w * w)} < ${cov}`);
            assert.equal(p.coverage, inside / (w * w));
            seen.add(`${p.x},${p.y}`);
          }
          assert.equal(seen.size, placed.length, "positions are distinct");
        },
      ),
      {seed: 7, numRuns: 150},
    );
  });

  it("finds a fully-inside position whenever one exists (property, exhaustive check)", () => {
    fc.assert(
      fc.property(arbitraryMask, fc.integer({min: 1, max: 10}), (m, w) => {
        let exists = false;
        for (let y = 0; y + w <= m.height && !exists; y++)
          for (let x = 0; x + w <= m.width && !exists; x++) exists = insideCount(m, {x, y, w, h: w}) === w * w;
        assert.equal(placePatches(m, w, w, 1, 1).length > 0, exists);
      }),
      {seed: 11, numRuns: 150},
    );
  });

  it("puts one patch at the centre of a square ROI, and spreads several apart", () => {
    const width = 30;
    const data = new Uint8Array(width * width);
    for (let y = 5; y < 25; y++) for (let x = 5; x < 25; x++) data[x + width * y] = 1;
    const m = {width, height: width, data};
    assert.deepEqual(placePatches(m, 10, 10, 1, 1), [{x: 10, y: 10, w: 10, h: 10, coverage: 1}]);
    const four = placePatches(m, 10, 10, 1, 4);
    assert.deepEqual(new Set(four.map((p) => `${p.x},${p.y}`)), new Set(["10,10", "5,5", "15,5", "5,15"]));
    assert.deepEqual(placePatches(m, 10, 10, 1, 4), four, "deterministic");
  });
});

describe("largestInscribed(mask, maxW, aspect)", () => {
  it("returns the largest square entirely inside the ROI, capped at maxW", () => {
    const width = 20;
    const data = new Uint8Array(width * width);
    for (let y = 2; y < 9; y++) for (let x = 3; x < 15; x++) data[x + width * y] = 1;
    const m = {width, height: width, data};
    const p = largestInscribed(m, 50, 1);
    assert.equal(p?.w, 7);
    assert.equal(insideCount(m, p!), 49);
    assert.equal(largestInscribed(m, 4, 1)?.w, 4);
    assert.equal(largestInscribed({width, height: width, data: new Uint8Array(width * width)}, 10, 1), undefined);
  });
});

describe("chessboardDistance(mask)", () => {
  it("counts rings to the background, the image border counting as background", () => {
    const data = new Uint8Array(25).fill(1);
    assert.deepEqual(
      Array.from(chessboardDistance({width: 5, height: 5, data})),
      [1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 2, 3, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1],
    );
  });
});
