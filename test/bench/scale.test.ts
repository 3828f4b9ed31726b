import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {replicateManifest} from "../../bench/scale.js";

describe("replicateManifest(csv, copies)", () => {
  it("lists each row `copies` times under distinct ids, keeping the header, the files and the cohorts' order", () => {
    const csv = "patient_id,cohort,image\nA-1,NFH,a.nii.gz\nB-1,SYUCC,b.nii.gz\n";
    const out = replicateManifest(csv, 3).trimEnd().split("\n");
    assert.deepEqual(out, [
      "patient_id,cohort,image",
      "A-1,NFH,a.nii.gz",
      "A-1-c2,NFH,a.nii.gz",
      "A-1-c3,NFH,a.nii.gz",
      "B-1,SYUCC,b.nii.gz",
      "B-1-c2,SYUCC,b.nii.gz",
      "B-1-c3,SYUCC,b.nii.gz",
    ]);
    const ids = out.slice(1).map((row) => row.split(",")[0]);
    assert.equal(new Set(ids).size, ids.length);
  });
});
