import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {idHash, SafeNamePattern, safeName, safeNames, slugOf} from "../../../loaders/output/safeName.js";

const hostile = [
  "../x",
  "../../etc/passwd",
  "/abs",
  "a\\b",
  "nul\u0000byte",
  "x".repeat(1000),
  "Pätïent 東京 🙂",
  "X/1",
  "X_1",
  `${"a".repeat(60)}-one`,
  `${"a".repeat(60)}-two`,
  ".",
  "..",
  "",
  ".hidden",
  "-rf",
  "__proto__",
  "constructor",
  "CON",
];
/** Generous bound: 10-digit index, separators, slug, hash and a 5-character extension. */
const MaxLength = 10 + 1 + 40 + 1 + 8 + 5;

describe("safeName(index, id) / safeNames(ids)", () => {
  it("gives hostile ids distinct, safe, bounded names", () => {
    const names = [...safeNames(hostile, ".png").values()];
    assert.equal(new Set(names).size, hostile.length);
    for (const name of names) {
      assert.match(name, SafeNamePattern);
      assert.match(name, /\.png$/);
      assert.ok(!name.includes(".."), name);
      assert.ok(name.length <= MaxLength, name);
    }
  });

  it("keeps a readable slug and tells apart ids the slug cannot", () => {
    assert.equal(safeName(7, "X/1", ".png"), `0007-X_1-${idHash("X/1")}.png`);
    assert.equal(slugOf("X/1"), slugOf("X_1"));
    assert.notEqual(idHash("X/1"), idHash("X_1"));
    assert.equal(slugOf("../x"), "x");
    assert.equal(slugOf(""), "id");
    assert.equal(slugOf("Pätïent"), "Patient");
    assert.equal(slugOf("x".repeat(500)).length, 40);
  });

  it("refuses duplicate ids, bad indexes and bad extensions", () => {
    assert.throws(() => safeNames(["a", "b", "a"]), /duplicate id "a" at position 2/);
    assert.throws(() => safeName(-1, "a"), /non-negative integer/);
    assert.throws(() => safeName(0, "a", "/png"), /bad extension/);
  });

  it("property: distinct ids get distinct names matching the safe pattern, length-bounded", () => {
    const id = fc.oneof(
      fc.string({unit: "binary", maxLength: 200}),
      fc.string({unit: fc.constantFrom("/", "\\", ".", "_", "X", "1", "\u0000", "é"), maxLength: 80}),
      fc.constantFrom(...hostile),
    );
    fc.assert(
      fc.property(fc.uniqueArray(id, {maxLength: 40}), (ids) => {
        const names = [...safeNames(ids, ".png").values()];
        assert.equal(new Set(names).size, ids.length);
        for (const name of names) {
          assert.match(name, SafeNamePattern);
          assert.ok(name.length <= MaxLength);
        }
      }),
      {seed: 12, numRuns: 300},
    );
  });

  it("property: the id part alone (slug + hash) separates distinct ids at one index", () => {
    // The index already makes names unique in a list; this checks the hash does its own job, so a name found on
    // disk can be checked against the id it claims to belong to.
    fc.assert(
      fc.property(fc.string({unit: "binary", maxLength: 100}), fc.string({unit: "binary", maxLength: 100}), (a, b) => {
        fc.pre(a !== b);
        assert.notEqual(safeName(3, a), safeName(3, b));
      }),
      {seed: 5, numRuns: 500},
    );
  });
});
