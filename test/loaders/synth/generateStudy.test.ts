import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {readImageNode} from "@itk-wasm/image-io";
import {parseManifest} from "../../../loaders/cohort/manifest.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";
import type {Volume} from "../../../loaders/imaging/volume.js";
import {generateStudy, synthCounts} from "../../../loaders/synth/generateStudy.js";
import {ManifestHeader} from "../../../loaders/synth/studyCsv.js";
import type {SynthWriter} from "../../../loaders/synth/synthWriter.js";

const counts = {NFH: 3, ZHHAJU: 2, SYUCC: 2};
const quiet = {log: () => {}};
const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, {recursive: true, force: true});
});

async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const sub of ["", "images", "masks"]) {
    for (const entry of await readdir(join(dir, sub), {withFileTypes: true})) {
      if (!entry.isFile()) continue;
      const rel = join(sub, entry.name);
      out[rel] = createHash("sha256")
        .update(await readFile(join(dir, rel)))
        .digest("hex");
    }
  }
  return out;
}

describe("generateStudy(options, effects)", () => {
  it("exports the per-scale patient counts (demo ≈ 100 + 40 + 40, paper 562 / 89 / 138)", () => {
    assert.deepEqual(synthCounts.paper, {NFH: 562, ZHHAJU: 89, SYUCC: 138});
    assert.equal(synthCounts.demo.NFH, 100);
  });

  it("writes byte-identical files for the same seed whatever --jobs (1 in process, 2 worker threads), and they read back through itk-wasm and the manifest reader", async () => {
    const a = await mkdtemp(join(tmpdir(), "synth-a-"));
    const b = await mkdtemp(join(tmpdir(), "synth-b-"));
    dirs.push(a, b);
    const progress: number[] = [];
    const result = await generateStudy(
      {outDir: a, scale: "tiny", seed: 3, counts, jobs: 1},
      {...quiet, progress: (d) => progress.push(d)},
    );
    await generateStudy({outDir: b, scale: "tiny", seed: 3, counts, jobs: 2}, quiet);
    assert.equal(result.patients, 7);
    assert.deepEqual(result.failures, []);
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7]);
    const ha = await hashTree(a);
    // study.csv, clinical.csv, readers.csv, survival.csv, synth.json and a CT and a mask per patient.
    assert.equal(Object.keys(ha).length, 5 + 7 * 2);
    assert.deepEqual(await hashTree(b), ha);

    const text = await readFile(result.manifestPath, "utf8");
    assert.equal(text.split("\n")[0], ManifestHeader.join(","));
    const manifest = parseManifest(text, result.manifestPath);
    assert.equal(manifest.patients.length, 7);
    assert.deepEqual(manifest.problems, []);
    assert.deepEqual(manifest.warnings, []);
    const first = manifest.patients[0];
    assert.ok(first);
    assert.equal(first.patientId, "NFH-001");
    const ct = await readImageNode(first.image);
    const mask = await readImageNode(first.mask);
    assert.equal(ct.imageType.componentType, "int16");
    assert.equal(mask.imageType.componentType, "uint8");
    assert.deepEqual(ct.spacing, [1.25, 1.25, 2.5]);
    assert.deepEqual(mask.origin, ct.origin);
    assert.ok((mask.data as Uint8Array).some((v) => v === 1));

    const provenance = JSON.parse(await readFile(join(a, "synth.json"), "utf8"));
    assert.equal(provenance.seed, 3);
    assert.equal(provenance.synthetic, true);
    assert.equal(provenance.counts.ZHHAJU.written, 2);
    const clinical = (await readFile(join(a, "clinical.csv"), "utf8")).split("\n");
    assert.equal(clinical[0], `patient_id,cohort,${ManifestHeader.slice(5).join(",")}`);

    // The whole real code path: manifest → itk-wasm read → resample → patches, with nobody excluded.
    const study = await preprocessStudy(result.manifestPath, normalizeStudyConfig({}), quiet);
    assert.deepEqual(Object.keys(study.cohorts), ["NFH", "ZHHAJU", "SYUCC"]);
    for (const [cohort, set] of Object.entries(study.cohorts)) {
      assert.deepEqual(study.flow[cohort]?.excluded, [], cohort);
      assert.equal(new Set(set.records.map((r) => r.patientId)).size, counts[cohort as keyof typeof counts], cohort);
    }
  });

  it("leaves a patient that fails out of the manifest, lists it, and carries on", async () => {
    const files = new Map<string, string>();
    const writer: SynthWriter = {
      mkdir: async () => {},
      writeText: async (path, text) => {
        files.set(path, text);
      },
      writeVolume: async (_volume: Volume, path: string) => {
        if (path.includes("ZHHAJU-001_ct")) throw new Error("disk full");
      },
    };
    const logs: string[] = [];
    const result = await generateStudy(
      {outDir: "/virtual", scale: "tiny", seed: 3, counts: {NFH: 1, ZHHAJU: 2, SYUCC: 0}},
      {log: (m) => logs.push(m)},
      writer,
    );
    assert.equal(result.patients, 2);
    assert.deepEqual(result.failures, [{patientId: "ZHHAJU-001", message: "disk full"}]);
    assert.ok(logs.some((m) => m.includes("ZHHAJU-001") && m.includes("disk full")));
    const manifest = files.get(join("/virtual", "study.csv")) ?? "";
    assert.ok(!manifest.includes("ZHHAJU-001"));
    assert.ok(manifest.includes("ZHHAJU-002"));
  });

  it("rejects bad options with a message naming the option", async () => {
    await assert.rejects(generateStudy({outDir: "", scale: "demo", seed: 1}, quiet), /outDir/);
    await assert.rejects(
      generateStudy({outDir: "/tmp/x", scale: "huge" as "demo", seed: 1}, quiet),
      /scale must be one of tiny\|demo\|paper, got "huge"/,
    );
    await assert.rejects(generateStudy({outDir: "/tmp/x", scale: "demo", seed: -2}, quiet), /seed/);
  });
});
