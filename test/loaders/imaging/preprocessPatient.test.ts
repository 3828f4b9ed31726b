import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {PatientError} from "../../../loaders/cohort/exclusion.js";
import {normalizeStudyConfig} from "../../../loaders/config/studyConfig.js";
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

const config = (patches: Record<string, unknown> = {}) =>
  normalizeStudyConfig({patches: {sizePx: 32, sizeMm: 8, ...patches}, imaging: {window: {level: 100, width: 200}}});

const directions = {
  lps: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  ras: [-1, 0, 0, 0, -1, 0, 0, 0, 1],
  zFlipped: [1, 0, 0, 0, 1, 0, 0, 0, -1],
};

describe("preprocessPatient(input, config)", () => {
  it("cuts patches whose every pixel centre lies on a tumour voxel of the original mask (property: spacing, orientation, size)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(directions)),
        fc.tuple(fc.constantFrom(0.6, 0.8, 1.2), fc.constantFrom(0.7, 1), fc.constantFrom(1, 2, 2.5)),
        fc.tuple(fc.integer({min: 7, max: 12}), fc.integer({min: 6, max: 10}), fc.integer({min: 4, max: 8})),
        fc.integer({min: 1, max: 3}),
        (direction, spacing, radii, perSlice) => {
          const input = patient(spacing as Vec3, direction, radii as Vec3);
          const c = config({patchesPerSlice: perSlice});
          const out = preprocessPatient(input, c);
          assert.ok(out.records.length > 0);
          assert.equal(out.pixels.length, out.records.length);
          for (const r of out.records) {
            assert.equal(r.roiCoverage, 1);
            const w = Math.round(r.sizeMm / c.imaging.targetSpacingMm[0]);
            for (let v = 0; v < w; v++)
              for (let u = 0; u < w; u++) {
                const p: Vec3 = [r.centreMm[0] + u - (w - 1) / 2, r.centreMm[1] + v - (w - 1) / 2, r.centreMm[2]];
                assert.ok(
                  onTumour(input.mask, p),
                  `patch ${r.patchId} pixel (${u}, ${v}) at ${p} is outside the tumour`,
                );
              }
          }
        },
      ),
      {seed: 3, numRuns: 25},
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

  it("takes the largest slice and its neighbours and records geometry and patch fields", () => {
    const out = preprocessPatient(patient([0.8, 0.8, 1], directions.lps, [12, 10, 5]), config());
    assert.equal(out.geometry.slices.length, 3);
    assert.deepEqual(out.geometry.originalSpacing, [0.8, 0.8, 1]);
    assert.ok(Math.abs(out.geometry.tumourVolumeMm3 - (4 / 3) * Math.PI * 12 * 10 * 5) < 60);
    for (const r of out.records) {
      assert.equal(r.sizeMm, 8);
      assert.equal(r.scale, 4);
      assert.equal(r.fallback, false);
      assert.equal(r.label, "SD");
      assert.match(r.patchId, /^P1-s\d+-p0$/);
    }
  });

  it("falls back to the largest inscribed square, flagged, when the tumour cannot hold a patch", () => {
    const input = patient([0.8, 0.8, 1], directions.lps, [3, 3, 3]);
    const out = preprocessPatient(input, config({sizeMm: 16}));
    assert.ok(out.records.length > 0);
    assert.ok(out.geometry.fallback);
    for (const r of out.records) {
      assert.ok(r.fallback && r.sizeMm < 16 && r.sizeMm >= 3, `fallback patch of ${r.sizeMm} mm`);
      assert.equal(r.roiCoverage, 1);
    }
  });

  it("excludes, with the reason, when fallback is 'exclude'", () => {
    const input = patient([0.8, 0.8, 1], directions.lps, [3, 3, 3]);
    assert.throws(
      () => preprocessPatient(input, config({sizeMm: 16, fallback: "exclude"})),
      (e: unknown) =>
        e instanceof PatientError &&
        e.kind === "tumourTooSmall" &&
        /patient P1: tumour cannot hold a 16 mm patch .*largest inscribed square \d+\.\d mm; patches\.fallback = "exclude"/.test(
          e.message,
        ),
    );
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
    const a = preprocessPatient(input, config({patchesPerSlice: 2}));
    const b = preprocessPatient(input, config({patchesPerSlice: 2}));
    assert.deepEqual(a, b);
  });
});
