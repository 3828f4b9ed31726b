import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {createRng, deriveSeed} from "../../../src/components/stats/random.js";

describe("createRng(seed)", () => {
  it("replays the same stream for the same seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 100; i++) {
      assert.equal(a.next(), b.next());
      assert.equal(a.int(7), b.int(7));
      assert.equal(a.normal(), b.normal());
    }
  });
  it("gives different streams for different seeds (including negative and large seeds)", () => {
    const seeds = [0, 1, 2, -1, 2 ** 40, Number.MAX_SAFE_INTEGER];
    const firsts = seeds.map((s) => createRng(s).next());
    assert.equal(new Set(firsts).size, seeds.length);
  });
  it("next() lies in [0, 1) with mean ≈ ½ and int(n) is uniform on [0, n)", () => {
    const rng = createRng(7);
    let sum = 0;
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 100000; i++) {
      const u = rng.next();
      assert.ok(u >= 0 && u < 1);
      sum += u;
      counts[rng.int(5)]++;
    }
    assert.ok(Math.abs(sum / 100000 - 0.5) < 0.005);
    for (const c of counts) assert.ok(Math.abs(c / 100000 - 0.2) < 0.006);
  });
  it("normal() has mean ≈ 0 and variance ≈ 1", () => {
    const rng = createRng(3);
    let s = 0;
    let s2 = 0;
    const n = 100000;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
    }
    assert.ok(Math.abs(s / n) < 0.02);
    assert.ok(Math.abs(s2 / n - 1) < 0.02);
  });
  it("int(n) rejects non-integers, 0 and values above 2^32; the seed must be a safe integer", () => {
    const rng = createRng(1);
    assert.throws(() => rng.int(0), RangeError);
    assert.throws(() => rng.int(2.5), RangeError);
    assert.throws(() => rng.int(2 ** 33), RangeError);
    assert.throws(() => createRng(Number.NaN), RangeError);
    assert.throws(() => createRng(1.5), RangeError);
    assert.equal(rng.int(1), 0);
  });
  it("ints(n, out) draws what int(n) would, one by one, and leaves the stream where int(n) would (property)", () => {
    const bounds = fc.oneof(fc.integer({min: 1, max: 50}), fc.integer({min: 1, max: 0x200000}), fc.constant(2 ** 32));
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.tuple(bounds, fc.nat(40)), {maxLength: 6}), (seed, calls) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (const [n, length] of calls) {
          const out = new Uint32Array(length);
          a.ints(n, out);
          assert.deepEqual(
            [...out],
            Array.from({length}, () => b.int(n)),
          );
          assert.equal(a.next(), b.next());
        }
      }),
      {seed: 26, numRuns: 300},
    );
  });
  it("ints(n, out) rejects the bounds int(n) rejects, drawing nothing", () => {
    const rng = createRng(1);
    const out = new Uint32Array(3);
    for (const n of [0, 2.5, 2 ** 33]) assert.throws(() => rng.ints(n, out), RangeError);
    assert.equal(rng.next(), createRng(1).next());
  });
  it("methods work when detached from the object", () => {
    const {next, normal} = createRng(5);
    assert.ok(next() < 1);
    assert.ok(Number.isFinite(normal()));
  });
});

describe("deriveSeed(seed, label)", () => {
  it("is deterministic and separates labels", () => {
    assert.equal(deriveSeed(1, "a"), deriveSeed(1, "a"));
    assert.notEqual(deriveSeed(1, "a"), deriveSeed(1, "b"));
    assert.notEqual(deriveSeed(1, "a"), deriveSeed(2, "a"));
  });
});
