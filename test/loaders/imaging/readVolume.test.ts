import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {copyFile, mkdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import {PatientError} from "../../../loaders/cohort/exclusion.js";
import {readImageVolume, readMaskVolume} from "../../../loaders/imaging/readVolume.js";
import {writeVolume} from "../../../loaders/imaging/writeVolume.js";
import {phantom, tempDir} from "./phantom.js";

// The shared real-data folder sits beside the repository (../shared/realdata); a user's clone has none.
const realdata = fileURLToPath(new URL("../../../../shared/realdata/", import.meta.url));
const missingReal = (sub: string) =>
  existsSync(join(realdata, sub))
    ? false
    : `real sample ${join(realdata, sub)} absent (see ../shared/realdata/README.md)`;

const quiet = {warn: () => {}};
const isPatientError = (kind: string, pattern: RegExp) => (e: unknown) =>
  e instanceof PatientError && e.kind === kind && pattern.test(e.message);

describe("readImageVolume(path, options)", () => {
  it("round-trips size, spacing, origin, a rotated direction and the voxels through .nii.gz, .nii, .nrrd and .mha", async () => {
    const dir = await tempDir();
    const c = Math.cos(Math.PI / 18);
    const s = Math.sin(Math.PI / 18);
    const {image} = phantom({
      size: [12, 10, 4],
      spacing: [0.7, 0.75, 2.5],
      origin: [-179.3, -200.15, -512.5],
      direction: [c, -s, 0, s, c, 0, 0, 0, 1],
    });
    for (const ext of [".nii.gz", ".nii", ".nrrd", ".mha"]) {
      const path = join(dir, `ct${ext}`);
      await writeVolume(image, path);
      const v = await readImageVolume(path, {what: "patient X image", ...quiet});
      assert.deepEqual(v.size, image.size, ext);
      v.spacing.forEach((x, i) => {
        assert.ok(Math.abs(x - image.spacing[i]!) < 1e-5, `${ext} spacing`);
      });
      v.origin.forEach((x, i) => {
        assert.ok(Math.abs(x - image.origin[i]!) < 1e-3, `${ext} origin`);
      });
      v.direction.forEach((x, i) => {
        assert.ok(Math.abs(x - image.direction[i]!) < 1e-5, `${ext} direction`);
      });
      assert.ok(v.data instanceof Float32Array);
      assert.deepEqual(Array.from(v.data), Array.from(image.data), ext);
    }
  });

  it("refuses NaN voxels in a float image instead of letting them propagate", async () => {
    const dir = await tempDir();
    const {image} = phantom({size: [4, 4, 2]});
    const data = Float32Array.from(image.data);
    data[5] = Number.NaN;
    // NRRD keeps NaN through itk-wasm (its NIfTI round trip turns NaN into 0, so NIfTI cannot carry the case).
    await writeVolume({...image, data}, join(dir, "nan.nrrd"));
    await assert.rejects(
      readImageVolume(join(dir, "nan.nrrd"), {what: "patient P9 image", ...quiet}),
      isPatientError("unreadableImage", /patient P9 image: non-finite voxel value at index 5: .*nan\.nrrd/),
    );
  });

  it("rejects a NRRD whose gzip or raw data is cut short", async () => {
    const dir = await tempDir();
    const {image} = phantom();
    for (const compress of [true, false]) {
      const path = join(dir, `ct${compress ? "-gz" : ""}.nrrd`);
      await writeVolume(image, path, {compress});
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, bytes.length - 200));
      await assert.rejects(
        readImageVolume(path, {what: "patient N1 image", ...quiet}),
        isPatientError(
          "unreadableImage",
          compress
            ? /patient N1 image: gzip stream truncated/
            : /patient N1 image: NRRD data shorter than its header says \(expected 28800 bytes/,
        ),
      );
    }
  });

  it("reads a detached MetaImage (.mhd + .raw) and checks its data file", async () => {
    const dir = await tempDir();
    const {image} = phantom({size: [6, 5, 4]});
    await writeVolume(image, join(dir, "ct.mhd"), {compress: false});
    const v = await readImageVolume(join(dir, "ct.mhd"), {what: "patient M1 image", ...quiet});
    assert.deepEqual(Array.from(v.data), Array.from(image.data));
    const raw = await readFile(join(dir, "ct.raw"));
    await writeFile(join(dir, "ct.raw"), raw.subarray(0, 100));
    await assert.rejects(
      readImageVolume(join(dir, "ct.mhd"), {what: "patient M1 image", ...quiet}),
      isPatientError(
        "unreadableImage",
        /patient M1 image: MetaImage data shorter than its header says \(expected 240 bytes for 6×5×4 voxels, got 100\)/,
      ),
    );
    await rm(join(dir, "ct.raw"));
    await assert.rejects(
      readImageVolume(join(dir, "ct.mhd"), {what: "patient M1 image", ...quiet}),
      isPatientError("fileMissing", /patient M1 image: MetaImage data file missing: .*ct\.raw/),
    );
  });

  it("reports a missing file naming the patient and the path", async () => {
    await assert.rejects(
      readImageVolume("/nonexistent/p7.nii.gz", {what: "patient P7 image", ...quiet}),
      isPatientError("fileMissing", /patient P7 image: file missing: \/nonexistent\/p7\.nii\.gz/),
    );
  });

  it("rejects a truncated .nii.gz (which itk-wasm would zero-fill) and a .nii shorter than its header says", async () => {
    const dir = await tempDir();
    const {image} = phantom();
    await writeVolume(image, join(dir, "ct.nii.gz"));
    const gz = await readFile(join(dir, "ct.nii.gz"));
    await writeFile(join(dir, "half.nii.gz"), gz.subarray(0, gz.length >> 1));
    await assert.rejects(
      readImageVolume(join(dir, "half.nii.gz"), {what: "patient P2 image", ...quiet}),
      isPatientError("unreadableImage", /patient P2 image: gzip stream truncated or corrupt .*half\.nii\.gz/),
    );
    await writeVolume(image, join(dir, "ct.nii"));
    const raw = await readFile(join(dir, "ct.nii"));
    await writeFile(join(dir, "short.nii"), raw.subarray(0, 400));
    await assert.rejects(
      readImageVolume(join(dir, "short.nii"), {what: "patient P3 image", ...quiet}),
      isPatientError(
        "unreadableImage",
        /patient P3 image: NIfTI data shorter than its header says \(expected \d+ bytes for 40×36×10 voxels of 16 bits, got 400\)/,
      ),
    );
  });

  it("turns itk-wasm's failures on garbage into an Error with context, and keeps stdout clean", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "bad.nrrd"), "NRRD0004\ntype: short\ndimension: 3\nsizes: 4 4 4\nencoding: bzip2\n\nxx");
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await assert.rejects(
        readImageVolume(join(dir, "bad.nrrd"), {what: "patient P4 image", ...quiet}),
        (e: unknown) => {
          assert.ok(e instanceof Error, "an Error, not a bare number");
          assert.match(e.message, /patient P4 image: cannot read .*bad\.nrrd/);
          return true;
        },
      );
    } finally {
      process.stdout.write = write;
    }
    assert.deepEqual(
      written.filter((w) => !w.startsWith("#") && !w.startsWith("ok") && w.trim() !== ""),
      [],
    );
  });

  it("reads a DICOM series with RescaleIntercept −1024 (int32 in itk-wasm) as float32 HU", {
    skip: missingReal("dcmqi/ct-3slice"),
  }, async () => {
    const v = await readImageVolume(join(realdata, "dcmqi/ct-3slice"), {what: "patient dcmqi image", ...quiet});
    assert.deepEqual(v.size, [512, 512, 3]);
    assert.ok(v.data instanceof Float32Array);
    let min = Infinity;
    for (const x of v.data) min = Math.min(min, x);
    assert.ok(min >= -3024 && min <= -1000, `air/outside should be ≤ −1000 HU, got ${min}`);
  });

  it("skips non-DICOM files in a series folder with a warning naming them", {
    skip: missingReal("dcmqi/ct-3slice"),
  }, async () => {
    const dir = await tempDir();
    const folder = join(dir, "series");
    await mkdir(folder);
    for (const f of ["01.dcm", "02.dcm", "03.dcm"])
      await copyFile(join(realdata, "dcmqi/ct-3slice", f), join(folder, f));
    await writeFile(join(folder, "LICENSE"), "not a DICOM file\n");
    const warnings: string[] = [];
    const v = await readImageVolume(folder, {what: "patient D1 image", warn: (w) => warnings.push(w)});
    assert.deepEqual(v.size, [512, 512, 3]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /patient D1 image: skipped 1 non-DICOM file\(s\).*LICENSE/);
  });

  it("rejects a series with a truncated slice (which itk-wasm would read without error)", {
    skip: missingReal("dcmqi/ct-3slice"),
  }, async () => {
    const dir = await tempDir();
    const folder = join(dir, "series");
    await mkdir(folder);
    for (const f of ["01.dcm", "03.dcm"]) await copyFile(join(realdata, "dcmqi/ct-3slice", f), join(folder, f));
    const slice = await readFile(join(realdata, "dcmqi/ct-3slice/02.dcm"));
    await writeFile(join(folder, "02.dcm"), slice.subarray(0, slice.length >> 1));
    await assert.rejects(
      readImageVolume(folder, {what: "patient D2 image", ...quiet}),
      isPatientError(
        "unreadableImage",
        /patient D2 image: .*02\.dcm: DICOM file truncated \(pixel data needs \d+ bytes, the file has \d+\)/,
      ),
    );
  });

  it("reads the HCC-TACE-Seg HCC_048 series (89 slices, int32 with rescale) in HU", {
    skip: missingReal("hcc-tace-seg/HCC048_portal_venous"),
  }, async () => {
    const v = await readImageVolume(join(realdata, "hcc-tace-seg/HCC048_portal_venous"), {
      what: "patient HCC_048 image",
      ...quiet,
    });
    assert.deepEqual(v.size, [512, 512, 89]);
    assert.ok(Math.abs(v.spacing[0] - 0.703) < 0.001 && Math.abs(v.spacing[2] - 2.5) < 0.01);
    let sum = 0;
    for (const x of v.data) sum += x;
    const mean = sum / v.data.length;
    assert.ok(mean > -1100 && mean < 0, `mean HU of an abdominal CT lies between air and water, got ${mean}`);
  });

  it("reads a NIfTI with sform only (qform_code 0, RAS-stored) into LPS geometry", {
    skip: missingReal("totalsegmentator/example_ct.nii.gz"),
  }, async () => {
    const v = await readImageVolume(join(realdata, "totalsegmentator/example_ct.nii.gz"), {
      what: "patient TS image",
      ...quiet,
    });
    assert.deepEqual(v.size, [122, 101, 112]);
    assert.deepEqual(v.spacing, [3, 3, 3]);
    // RAS storage: the x and y axes run against LPS.
    assert.deepEqual(
      v.direction.map((d) => Math.round(d) + 0),
      [-1, 0, 0, 0, -1, 0, 0, 0, 1],
    );
  });
});

