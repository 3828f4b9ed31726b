import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {classActivationMap} from "../../../loaders/train/classActivationMap.js";

describe("classActivationMap", () => {
  it("weights the channels by the class's head weights and normalises to 0..1 (Zhou et al. 2016)", () => {
    // 1×2 map, 2 channels, 2 classes; weights [channel][class]
    const a = Float32Array.from([1, 0, 0, 2]); // position 0: (1, 0); position 1: (0, 2)
    const w = Float64Array.from([1, -1, 0.25, 3]);
    assert.deepEqual(classActivationMap(a, 1, 2, 2, w, 2, 0), [1, 0]); // scores 1 and 0.5
    assert.deepEqual(classActivationMap(a, 1, 2, 2, w, 2, 1), [0, 1]); // scores −1 and 6
  });

  it("returns zeros for a flat map and ranks positions by class evidence", () => {
    const a = Float32Array.from([1, 0, 0, 2, 0, 0]);
    const w = Float64Array.from([1, -1, 0.25, 3]);
    assert.deepEqual(classActivationMap(a, 1, 3, 2, w, 2, 1), [0, 1, 1 / 7]);
    assert.deepEqual(classActivationMap(new Float32Array(4), 2, 1, 2, w, 2, 0), [0, 0]);
  });

  it("rejects mismatched sizes", () => {
    assert.throws(
      () => classActivationMap(new Float32Array(3), 1, 1, 2, new Float64Array(4), 2, 0),
      /expected 1×1×2 activations, got 3/,
    );
  });
});
