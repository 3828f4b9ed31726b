import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {calibrationSample, int8ModelId} from "../../../../loaders/features/onnx/int8Backbone.js";
import type {PatchRecord, PatchSet} from "../../../../loaders/imaging/patchSet.js";

/** A cohort of `count` 2-px patches whose every byte is the patch's index. */
function cohort(count: number): PatchSet {
  const per = 2 * 2 * 3;
  return {
    cohort: "NFH",
    sizePx: 2,
    records: Array.from({length: count}, (_, i) => ({patchId: `p${i}`}) as PatchRecord),
    pixels: Uint8Array.from({length: count * per}, (_, j) => Math.floor(j / per)),
  };
}

describe("calibrationSample(trainingCohort, max)", () => {
  it("takes patches ⌊i · n / k⌋, evenly spaced over the cohort, and says so", () => {
    const {sample, description} = calibrationSample(cohort(10), 4);
    assert.equal(sample.count, 4);
    assert.deepEqual(
      Array.from({length: 4}, (_, i) => sample.pixels[i * 12]),
      [0, 2, 5, 7],
    );
    assert.match(description, /^4 of 10 patches of training cohort NFH \(evenly spaced, identity variant\), min–max/);
  });

  it("keeps up to 32 patches the calibration did not see for the agreement with FP32, none when it saw them all", () => {
    const {heldOut} = calibrationSample(cohort(10), 4);
    // Calibration took patches 0, 2, 5, 7; the agreement takes the other six, evenly spaced.
    assert.equal(heldOut?.count, 6);
    assert.deepEqual(
      Array.from({length: 6}, (_, i) => heldOut!.pixels[i * 12]),
      [1, 3, 4, 6, 8, 9],
    );
    assert.equal(calibrationSample(cohort(3), 64).heldOut, null);
  });

  it("takes every patch of a cohort smaller than max; the hash follows the pixels", () => {
    const a = calibrationSample(cohort(3), 64);
    assert.equal(a.sample.count, 3);
    assert.equal(a.hash, calibrationSample(cohort(3), 64).hash);
    assert.notEqual(a.hash, calibrationSample(cohort(4), 64).hash);
  });

  it("refuses an empty training cohort, naming it", () => {
    assert.throws(() => calibrationSample(cohort(0)), /expected patches in training cohort NFH, got none/);
  });
});

describe("int8ModelId(fp32ModelId, int8Sha256)", () => {
  it("differs from the FP32 id and between int8 graphs", () => {
    const id = int8ModelId("a".repeat(64), "b".repeat(64));
    assert.match(id, /^[0-9a-f]{64}$/);
    assert.notEqual(id, "a".repeat(64));
    assert.notEqual(id, int8ModelId("a".repeat(64), "c".repeat(64)));
  });
});
