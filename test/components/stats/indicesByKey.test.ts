import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {indicesByKey} from "../../../src/components/stats/indicesByKey.js";

describe("indicesByKey", () => {
  it("groups indices by key in first-seen order", () => {
    assert.deepEqual(
      [...indicesByKey(["b", "a", "b", "c", "a"])],
      [
        ["b", [0, 2]],
        ["a", [1, 4]],
        ["c", [3]],
      ],
    );
  });
  it("empty keys → empty map", () => {
    assert.equal(indicesByKey([]).size, 0);
  });
});