describe("readMaskVolume(path, options)", () => {
  it("reads a DICOM SEG and its single segment, on the grid of the NRRD of the same mask", {
    skip: missingReal("dcmqi/liver.dcm"),
  }, async () => {
    const seg = await readMaskVolume(join(realdata, "dcmqi/liver.dcm"), {
      what: "patient dcmqi mask",
      tumourLabel: "nonzero",
      ...quiet,
    });
    const nrrd = await readMaskVolume(join(realdata, "dcmqi/liver_seg.nrrd"), {
      what: "patient dcmqi mask",
      tumourLabel: "nonzero",
      ...quiet,
    });
    assert.equal(seg.chosenSegment, "Liver");
    assert.deepEqual(seg.volume.size, nrrd.volume.size);
    let a = 0;
    let b = 0;
    for (let i = 0; i < seg.volume.data.length; i++) {
      a += seg.volume.data[i]! ? 1 : 0;
      b += nrrd.volume.data[i]! ? 1 : 0;
    }
    assert.equal(a, 107098);
    assert.equal(b, 107098);
  });

  it("refuses a DICOM SEG segment number that is absent", {skip: missingReal("dcmqi/liver.dcm")}, async () => {
    await assert.rejects(
      readMaskVolume(join(realdata, "dcmqi/liver.dcm"), {what: "patient S mask", tumourLabel: 3, ...quiet}),
      isPatientError("emptyMask", /patient S mask: DICOM SEG has no segment with label 3 \(found 1\)/),
    );
  });
});
