import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {PatientError} from "../../../loaders/cohort/exclusion.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {indexToPhysical, physicalToIndex} from "../../../loaders/imaging/grid.js";
import {preprocessPatient} from "../../../loaders/imaging/preprocessPatient.js";
import type {Vec3, Volume} from "../../../loaders/imaging/volume.js";
import {windowToByte} from "../../../loaders/imaging/window.js";

/** An ellipsoid tumour (100 HU + physical x in mm) in 40 HU tissue; the mask is the ellipsoid. */
function patient(spacing: Vec3, direction: number[], radii: Vec3, size: Vec3 = [40, 36, 12]) {
  const grid = {size, spacing, origin: [-10, 5, -20] as Vec3, direction};
  const n = size[0] * size[1] * size[2];
  const image = new Float32Array(n);
  const mask = new Uint8Array(n);
  const centre = indexToPhysical(grid, [(size[0] - 1) / 2, (size[1] - 1) / 2, (size[2] - 1) / 2]);
  for (let k = 0; k < size[2]; k++)
    for (let j = 0; j < size[1]; j++)
      for (let i = 0; i < size[0]; i++) {
        const p = indexToPhysical(grid, [i, j, k]);
        const r = [0, 1, 2].reduce((s, a) => s + ((p[a]! - centre[a]!) / radii[a]!) ** 2, 0);
        const o = i + size[0] * (j + size[1] * k);
        mask[o] = r <= 1 ? 1 : 0;
        image[o] = (r <= 1 ? 100 : 40) + (p[0] - centre[0]);
      }
  return {
    patientId: "P1",
    cohort: "A",
    label: "SD" as const,
    image: {...grid, data: image} as Volume<Float32Array>,
    mask: {...grid, data: mask} as Volume<Uint8Array>,
  };
}

/** Nearest-voxel lookup; a point on a cell boundary (to 1e-6 voxel) may belong to either neighbour. */
function onTumour(mask: Volume<Uint8Array>, p: Vec3): boolean {
  const c = physicalToIndex(mask, p);
  const options = c.map((x) => (Math.abs((x % 1) - 0.5) < 1e-6 ? [Math.floor(x), Math.ceil(x)] : [Math.round(x)]));
  for (const i of options[0]!)
    for (const j of options[1]!)
      for (const k of options[2]!) if (mask.data[i + mask.size[0] * (j + mask.size[1] * k)] === 1) return true;
  return false;
}

// The phantoms' tumours are a few mm across: mRECIST's 10 mm rule (tested on a real CT in realTumours.test.ts) is
// off here so that these tests reach the cutting itself.
const config = (patches: Record<string, unknown> = {}) =>
  normalizeStudyConfig({
    patches: {sizePx: 32, sizeMm: 8, minNativePx: 4, minDiameterMm: 0, geometry: "fixed", ...patches},
    imaging: {window: {level: 100, width: 200}},
  });

const directions = {
  lps: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  ras: [-1, 0, 0, 0, -1, 0, 0, 0, 1],
  zFlipped: [1, 0, 0, 0, 1, 0, 0, 0, -1],
};

/** Two ellipsoid lesions in one mask: a large one (radii 12 × 10 × 5 mm) and a small one far from it. */
function twoLesions() {
  const big = patient([0.8, 0.8, 1], directions.lps, [12, 10, 5], [80, 36, 12]);
  const data = big.mask.data;
  for (let o = 0; o < data.length; o++) data[o] = 0;
  const [nx, ny] = big.mask.size;
  for (let k = 0; k < 12; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const big2 = ((i - 20) * 0.8) ** 2 / 144 + ((j - 17.5) * 0.8) ** 2 / 100 + (k - 5.5) ** 2 / 25;
        const small = ((i - 64) * 0.8) ** 2 / 25 + ((j - 17.5) * 0.8) ** 2 / 25 + (k - 5.5) ** 2 / 25;
        if (big2 <= 1 || small <= 1) data[i + nx * (j + ny * k)] = 1;
      }
  return big;
}

