import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {assertBinary, assertFinite, assertSameLength} from "../../../src/components/stats/assertFinite.js";

describe("assertFinite(values, name)", () => {
  it("accepts finite numbers (typed arrays too) and the empty array", () => {
    assertFinite([0, -1.5, 1e300, Number.MIN_VALUE], "x");
    assertFinite(new Float64Array([1, 2]), "x");
    assertFinite([], "x");
  });
  it("names the first offending index and value: NaN, ±Infinity, a non-number", () => {
    assert.throws(() => assertFinite([1, Number.NaN, Infinity], "score"), {
      name: "RangeError",
      message: "score[1] must be a finite number, not NaN",
    });
    assert.throws(() => assertFinite([-Infinity], "s"), /s\[0\] must be a finite number, not -Infinity/);
    assert.throws(() => assertFinite(["1"] as unknown as number[], "s"), /s\[0\] .* not 1/);
    assert.throws(() => assertFinite([1, 2, undefined] as unknown as number[], "s"), /s\[2\] .* not undefined/);
  });
  it("never throws on arrays of finite doubles; always throws when one entry is not finite (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({noNaN: true, noDefaultInfinity: true})),
        fc.constantFrom(Number.NaN, Infinity, -Infinity),
        fc.nat(),
        (xs, bad, k) => {
          assertFinite(xs, "x");
          const i = k % (xs.length + 1);
          const withBad = [...xs.slice(0, i), bad, ...xs.slice(i)];
          assert.throws(() => assertFinite(withBad, "x"), new RegExp(`x\\[${i}\\]`));
        },
      ),
      {seed: 20200201, numRuns: 200},
    );
  });
});

describe("assertBinary(outcome, name)", () => {
  it("accepts 0, 1, false and true", () => {
    assertBinary([0, 1, true, false], "y");
    assertBinary(new Uint8Array([0, 1]), "y");
  });
  it("names the first entry that is not 0/1", () => {
    assert.throws(() => assertBinary([0, 1, 2, 3], "outcome"), {
      name: "RangeError",
      message: "outcome[2] must be 0 or 1 (or a boolean), not 2",
    });
    assert.throws(() => assertBinary([0.5], "y"), /y\[0\]/);
    assert.throws(() => assertBinary([Number.NaN], "y"), /not NaN/);
  });
});

describe("assertSameLength(a, b, names)", () => {
  it("passes on equal lengths and names both lengths otherwise", () => {
    assertSameLength([1, 2], new Float64Array(2), "a and b");
    assert.throws(() => assertSameLength([1], [1, 2], "outcome and score"), {
      name: "RangeError",
      message: "outcome and score must have the same length, not 1 and 2",
    });
  });
});
