import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {mkdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {before, describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {indexToPhysical, physicalToIndex} from "../../../loaders/imaging/grid.js";
import {writePatchStore} from "../../../loaders/imaging/patchStore.js";
import {preprocessPatient} from "../../../loaders/imaging/preprocessPatient.js";
import {preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";
import {readImageVolume} from "../../../loaders/imaging/readVolume.js";
import type {Vec3, Volume} from "../../../loaders/imaging/volume.js";
import type {StudyConfig} from "../../../src/components/study/studyConfig.js";
import {tempDir, writeManifest} from "./phantom.js";

/**
 * The imaging core on a real scan: TCIA HCC-TACE-Seg patient HCC_048 (512 × 512 × 89, 0.703 × 0.703 × 2.5 mm, int32
 * DICOM; CC BY 4.0, ../shared/realdata/README.md), with spherical "tumours" of 5, 12, 30 and 60 mm drawn into a mask
 * on its own grid. Skipped, saying so, when the shared samples are absent (a user's clone has no ../shared).
 */
const realdata = fileURLToPath(new URL("../../../../shared/realdata/", import.meta.url));
const series = join(realdata, "hcc-tace-seg/HCC048_portal_venous");
const skip = existsSync(series) ? false : `real sample ${series} absent (tests read ../shared/realdata)`;

/** Sphere diameters (mm) and centres (voxel index; z on a native slice), far enough apart to stay separate lesions. */
const spheres: Record<string, {diameterMm: number; centre: Vec3}> = {
  d5: {diameterMm: 5, centre: [150, 200, 20]},
  d12: {diameterMm: 12, centre: [350, 200, 20]},
  d30: {diameterMm: 30, centre: [150, 330, 50]},
  d60: {diameterMm: 60, centre: [330, 320, 50]},
};

function drawSpheres(grid: Volume, names: string[]): Volume<Uint8Array> {
  const data = new Uint8Array(grid.data.length);
  const [nx, ny, nz] = grid.size;
  for (const name of names) {
    const {diameterMm, centre} = spheres[name]!;
    const r = diameterMm / 2;
    const c = indexToPhysical(grid, centre);
    const reach = [0, 1, 2].map((a) => Math.ceil(r / grid.spacing[a]!) + 1);
    for (let k = Math.max(0, centre[2] - reach[2]!); k <= Math.min(nz - 1, centre[2] + reach[2]!); k++)
      for (let j = Math.max(0, centre[1] - reach[1]!); j <= Math.min(ny - 1, centre[1] + reach[1]!); j++)
        for (let i = Math.max(0, centre[0] - reach[0]!); i <= Math.min(nx - 1, centre[0] + reach[0]!); i++) {
          const p = indexToPhysical(grid, [i, j, k]);
          if (Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]) <= r) data[i + nx * (j + ny * k)] = 1;
        }
  }
  return {size: grid.size, spacing: grid.spacing, origin: grid.origin, direction: grid.direction, data};
}

const roiConfig = (patches: Record<string, unknown> = {}): StudyConfig => normalizeStudyConfig({patches});

describe("preprocessing a real CT (HCC_048) with drawn tumours of 5, 12, 30 and 60 mm", {skip}, () => {
  let image: Volume<Float32Array>;
  before(async () => {
    image = await readImageVolume(series, {what: "HCC_048 image", warn: () => {}});
  });

  it("multi-tumour ROI: roi patches come from the largest lesion, ≥ 30 mm, entirely inside it, on native slices", () => {
    const mask = drawSpheres(image, ["d5", "d12", "d30", "d60"]);
    const config = roiConfig();
    const out = preprocessPatient({patientId: "multi", cohort: "A", label: "PR", image, mask}, config);
    assert.equal(out.geometry.lesionVolumesMm3.length, 4, "four separate lesions found");
    assert.deepEqual(out.geometry.cuttingSpacing, image.spacing, "cut at the scan's own pixels");
    assert.equal(out.records.length, 3);
    const big = drawSpheres(image, ["d60"]);
    const slices = out.records.map((r) => r.sliceIndex).sort((a, b) => a - b);
    assert.deepEqual(slices, [49, 50, 51], "the largest-area native slice (the centre) and its two native neighbours");
    for (const r of out.records) {
      assert.ok(r.sizeMm >= 30, `patch ${r.patchId} is ${r.sizeMm} mm across`);
      assert.ok(r.nativePx >= config.patches.minNativePx && Number.isInteger(r.nativePx));
      assert.equal(r.magnification, Math.round((224 / r.nativePx) * 1e4) / 1e4);
      // Native slice: the centre lies exactly on stored slice r.sliceIndex.
      const c = physicalToIndex(image, r.centreMm);
      assert.ok(Math.abs(c[2] - r.sliceIndex) < 1e-4, `centre at slice index ${c[2]}`);
      // Every native pixel of the patch lies in the 60 mm lesion.
      const half = (r.nativePx - 1) / 2;
      for (let v = 0; v < r.nativePx; v++)
        for (let u = 0; u < r.nativePx; u++) {
          const i = Math.round(c[0] - half + u);
          const j = Math.round(c[1] - half + v);
          assert.equal(big.data[i + image.size[0] * (j + image.size[1] * r.sliceIndex)], 1, `pixel ${u},${v}`);
        }
    }
    // A 60 mm sphere's central disc holds a square of about 60/√2 = 42 mm.
    assert.ok(Math.max(...out.records.map((r) => r.sizeMm)) > 38);
  });

  it("fixed geometry on the same ROI: 16 mm patches, several per slice when asked, still inside and native", () => {
    const mask = drawSpheres(image, ["d5", "d12", "d30", "d60"]);
    const out = preprocessPatient(
      {patientId: "multi", cohort: "A", label: "PR", image, mask},
      roiConfig({geometry: "fixed", sizeMm: 16, patchesPerSlice: 2}),
    );
    assert.equal(out.records.length, 6);
    for (const r of out.records) {
      assert.equal(r.nativePx, Math.round(16 / image.spacing[0]));
      assert.ok(Math.abs(physicalToIndex(image, r.centreMm)[2] - r.sliceIndex) < 1e-4);
    }
  });

  it("mRECIST's 10 mm, in millimetres: a 10 × 10-pixel tumour (9.9 mm across) passes the pixel floor but is not measurable", () => {
    const data = new Uint8Array(image.data.length);
    const [nx, ny] = image.size;
    for (let k = 30; k < 33; k++)
      for (let j = 250; j < 260; j++) for (let i = 250; i < 260; i++) data[i + nx * (j + ny * k)] = 1;
    const mask = {...image, data};
    const input = {patientId: "S10", cohort: "HCC", label: "SD" as const, image, mask, maskFile: "S10.nii.gz"};
    assert.throws(
      () => preprocessPatient(input, roiConfig()),
      /^PatientError: patient S10: tumour not measurable \(mRECIST\): longest axial diameter 9\.9 mm, below patches\.minDiameterMm = 10 \(largest square 10 px \/ 7\.0 mm; patches\.minNativePx = 10\): mask S10\.nii\.gz$/,
    );
    // Without the diameter rule the pixel floor alone lets it through: the two guards are separate.
    const cut = preprocessPatient(input, roiConfig({minDiameterMm: 0}));
    assert.ok(cut.records.length > 0 && cut.records.every((r) => r.nativePx === 10));
    assert.ok(Math.abs(cut.geometry.longestDiameterMm - 10 * 0.703 * Math.SQRT2) < 0.01);
  });

  it("a study of single tumours: the 5 mm one is excluded with its size, in the flow report and in study.json", async () => {
    const dir = await tempDir("tace-real-tumours-");
    const masks: Record<string, Volume<Uint8Array>> = {
      T5: drawSpheres(image, ["d5"]),
      T12: drawSpheres(image, ["d12"]),
      T30: drawSpheres(image, ["d30"]),
      T60: drawSpheres(image, ["d60"]),
    };
    const manifest = await writeManifest(
      dir,
      Object.keys(masks).map((id) => ({patient_id: id, cohort: "HCC", image: "ct", mask: `${id}.nii.gz`, label: "SD"})),
    );
    const config = roiConfig();
    const study = await preprocessStudy(manifest, config, {
      log: () => {},
      readPatient: async (p) => ({image, mask: masks[p.patientId]!}),
    });
    const flow = study.flow.HCC!;
    assert.deepEqual([flow.eligible, flow.analysedPatients], [4, 3]);
    assert.deepEqual(
      flow.excluded.map((e) => [e.patientId, e.kind]),
      [["T5", "tumourTooSmall"]],
    );
    assert.match(
      flow.excluded[0]!.reason,
      /^patient T5: tumour not measurable \(mRECIST\): longest axial diameter [4-6]\.\d mm, below patches\.minDiameterMm = 10 \(largest square [3-9] px \/ [2-6]\.\d mm; patches\.minNativePx = 10\): mask .*T5\.nii\.gz$/,
    );
    const records = study.cohorts.HCC!.records;
    for (const r of records) assert.ok(r.nativePx >= 10, `${r.patchId}: ${r.nativePx} px`);
    const largest = (id: string) => Math.max(...records.filter((r) => r.patientId === id).map((r) => r.sizeMm));
    assert.ok(largest("T60") >= 30 && largest("T60") > largest("T30") && largest("T30") > largest("T12"));

    const out = join(dir, "store");
    await mkdir(out);
    await writePatchStore(out, study, {thumbnails: false});
    const saved = JSON.parse(await readFile(join(out, "study.json"), "utf8"));
    assert.equal(saved.flow.HCC.excluded[0].reason, flow.excluded[0]!.reason);
    const savedRecords = JSON.parse(
      await readFile(join(out, "cohorts", `${saved.cohorts[0].file}.json`), "utf8"),
    ).records;
    assert.deepEqual(Object.keys(savedRecords[0]).sort(), Object.keys(records[0]!).sort());
    assert.ok(savedRecords.every((r: {magnification: number; nativePx: number}) => r.magnification * r.nativePx > 223));
  });
});