describe("preprocessPatient(input, config)", () => {
  it("cuts patches whose every pixel centre lies on a tumour voxel, on native slices (property: geometry, spacing, orientation, size)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("roi", "fixed"),
        fc.constantFrom(...Object.values(directions)),
        fc.tuple(fc.constantFrom(0.6, 0.8, 1.2), fc.constantFrom(0.7, 1), fc.constantFrom(1, 2, 2.5)),
        fc.tuple(fc.integer({min: 7, max: 12}), fc.integer({min: 6, max: 10}), fc.integer({min: 4, max: 8})),
        fc.integer({min: 1, max: 3}),
        (geometry, direction, spacing, radii, perSlice) => {
          const input = patient(spacing as Vec3, direction, radii as Vec3);
          const c = config({patchesPerSlice: perSlice, geometry});
          const out = preprocessPatient(input, c);
          assert.ok(out.records.length > 0);
          assert.equal(out.pixels.length, out.records.length);
          const [sx, sy] = spacing;
          for (const r of out.records) {
            assert.equal(r.roiCoverage, 1);
            assert.equal(r.geometry, geometry);
            // Native grid: the patch spans whole native pixels, and magnification is sizePx over them.
            const w = r.nativePx;
            assert.ok(Number.isInteger(w) && w >= 4, `nativePx ${w}`);
            assert.ok(Math.abs(r.sizeMm - w * sx) < 1e-3);
            assert.ok(Math.abs(r.magnification - 32 / w) < 1e-3);
            // The centre sits on the native slice it names: an integer index along the stored slice axis.
            const k = physicalToIndex(input.mask, r.centreMm)[2];
            assert.ok(Math.abs(k - r.sliceIndex) < 1e-6, `centre at slice ${k}, record says ${r.sliceIndex}`);
            const h = Math.max(1, Math.round((w * sx) / sy));
            for (let v = 0; v < h; v++)
              for (let u = 0; u < w; u++) {
                const p: Vec3 = [
                  r.centreMm[0] + (u - (w - 1) / 2) * sx,
                  r.centreMm[1] + (v - (h - 1) / 2) * sy,
                  r.centreMm[2],
                ];
                assert.ok(
                  onTumour(input.mask, p),
                  `patch ${r.patchId} pixel (${u}, ${v}) at ${p} is outside the tumour`,
                );
              }
          }
        },
      ),
      {seed: 3, numRuns: 30},
    );
  });

  it("shows the tumour in radiological orientation whatever the storage order: intensity rises with column (patient left)", () => {
    for (const [name, direction] of Object.entries(directions)) {
      const out = preprocessPatient(patient([0.8, 0.8, 2], direction, [12, 10, 6]), config());
      const px = out.pixels[0]!;
      const row = 16;
      const left = px[3 * (2 + 32 * row)]!;
      const right = px[3 * (29 + 32 * row)]!;
      assert.ok(right > left, `${name}: column 29 (${right}) should be brighter than column 2 (${left})`);
      // Entirely inside the tumour: nothing darker than 100 − 4 HU (the ramp spans the 8 mm patch).
      assert.ok(
        px.every((b) => b >= windowToByte(95, {level: 100, width: 200})),
        name,
      );
    }
  });

  it("takes the largest native slice and its nearest native neighbours and records geometry and patch fields", () => {
    const out = preprocessPatient(patient([0.8, 0.8, 1], directions.lps, [12, 10, 5]), config());
    // Slices 5 and 6 tie for the largest area (centre 5.5): the lower wins, then its nearest neighbours 4 and 6.
    assert.deepEqual(out.geometry.slices, [4, 5, 6]);
    assert.deepEqual(out.geometry.originalSpacing, [0.8, 0.8, 1]);
    assert.deepEqual(out.geometry.cuttingSpacing, [0.8, 0.8, 1]);
    assert.ok(Math.abs(out.geometry.tumourVolumeMm3 - (4 / 3) * Math.PI * 12 * 10 * 5) < 60);
    for (const r of out.records) {
      assert.equal(r.sizeMm, 8);
      assert.equal(r.nativePx, 10);
      assert.equal(r.magnification, 3.2);
      assert.equal(r.fallback, false);
      assert.equal(r.label, "SD");
      assert.match(r.patchId, /^P1-s[456]-p0$/);
    }
  });

  it("never takes an interpolated slice: 2.5 mm slices give native indices, one slice apart", () => {
    const out = preprocessPatient(patient([0.7, 0.7, 2.5], directions.zFlipped, [11, 9, 9], [40, 36, 12]), config());
    // Stored slice-reversed, so native indices run against z: compare them sorted.
    const slices = [...out.geometry.slices].sort((a, b) => a - b);
    assert.equal(slices.length, 3);
    assert.deepEqual(slices, [slices[0]!, slices[0]! + 1, slices[0]! + 2]);
    assert.deepEqual(out.geometry.cuttingSpacing, [0.7, 0.7, 2.5]);
  });

  it("roi geometry: one patch per slice, the largest square inside the ROI (side ≈ √2 × the slice's radius)", () => {
    const out = preprocessPatient(
      patient([0.8, 0.8, 1], directions.lps, [14, 14, 5], [44, 44, 12]),
      config({geometry: "roi"}),
    );
    assert.equal(out.records.length, 3);
    const middle = out.records.find((r) => r.sliceIndex === 6) ?? out.records[1]!;
    // The centre slice's disc has radius ≈ 14 mm (the slice is 0.5 mm off the centre): inscribed square ≈ 19.8 mm.
    assert.ok(Math.abs(middle.sizeMm - 14 * Math.SQRT2) <= 2 * 0.8, `roi patch of ${middle.sizeMm} mm`);
    for (const r of out.records) {
      assert.equal(r.geometry, "roi");
      assert.equal(r.magnification, Math.round((32 / r.nativePx) * 1e4) / 1e4);
    }
    const squares = out.geometry.largestSquares;
    assert.deepEqual(
      squares.map((q) => q.sizeMm),
      out.records.map((r) => r.sizeMm),
    );
  });

  it("excludes a tumour whose largest square has fewer than minNativePx native pixels, naming the size", () => {
    const input = patient([0.8, 0.8, 1], directions.lps, [3, 3, 3]);
    for (const geometry of ["roi", "fixed"]) {
      assert.throws(
        () =>
          preprocessPatient(
            {...input, maskFile: "m.nii.gz"},
            config({geometry, minNativePx: 8, fallback: "inscribed"}),
          ),
        (e: unknown) =>
          e instanceof PatientError &&
          e.kind === "tumourTooSmall" &&
          /^patient P1: tumour too small for a patch: largest square [1-7] px \/ \d\.\d mm on its 3 largest slice\(s\), below patches\.minNativePx = 8: mask m\.nii\.gz$/.test(
            e.message,
          ),
        geometry,
      );
    }
  });

  it("fixed geometry: the inscribed-square fallback only when asked for, flagged; excluded by default", () => {
    const input = patient([0.8, 0.8, 1], directions.lps, [5, 5, 3]);
    const out = preprocessPatient(input, config({sizeMm: 16, fallback: "inscribed"}));
    assert.ok(out.records.length > 0);
    assert.ok(out.geometry.fallback);
    for (const r of out.records) {
      assert.ok(r.fallback && r.sizeMm < 16 && r.nativePx >= 4, `fallback patch of ${r.sizeMm} mm`);
      assert.equal(r.roiCoverage, 1);
    }
    assert.throws(
      () => preprocessPatient(input, config({sizeMm: 16})),
      (e: unknown) =>
        e instanceof PatientError &&
        e.kind === "tumourTooSmall" &&
        /patient P1: tumour too small for a 16 mm patch: largest square \d+ px \/ \d+\.\d mm .*patches\.fallback = "exclude"/.test(
          e.message,
        ),
    );
  });

  it("takes the largest lesion of a multi-lesion ROI by default, every lesion with lesion = union", () => {
    const input = twoLesions();
    const largest = preprocessPatient(input, config({geometry: "roi"}));
    assert.equal(largest.geometry.lesionVolumesMm3.length, 2);
    assert.ok(largest.geometry.lesionVolumesMm3[0]! > largest.geometry.lesionVolumesMm3[1]!);
    // Every patch lies in the big lesion (its centre column is x index 20, the small one's 64).
    for (const r of largest.records) assert.ok(Math.abs(physicalToIndex(input.mask, r.centreMm)[0] - 20) < 12);
    const union = preprocessPatient(input, config({geometry: "fixed", sizeMm: 4, lesion: "union", patchesPerSlice: 3}));
    assert.ok(union.geometry.largestAreaMm2 > largest.geometry.largestAreaMm2);
    assert.ok(union.records.some((r) => Math.abs(physicalToIndex(input.mask, r.centreMm)[0] - 64) < 6));
  });

  it("resamples in-plane only to a finer common spacing, never coarser than the scan", () => {
    const input = patient([1.25, 1.25, 2], directions.lps, [12, 10, 6], [24, 24, 10]);
    const finer = preprocessPatient(input, {
      ...config({inPlaneSpacing: "common"}),
      imaging: {...config().imaging, targetSpacingMm: [0.5, 0.5, 1]},
    });
    assert.deepEqual(finer.geometry.cuttingSpacing, [0.5, 0.5, 2]);
    for (const r of finer.records) assert.equal(r.nativePx, 6.4);
    const coarser = preprocessPatient(input, {
      ...config({inPlaneSpacing: "common"}),
      imaging: {...config().imaging, targetSpacingMm: [2, 2, 2]},
    });
    assert.deepEqual(coarser.geometry.cuttingSpacing, [1.25, 1.25, 2]);
  });

  it("fills channels per patches.channels: grey replicated, three windows, adjacent slices", () => {
    const input = patient([0.8, 0.8, 1], directions.lps, [12, 10, 5]);
    const grey = preprocessPatient(input, config()).pixels[0]!;
    for (let i = 0; i < grey.length; i += 3) assert.ok(grey[i] === grey[i + 1] && grey[i] === grey[i + 2]);
    const windows = preprocessPatient(
      input,
      config({
        channels: "windows",
        channelWindows: [
          {level: 0, width: 400},
          {level: 100, width: 50},
          {level: 200, width: 400},
        ],
      }),
    ).pixels[0]!;
    assert.ok(windows[0]! > windows[2]!, "a lower level shows the same HU brighter");
    const slices = preprocessPatient(input, config({channels: "slices"}));
    assert.equal(slices.pixels.length, 3);
  });

  it("is deterministic", () => {
    const input = patient([0.7, 0.7, 2.5], directions.ras, [11, 9, 7]);
    for (const geometry of ["roi", "fixed"]) {
      const a = preprocessPatient(input, config({patchesPerSlice: 2, geometry}));
      const b = preprocessPatient(input, config({patchesPerSlice: 2, geometry}));
      assert.deepEqual(a, b);
    }
  });
});
