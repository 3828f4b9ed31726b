import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {PatientError} from "../../../loaders/cohort/exclusion.js";
import {tumourMask} from "../../../loaders/imaging/tumourMask.js";
import type {Volume} from "../../../loaders/imaging/volume.js";

const volume = (values: number[]): Volume => ({
  data: Float32Array.from(values),
  size: [values.length, 1, 1],
  spacing: [1, 1, 1],
  origin: [0, 0, 0],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
});
const fails = (kind: string, pattern: RegExp) => (e: unknown) =>
  e instanceof PatientError && e.kind === kind && pattern.test(e.message);

describe("tumourMask(mask, tumourLabel, what, file)", () => {
  it('"nonzero" accepts {0, 1} and a single other label such as IRCAD\'s 255', () => {
    assert.deepEqual([...tumourMask(volume([0, 1, 1, 0]), "nonzero", "p", "f").data], [0, 1, 1, 0]);
    assert.deepEqual([...tumourMask(volume([0, 255, 0]), "nonzero", "p", "f").data], [0, 1, 0]);
  });
  it('"nonzero" refuses several labels, listing them', () => {
    assert.throws(
      () => tumourMask(volume([0, 1, 2, 5]), "nonzero", "patient P mask", "m.nii"),
      fails("maskLabels", /patient P mask: mask has labels \{0, 1, 2, 5\}, expected \{0, 1\}.*m\.nii/),
    );
  });
  it("a numeric label keeps exactly that label, and is an empty mask when absent", () => {
    assert.deepEqual([...tumourMask(volume([0, 1, 2, 2]), 2, "p", "f").data], [0, 0, 1, 1]);
    assert.throws(
      () => tumourMask(volume([0, 1]), 2, "patient P mask", "m.nii"),
      fails("emptyMask", /no voxel has the tumour label 2 \(labels found: 1\)/),
    );
  });
  it("reports an all-zero mask and non-integer labels", () => {
    assert.throws(
      () => tumourMask(volume([0, 0]), "nonzero", "patient P mask", "m.nii"),
      fails("emptyMask", /patient P mask: empty mask \(no nonzero voxel\): m\.nii/),
    );
    assert.throws(
      () => tumourMask(volume([0, 0.5]), "nonzero", "p", "f"),
      fails("maskLabels", /must be integers, got 0\.5/),
    );
  });
  it("refuses a CT given as the mask by its count of distinct values, not a list of them", () => {
    // A CT-like ramp of HU values -1000…999 (2000 distinct values, 0 among them).
    const ct = Array.from({length: 2000}, (_, i) => i - 1000);
    assert.throws(
      () => tumourMask(volume(ct), "nonzero", "patient P7 (NFH) mask", "ct/p7.nii.gz"),
      (e: unknown) =>
        fails(
          "maskLabels",
          /^patient P7 \(NFH\) mask: mask has 2000 distinct values \(looks like an image, not a label mask; was the CT given as the mask\?\): ct\/p7\.nii\.gz$/,
        )(e) && (e as Error).message.length < 200,
    );
    assert.throws(() => tumourMask(volume(ct), 3, "p", "f"), fails("maskLabels", /mask has 2000 distinct values/));
    // A label map of up to MaxMaskLabels labels is still a label map.
    const labels = Array.from({length: 256}, (_, i) => i);
    assert.deepEqual([...tumourMask(volume(labels), 117, "p", "f").data].filter((v) => v === 1).length, 1);
  });
});
