import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {parseShard, shardRange} from "../../../loaders/cluster/shard.js";

describe("parseShard / shardRange", () => {
  it("parses i/n and refuses anything else by flag name", () => {
    assert.deepEqual(parseShard("2/4"), {index: 2, count: 4});
    for (const bad of ["4/4", "1/0", "-1/3", "a/b", "1", ""]) {
      assert.throws(() => parseShard(bad), /--shard expects i\/n with 0 ≤ i < n/);
    }
  });

  it("the shards of one count tile 0…total exactly, in order, and differ in size by at most one", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 500}), fc.integer({min: 1, max: 40}), (total, count) => {
        const ranges = Array.from({length: count}, (_, index) => shardRange({index, count}, total));
        let at = 0;
        for (const [start, end] of ranges) {
          assert.equal(start, at);
          assert.ok(end >= start);
          at = end;
        }
        assert.equal(at, total);
        const sizes = ranges.map(([s, e]) => e - s);
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1);
      }),
      {seed: 16},
    );
  });
});
