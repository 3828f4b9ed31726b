import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {inflateSync} from "node:zlib";
import fc from "fast-check";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {ContextMinMarginMm, ContextPx, drawBox, drawOutline} from "../../../loaders/imaging/contextCrop.js";
import {preprocessPatient} from "../../../loaders/imaging/preprocessPatient.js";
import type {Vec3, Volume} from "../../../loaders/imaging/volume.js";

/** Decodes the PNGs encodePng writes (one IDAT, filter type 0 on every row) back to pixels. */
function decodePng(png: Uint8Array): {width: number; height: number; channels: number; pixels: Uint8Array} {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const channels = png[25] === 2 ? 3 : 1;
  let offset = 8;
  let idat: Uint8Array = new Uint8Array(0);
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (type === "IDAT") idat = png.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
  }
  const raw = inflateSync(idat);
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    assert.equal(raw[y * (stride + 1)], 0, "filter type none");
    pixels.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return {width, height, channels, pixels};
}

/** A round tumour (radius r mm, 100 HU) in 40 HU tissue, 0.7 × 0.7 × 2 mm voxels, centred off the scan's middle. */
function scan(radiusMm: number, size: Vec3 = [160, 150, 9]) {
  const spacing: Vec3 = [0.7, 0.7, 2];
  const grid = {size, spacing, origin: [-40, 12, -9] as Vec3, direction: [1, 0, 0, 0, 1, 0, 0, 0, 1]};
  const n = size[0] * size[1] * size[2];
  const image = new Float32Array(n);
  const mask = new Uint8Array(n);
  const [cx, cy, cz] = [size[0] * 0.55, size[1] * 0.45, (size[2] - 1) / 2];
  for (let k = 0; k < size[2]; k++)
    for (let j = 0; j < size[1]; j++)
      for (let i = 0; i < size[0]; i++) {
        const r2 = ((i - cx) * 0.7) ** 2 + ((j - cy) * 0.7) ** 2 + ((k - cz) * 2) ** 2;
        const o = i + size[0] * (j + size[1] * k);
        mask[o] = r2 <= radiusMm ** 2 ? 1 : 0;
        image[o] = mask[o] ? 100 : 40;
      }
  return {
    patientId: "P1",
    cohort: "A",
    label: "PR" as const,
    image: {...grid, data: image} as Volume<Float32Array>,
    mask: {...grid, data: mask} as Volume<Uint8Array>,
  };
}

const green = [0, 200, 83];
const amber = [255, 179, 0];
const config = (geometry: "roi" | "fixed") =>
  normalizeStudyConfig({
    patches: {sizePx: 32, geometry, sizeMm: 6, minNativePx: 4},
    imaging: {window: {level: 50, width: 400}},
  });

describe("contextCrop (via preprocessPatient)", () => {
  it("one crop per patch, on the patch's native slice, framing the tumour with a margin and the patch box inside", () => {
    for (const geometry of ["roi", "fixed"] as const) {
      const result = preprocessPatient(scan(12), config(geometry));
      assert.equal(result.contexts.length, result.records.length);
      result.contexts.forEach(({context}, i) => {
        const record = result.records[i]!;
        assert.equal(context.sliceIndex, record.sliceIndex);
        assert.equal(context.widthPx, ContextPx);
        const [tx, ty, tw, th] = context.tumourBoxPx;
        const [px, py, pw, ph] = context.patchBoxPx;
        // The tumour (24 mm across) plus at least 10 mm each side; the crop is not the whole 112 mm slice.
        assert.ok(context.mmPerPx * ContextPx >= 24 + 2 * ContextMinMarginMm - 1e-6);
        assert.ok(context.mmPerPx * ContextPx < 0.6 * 160 * 0.7);
        assert.ok(tx > 0 && ty > 0 && tx + tw < ContextPx && ty + th < ContextPx, `${context.tumourBoxPx}`);
        assert.ok(Math.abs(tw * context.mmPerPx - 24) < 2.5, `tumour width ${tw * context.mmPerPx} mm`);
        assert.ok(px >= tx - 0.1 && py >= ty - 0.1 && px + pw <= tx + tw + 0.1 && py + ph <= ty + th + 0.1);
        // The patch box's side in mm is the record's sizeMm.
        assert.ok(Math.abs(pw * context.mmPerPx - record.sizeMm) < 0.2, `${pw * context.mmPerPx} vs ${record.sizeMm}`);
      });
    }
  });

  it("draws the windowed CT, the ROI outline in green and the patch box in amber", () => {
    const result = preprocessPatient(scan(12), config("roi"));
    const {context, png} = result.contexts[0]!;
    const {width, height, channels, pixels} = decodePng(png);
    assert.deepEqual([width, height, channels], [ContextPx, ContextPx, 3]);
    const at = (x: number, y: number) => [...pixels.subarray(3 * (x + width * y), 3 * (x + width * y) + 3)];
    // The crop's corner is tissue, 40 HU in the 50/400 window: (40 − (−150)) / 400 × 255 = 121.
    assert.deepEqual(at(1, 1), [121, 121, 121]);
    const [px, py, pw, ph] = context.patchBoxPx;
    assert.deepEqual(at(Math.round(px + pw / 2), Math.round(py)), amber);
    // Inside the patch box, away from its edges: tumour, 100 HU → 159.
    assert.deepEqual(at(Math.round(px + pw / 2), Math.round(py + ph / 2)), [159, 159, 159]);
    // The outline crosses the row through the tumour's centre on both sides of the patch box.
    const row = Math.round(py + ph / 2);
    const greens = Array.from({length: width}, (_, x) => x).filter((x) => at(x, row).join() === green.join());
    assert.ok(greens.some((x) => x < px) && greens.some((x) => x > px + pw), `green at ${greens}`);
  });

  it("is skipped when not asked for", () => {
    assert.deepEqual(preprocessPatient(scan(12), config("roi"), {contexts: false}).contexts, []);
  });

  it("outline pixels are exactly the ROI pixels with a non-ROI 4-neighbour (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), {minLength: 36, maxLength: 36}), (bits) => {
        const roi = Uint8Array.from(bits, (b) => (b ? 1 : 0));
        const rgb = new Uint8Array(36 * 3);
        drawOutline(rgb, roi, 6, 6);
        for (let y = 0; y < 6; y++)
          for (let x = 0; x < 6; x++) {
            const inside = (u: number, v: number) => u >= 0 && v >= 0 && u < 6 && v < 6 && roi[u + 6 * v] === 1;
            const edge =
              inside(x, y) && !(inside(x - 1, y) && inside(x + 1, y) && inside(x, y - 1) && inside(x, y + 1));
            assert.equal(rgb[3 * (x + 6 * y) + 1] === 200, edge);
          }
      }),
      {seed: 11},
    );
  });

  it("draws a box's 2-px frame and clips it to the image", () => {
    const rgb = new Uint8Array(8 * 8 * 3);
    drawBox(rgb, 8, 8, [2, 2, 6, 10]);
    const painted = (x: number, y: number) => rgb[3 * (x + 8 * y)] === 255;
    assert.ok(painted(2, 2) && painted(3, 3) && painted(7, 5) && painted(6, 5));
    assert.ok(!painted(4, 5) && !painted(1, 1));
  });
});
