import assert from "node:assert/strict";
import {describe, it} from "node:test";
import JSZip from "jszip";
import type {PatchRecord, PatchSet} from "../../../loaders/imaging/patchSet.js";
import type {PipelineResult} from "../../../loaders/pipeline/runPipeline.js";
import {galleryZip} from "../../../loaders/site/galleryZip.js";
import type {GalleryArtifact} from "../../../src/components/artifacts.js";
import {createRng} from "../../../src/components/stats/random.js";

/** Ids a hospital export can hold: traversal, absolute, backslash, NUL, unicode, near-duplicates, very long. */
const hostile = [
  "../x",
  "../../../etc/passwd",
  "/abs",
  "a\\b",
  "nul\u0000id",
  "東京 🙂",
  "X/1",
  "X_1",
  `${"L".repeat(70)}-a`,
  `${"L".repeat(70)}-b`,
  "P1",
  "__proto__",
];
const sizePx = 8;

/**
 * The parts of a pipeline result galleryZip reads (the primary protocol's predictions and CAMs, and the patch sets),
 * for patches whose ids are the hostile ones above, split over two cohorts.
 */
function result(options: {contexts?: boolean} = {}): PipelineResult {
  const rng = createRng(7);
  const cohorts: Record<string, PatchSet> = {};
  for (const [i, patchId] of hostile.entries()) {
    const cohort = i % 2 ? "B" : "A";
    cohorts[cohort] ??= {cohort, sizePx, records: [], pixels: new Uint8Array(0)};
    const set = cohorts[cohort];
    const record: PatchRecord = {
      patchId,
      patientId: `patient ${patchId}`,
      cohort,
      label: "CR",
      geometry: "roi",
      sliceIndex: i,
      centreMm: [0, 0, 0],
      sizeMm: 10,
      nativePx: 10,
      magnification: 0.8,
      roiCoverage: 1,
      fallback: false,
    };
    const pixels = Uint8Array.from({length: sizePx * sizePx * 3}, () => rng.int(256));
    set.records.push(record);
    if (options.contexts) {
      set.contexts ??= [];
      // A stand-in PNG whose bytes name the patch, so the test can tell whose crop an entry holds.
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, ...new TextEncoder().encode(`ctx ${i}`)]);
      const box: [number, number, number, number] = [i, i + 1, 10, 10];
      set.contexts.push({
        png,
        context: {
          sliceIndex: i,
          widthPx: 192,
          heightPx: 192,
          mmPerPx: 0.25,
          patchBoxPx: box,
          tumourBoxPx: [0, 0, 50, 50],
        },
      });
    }
    set.pixels = Uint8Array.from([...set.pixels, ...pixels]);
  }
  const records = Object.values(cohorts).flatMap((s) => s.records);
  const model = {
    predictions: records.map((r) => ({...r, probabilities: [0.7, 0.1, 0.1, 0.1]})),
    cams: records.map((r) => ({patchId: r.patchId, cohort: r.cohort, label: r.label, cam: [0, 0.5, 0.5, 1]})),
  };
  // galleryZip reads only these fields; the rest of a PipelineResult (evaluations, timings, …) is irrelevant here.
  return {config: {protocol: "corrected"}, cohorts, models: {corrected: model}} as unknown as PipelineResult;
}

describe("galleryZip(result)", () => {
  it("names entries by position and id hash: every hostile id keeps its own image, inside the archive's folders", async () => {
    const zip = await JSZip.loadAsync(await galleryZip(result()));
    const files = Object.values(zip.files).filter((f) => !f.dir);
    const patches = files.filter((f) => f.name.startsWith("patches/"));
    const cams = files.filter((f) => f.name.startsWith("cams/"));
    assert.equal(patches.length, hostile.length, "one patch image per patch");
    assert.equal(cams.length, hostile.length, "one CAM overlay per patch");
    assert.equal(files.length, 2 * hostile.length + 1, "plus gallery.json, nothing else");
    for (const f of [...patches, ...cams]) {
      assert.match(f.name, /^(patches|cams)\/\d{4}-[A-Za-z0-9._-]+-[0-9a-f]{8}\.png$/);
      assert.ok(!f.name.includes(".."), f.name);
    }

    const gallery = JSON.parse(await zip.file("gallery.json")!.async("string")) as GalleryArtifact;
    assert.deepEqual(gallery.items.map((g) => g.patchId).sort(), [...hostile].sort(), "ids kept in the data");
    for (const item of gallery.items) {
      const png = await zip.file(item.image)?.async("uint8array");
      assert.ok(png, `${JSON.stringify(item.patchId)} finds its image through gallery.json`);
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
      assert.ok(item.cam !== null && zip.file(item.cam), `${JSON.stringify(item.patchId)} finds its CAM`);
    }
    assert.equal(new Set(gallery.items.map((g) => g.image)).size, hostile.length);
  });

  it("carries each patch's own context crop under contexts/, with its boxes in gallery.json", async () => {
    const zip = await JSZip.loadAsync(await galleryZip(result({contexts: true})));
    const contexts = Object.values(zip.files).filter((f) => !f.dir && f.name.startsWith("contexts/"));
    assert.equal(contexts.length, hostile.length);
    for (const f of contexts) assert.match(f.name, /^contexts\/\d{4}-[A-Za-z0-9._-]+-[0-9a-f]{8}\.png$/);
    const gallery = JSON.parse(await zip.file("gallery.json")!.async("string")) as GalleryArtifact;
    for (const item of gallery.items) {
      const i = hostile.indexOf(item.patchId);
      const png = await zip.file(item.context!)!.async("uint8array");
      assert.equal(new TextDecoder().decode(png.subarray(4)), `ctx ${i}`, `${JSON.stringify(item.patchId)}'s own crop`);
      assert.deepEqual(item.contextBox?.patchPx, [i, i + 1, 10, 10]);
      assert.equal(item.sizeMm, 10);
    }
  });

  it("marks items without a context crop (a store made without them) as having none", async () => {
    const gallery = JSON.parse(
      await (await JSZip.loadAsync(await galleryZip(result()))).file("gallery.json")!.async("string"),
    ) as GalleryArtifact;
    assert.ok(gallery.items.every((g) => g.context === null && g.contextBox === undefined));
  });

  it("gives byte-identical archives for the same run", async () => {
    assert.deepEqual(await galleryZip(result()), await galleryZip(result()));
  });
});
