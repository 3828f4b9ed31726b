import assert from "node:assert/strict";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {before, describe, it} from "node:test";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {writePatchStore} from "../../../loaders/imaging/patchStore.js";
import {preprocessStudies, preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";
import {writeVolume} from "../../../loaders/imaging/writeVolume.js";
import {filesOf} from "./filesOf.js";
import {phantom, type StudyRow, tempDir, writeManifest, writePhantomPatients} from "./phantom.js";
import {variedStudy} from "./variedStudy.js";

const config = normalizeStudyConfig({patches: {sizePx: 32}});
const quiet = {log: () => {}};

describe("preprocessStudy(manifestPath, config, effects) on NIfTI files written by itk-wasm", () => {
  let dir = "";
  let good: StudyRow[] = [];
  before(async () => {
    dir = await tempDir();
    good = await writePhantomPatients(dir, 9, "NFH");
  });

  it("reports a truncated image and preprocesses the other nine of ten", async () => {
    const gz = await readFile(join(dir, good[0]!.image));
    await writeFile(join(dir, "bad_ct.nii.gz"), gz.subarray(0, Math.floor(gz.length * 0.6)));
    const rows = [...good.slice(0, 4), {...good[0]!, patient_id: "NFH-BAD", image: "bad_ct.nii.gz"}, ...good.slice(4)];
    const manifest = await writeManifest(dir, rows, "truncated.csv");
    const progress: string[] = [];
    const logs: string[] = [];
    const study = await preprocessStudy(manifest, config, {
      log: (m) => logs.push(m),
      progress: (done, total) => progress.push(`${done}/${total}`),
    });
    const flow = study.flow.NFH!;
    assert.equal(flow.eligible, 10);
    assert.equal(flow.analysedPatients, 9);
    assert.equal(flow.excluded.length, 1);
    assert.equal(flow.excluded[0]?.patientId, "NFH-BAD");
    assert.equal(flow.excluded[0]?.kind, "unreadableImage");
    assert.match(
      flow.excluded[0]!.reason,
      /patient NFH-BAD \(NFH\) image: gzip stream truncated or corrupt .*bad_ct\.nii\.gz/,
    );
    assert.equal(flow.excluded[0]?.file, join(dir, "bad_ct.nii.gz"));
    assert.deepEqual(flow.excludedByKind, [{kind: "unreadableImage", count: 1, patientIds: ["NFH-BAD"]}]);
    assert.equal(study.cohorts.NFH!.records.length, flow.analysedPatches);
    assert.equal(study.cohorts.NFH!.pixels.length, flow.analysedPatches * 32 * 32 * 3);
    assert.deepEqual(
      progress,
      Array.from({length: 11}, (_, i) => `${i}/10`),
    );
    assert.ok(logs.some((l) => l.startsWith("excluded: patient NFH-BAD")));
    assert.equal(study.clinical.length, 10);
    assert.deepEqual(
      study.clinical.find((c) => c.patient_id === "NFH-BAD"),
      {
        age: 50,
        patient_id: "NFH-BAD",
        cohort: "NFH",
        label: "CR",
        analysed: false,
      },
    );
  });

  it("reports mismatched grid, empty mask, extra labels and a missing file, each naming patient and file", async () => {
    const {image, mask} = phantom();
    await writeVolume({...mask, spacing: [0.8, 0.8, 2.5]}, join(dir, "shifted_mask.nii.gz"));
    await writeVolume({...mask, data: new Uint8Array(mask.data.length)}, join(dir, "empty_mask.nii.gz"));
    await writeVolume({...mask, data: mask.data.map((v, i) => (v && i % 2 ? 2 : v))}, join(dir, "two_labels.nii.gz"));
    await writeVolume(image, join(dir, "ok_ct.nii.gz"));
    const rows: StudyRow[] = [
      ...good.slice(0, 6).map((r) => ({...r, cohort: "SYUCC"})),
      {...good[0]!, patient_id: "S-GRID", cohort: "SYUCC", image: "ok_ct.nii.gz", mask: "shifted_mask.nii.gz"},
      {...good[0]!, patient_id: "S-EMPTY", cohort: "SYUCC", image: "ok_ct.nii.gz", mask: "empty_mask.nii.gz"},
      {...good[0]!, patient_id: "S-LABELS", cohort: "SYUCC", image: "ok_ct.nii.gz", mask: "two_labels.nii.gz"},
      {...good[0]!, patient_id: "S-MISSING", cohort: "SYUCC", image: "nowhere.nii.gz"},
    ];
    const study = await preprocessStudy(await writeManifest(dir, rows, "mixed.csv"), config, quiet);
    const flow = study.flow.SYUCC!;
    assert.equal(flow.eligible, 10);
    assert.equal(flow.analysedPatients, 6);
    const reason = Object.fromEntries(flow.excluded.map((e) => [e.patientId, e]));
    assert.equal(reason["S-GRID"]?.kind, "gridMismatch");
    assert.match(
      reason["S-GRID"]!.reason,
      /patient S-GRID \(SYUCC\): mask and image are on different grids \(image vs mask spacing \[0\.8, 0\.8, 2\] vs \[0\.8, 0\.8, 2\.5\] mm\).*shifted_mask\.nii\.gz/,
    );
    assert.equal(reason["S-EMPTY"]?.kind, "emptyMask");
    assert.match(reason["S-EMPTY"]!.reason, /patient S-EMPTY \(SYUCC\) mask: empty mask .*empty_mask\.nii\.gz/);
    assert.equal(reason["S-LABELS"]?.kind, "maskLabels");
    assert.match(
      reason["S-LABELS"]!.reason,
      /mask has labels \{0, 1, 2\}, expected \{0, 1\} \(set imaging\.tumourLabel/,
    );
    assert.equal(reason["S-MISSING"]?.kind, "fileMissing");
    assert.match(reason["S-MISSING"]!.reason, /patient S-MISSING \(SYUCC\) image: file missing: .*nowhere\.nii\.gz/);

    // tumourLabel = 2 turns the two-label mask into a usable one.
    const relabelled = await preprocessStudy(
      await writeManifest(dir, [rows[8]!], "labels.csv"),
      // Every other voxel is label 2, so no square wider than 1 px fits: the rule is relaxed to analyse it.
      normalizeStudyConfig({patches: {sizePx: 32, minNativePx: 1}, imaging: {tumourLabel: 2}}),
      quiet,
    );
    assert.equal(relabelled.flow.SYUCC?.analysedPatients, 1);
  });
});

describe("preprocessStudy(…, {readPatient}) with in-memory volumes", () => {
  const volumes = (radius: number) => {
    const {image, mask} = phantom({radiiMm: [radius, radius, 6]});
    return {image: {...image, data: Float32Array.from(image.data)}, mask};
  };
  const readPatient = async (p: {patientId: string}) => volumes(p.patientId.startsWith("small") ? 3 : 12);
  const rows = (dir: string) =>
    writeManifest(dir, [
      {patient_id: "a1", cohort: "train", image: "x", mask: "y", label: "CR", sex: "F"},
      {patient_id: "small1", cohort: "train", image: "x", mask: "y", label: "PD", sex: "M"},
      {patient_id: "b1", cohort: "valid", image: "x", mask: "y", label: "SD", sex: "F"},
      {patient_id: "b1", cohort: "train", image: "x", mask: "y", label: "SD", sex: "F"},
      {patient_id: "c1", cohort: "valid", image: "x", mask: "y", label: "stable", sex: "F"},
    ]);

  it("keeps cohorts in manifest order, flags fallback patients, and counts manifest problems in the flow", async () => {
    const dir = await tempDir();
    const fallback = normalizeStudyConfig({
      // small1's 6 mm tumour is under mRECIST's 10 mm: the rule is off so that the fallback is what is tested.
      patches: {sizePx: 32, geometry: "fixed", fallback: "inscribed", minNativePx: 4, minDiameterMm: 0},
    });
    const study = await preprocessStudy(await rows(dir), fallback, {...quiet, readPatient});
    assert.deepEqual(Object.keys(study.cohorts), ["train"]);
    assert.deepEqual(Object.keys(study.flow), ["train", "valid"]);
    assert.equal(study.flow.train?.eligible, 3);
    assert.deepEqual(study.flow.train?.fallbackPatients, ["small1"]);
    assert.ok(study.cohorts.train!.records.filter((r) => r.patientId === "small1").every((r) => r.fallback));
    assert.deepEqual(
      study.flow.valid?.excludedByKind.map((g) => [g.kind, g.count]),
      [
        ["unknownLabel", 1],
        ["duplicatePatient", 1],
      ],
    );
    for (const f of Object.values(study.flow)) assert.equal(f.eligible, f.excluded.length + f.analysedPatients);
  });

  it("excludes, never drops, a too-small tumour, naming its size, under either geometry", async () => {
    const dir = await tempDir();
    for (const geometry of ["roi", "fixed"]) {
      const study = await preprocessStudy(await rows(dir), normalizeStudyConfig({patches: {sizePx: 32, geometry}}), {
        ...quiet,
        readPatient,
      });
      const excluded = study.flow.train?.excluded.find((e) => e.patientId === "small1");
      assert.equal(excluded?.kind, "tumourTooSmall");
      assert.match(
        excluded!.reason,
        /^patient small1: tumour not measurable \(mRECIST\): longest axial diameter [5-7]\.\d mm, below patches\.minDiameterMm = 10 \(largest square \d+ px \/ \d+\.\d mm; patches\.minNativePx = 10\)/,
      );
      const small = study.flow.train?.excludedByKind.find((g) => g.kind === "tumourTooSmall");
      assert.deepEqual(small, {kind: "tumourTooSmall", count: 1, patientIds: ["small1"]});
      assert.equal(study.flow.train?.analysedPatients, 1);
    }
  });

  it("gives identical results for identical inputs and config", async () => {
    const dir = await tempDir();
    const path = await rows(dir);
    const a = await preprocessStudy(path, config, {...quiet, readPatient});
    const b = await preprocessStudy(path, config, {...quiet, readPatient});
    assert.deepEqual(a, b);
  });
});

describe("preprocessStudy(…, {jobs}) on a worker pool", () => {
  it("jobs=1 and jobs=2 write byte-identical patch stores (pixels, records, flow, warnings, thumbnails)", async () => {
    const dir = await tempDir();
    const manifest = await variedStudy(dir);
    for (const jobs of [1, 2]) {
      const study = await preprocessStudy(manifest, config, quiet, {jobs});
      await mkdir(join(dir, `jobs-${jobs}`));
      await writePatchStore(join(dir, `jobs-${jobs}`), study);
    }
    const one = await filesOf(join(dir, "jobs-1"));
    const two = await filesOf(join(dir, "jobs-2"));
    assert.ok(one.size > 5);
    assert.deepEqual([...two.keys()].sort(), [...one.keys()].sort());
    for (const [path, bytes] of one)
      assert.ok(bytes.equals(two.get(path)!), `${path} differs between jobs=1 and jobs=2`);
  });
});

describe("preprocessStudies(manifest, requests) — one read per patient, every geometry cut", () => {
  it("writes each request's patch store byte-identical to preprocessStudy run alone, on 1 and 2 threads", async () => {
    const dir = await tempDir();
    const manifest = await variedStudy(dir);
    const fixed = (sizeMm: number) => normalizeStudyConfig({patches: {sizePx: 32, geometry: "fixed", sizeMm}});
    const requests = [
      {config, options: {contexts: true}},
      {config: fixed(6), options: {contexts: false}},
      {config: fixed(30), options: {contexts: false}},
    ];
    const alone: Array<Map<string, Buffer>> = [];
    for (const [r, request] of requests.entries()) {
      const study = await preprocessStudy(manifest, request.config, quiet, {...request.options, jobs: 1});
      const out = join(dir, `alone-${r}`);
      await mkdir(out);
      await writePatchStore(out, study, {thumbnails: request.options.contexts});
      alone.push(await filesOf(out));
    }
    // The geometries really differ (else the test could not tell the requests apart).
    assert.notDeepEqual([...alone[1]!.values()], [...alone[0]!.values()]);
    for (const jobs of [1, 2]) {
      const logs: string[] = [];
      const {studies, seconds} = await preprocessStudies(manifest, requests, {log: (m) => logs.push(m)}, {jobs});
      assert.equal(studies.length, 3);
      assert.equal(seconds.length, 3);
      assert.ok(seconds.every((s) => s >= 0 && Number.isFinite(s)));
      // The missing file is one read failure, logged once, whatever the number of geometries.
      assert.equal(logs.filter((m) => m.includes("NFH-MISSING")).length, 1);
      for (const [r, study] of studies.entries()) {
        const out = join(dir, `pass-${jobs}-${r}`);
        await mkdir(out);
        await writePatchStore(out, study, {thumbnails: requests[r]!.options.contexts});
        const files = await filesOf(out);
        assert.deepEqual([...files.keys()].sort(), [...alone[r]!.keys()].sort());
        for (const [path, bytes] of alone[r]!) {
          assert.ok(bytes.equals(files.get(path)!), `request ${r}, jobs=${jobs}: ${path} differs from a run alone`);
        }
      }
    }
  });

  it("refuses requests that read the manifest or the files differently", async () => {
    const dir = await tempDir();
    const manifest = await variedStudy(dir);
    const other = normalizeStudyConfig({patches: {sizePx: 32}, imaging: {tumourLabel: 2}});
    await assert.rejects(
      preprocessStudies(
        manifest,
        [
          {config, options: {}},
          {config: other, options: {}},
        ],
        quiet,
      ),
      /imaging/,
    );
    await assert.rejects(preprocessStudies(manifest, [], quiet), /no cut requests/);
  });
});
