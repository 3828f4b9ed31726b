import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {applyVariant, applyVariantBatch} from "../../../loaders/features/variants.js";
import {type Variant, Variants} from "../../../src/components/study/vocabulary.js";

const patchArb = fc
  .record({size: fc.integer({min: 1, max: 7}), channels: fc.integer({min: 1, max: 3})})
  .chain(({size, channels}) =>
    fc.record({
      size: fc.constant(size),
      channels: fc.constant(channels),
      pixels: fc.uint8Array({minLength: size * size * channels, maxLength: size * size * channels}),
    }),
  );

describe("applyVariant", () => {
  it("applyVariant(p, 2, 1, v) matches hand-computed 2×2 results", () => {
    // [a b; c d]
    const p = Uint8Array.from([1, 2, 3, 4]);
    const expected: Record<Variant, number[]> = {
      identity: [1, 2, 3, 4],
      flipH: [2, 1, 4, 3],
      flipV: [3, 4, 1, 2],
      flipHV: [4, 3, 2, 1],
      rot90: [2, 4, 1, 3], // counter-clockwise, as numpy.rot90
      rot270: [3, 1, 4, 2],
    };
    for (const v of Variants) assert.deepEqual([...applyVariant(p, 2, 1, v)], expected[v], v);
  });

  it("flips are involutions, rot90∘rot270 = identity, flipH∘flipV = flipHV, rot90∘rot90 = flipHV", () => {
    fc.assert(
      fc.property(patchArb, ({size, channels, pixels}) => {
        const ap = (p: Uint8Array, v: Variant) => applyVariant(p, size, channels, v);
        for (const v of ["flipH", "flipV", "flipHV"] as const) assert.deepEqual(ap(ap(pixels, v), v), pixels);
        assert.deepEqual(ap(ap(pixels, "rot90"), "rot270"), pixels);
        assert.deepEqual(ap(ap(pixels, "rot270"), "rot90"), pixels);
        assert.deepEqual(ap(ap(pixels, "flipH"), "flipV"), ap(pixels, "flipHV"));
        assert.deepEqual(ap(ap(pixels, "rot90"), "rot90"), ap(pixels, "flipHV"));
      }),
      {seed: 42, numRuns: 200},
    );
  });

  it("keeps channels of a pixel together and never mutates its input", () => {
    const p = Uint8Array.from([10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42]); // 2×2×3
    const copy = p.slice();
    assert.deepEqual([...applyVariant(p, 2, 3, "flipH")], [20, 21, 22, 10, 11, 12, 40, 41, 42, 30, 31, 32]);
    assert.deepEqual(p, copy);
  });

  it("rejects a buffer of the wrong length, saying expected vs got", () => {
    assert.throws(() => applyVariant(new Uint8Array(5), 2, 1, "flipH"), /expected 2×2×1 = 4 bytes, got 5/);
  });

  it("applyVariantBatch transforms each patch independently", () => {
    const a = Uint8Array.from([1, 2, 3, 4]);
    const b = Uint8Array.from([5, 6, 7, 8]);
    const batch = applyVariantBatch(Uint8Array.from([...a, ...b]), 2, 2, 1, "rot270");
    assert.deepEqual([...batch], [...applyVariant(a, 2, 1, "rot270"), ...applyVariant(b, 2, 1, "rot270")]);
  });
});
