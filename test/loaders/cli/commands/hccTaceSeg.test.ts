import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, it} from "node:test";
import {hccTaceSegCommand} from "../../../../loaders/cli/commands/hccTaceSeg.js";
import {readManifest} from "../../../../loaders/cohort/manifest.js";
import {loadStudyConfig} from "../../../../loaders/config/loadStudyConfig.js";
import {normalizeStudyConfig} from "../../../../loaders/config/normalizeStudyConfig.js";
import {readReadersCsv} from "../../../../src/components/readers/readReadersCsv.js";
import {readSurvivalCsv} from "../../../../src/components/survival/readSurvivalCsv.js";
import {realSheet, realSheetMissing, syntheticSheet, writeFakeDownload} from "../../cohort/hccTaceSegFixtures.js";
import {tempDir} from "../../imaging/phantom.js";
import {fakeIO} from "../fakeIO.js";

/** A working folder holding a fake download (with the synthetic sheet) and an empty output folder. */
async function workspace(): Promise<string> {
  const dir = await tempDir("hcc-cli-");
  await writeFakeDownload(join(dir, "download"));
  await writeFile(join(dir, "download", "HCC-TACE-Seg_clinical_data-V2.csv"), syntheticSheet());
  await mkdir(join(dir, "out"));
  return dir;
}

describe("workbench hcc-tace-seg --root <folder> --out study.csv", () => {
  it("writes the four files beside --out and prints one screen: columns, files, counts, assumptions", async () => {
    const dir = await workspace();
    const io = fakeIO(dir);
    assert.equal(await hccTaceSegCommand.run(["--root", "download", "--out", "out/study.csv"], io), 0);
    for (const f of ["study.csv", "readers.csv", "survival.csv", "study.json"])
      assert.ok(existsSync(join(dir, "out", f)));
    assert.equal(
      io.out.replaceAll(dir, "<dir>"),
      `clinical sheet: <dir>/download/HCC-TACE-Seg_clinical_data-V2.csv
  patient_id               ← TCIA_ID
  age                      ← age
  sex_code                 ← Sex (1 and 2, not M/F)
  hepatitis                ← hepatitis
  child_pugh               ← CPS
  afp                      ← AFP
  cirrhosis                ← Evidence_of_cirh
  bclc                     ← BCLC
  ecog_ps                  ← PS_bclc_0_0_1-2_1_3-4_3
  tumour_nodularity        ← tumor_nodul
  vascular_invasion        ← Vascular invasion
  portal_vein_thrombosis   ← Portal Vein Thrombosis
  readers (mRECIST)        ← 1_mRECIST, 2_mRECIST, 3_mRECIST
  os                       ← OS, Death_1_StillAliveorLostToFU_0
  ttp                      ← TTP, Censored_0_progressed_1
wrote out/study.csv: manifest, 5 rows: id, cohort, CT (image), SEG (mask), reference label, 11 clinical columns
wrote out/readers.csv: patient_id + 3 mRECIST readers (1_mRECIST, 2_mRECIST, 3_mRECIST): CR/PR/SD/PD, empty = not read
wrote out/survival.csv: patient_id, os_time, os_event, ttp_time, ttp_event (event 1 = death / progression, 0 = censored)
wrote out/study.json: study file: the files above, 7 clinical columns declared, reference standard, endpoints, assumed codings
patients in the sheet: 4
  with CT + SEG: 1
  with a reference label: 2 (majority of the 3 mRECIST readers, ties excluded); lost: 1 to ties, 1 to missing readings
  with overall survival: 3 (2 deaths)
  with time to progression: 2 (2 progressions)
without CT + SEG under <dir>/download: 3 (HCC_902, HCC_903, HCC_904)
imaged but not in the sheet (written without a label): 1 (HCC_999)
assumed codings (also in out/study.json):
  - Sex: 1 and 2 written as sex_code levels "1", "2"; the sheet does not say which is male
  - AFP: written as afp in ng/mL (Table 1's unit); the sheet does not state the unit
  - Evidence_of_cirh, Vascular invasion, Portal Vein Thrombosis: 1 written as yes, 0 as no (the sheet has no legend)
  - PS_bclc_0_0_1-2_1_3-4_3: codes 0, 1, 3 written as ecog_ps "0", "1-2", "3-4", as the column name spells them
  - TTP and OS in weeks: the sheet does not state the unit (4 of 5 values are multiples of 1/7)
notes: 4 (on stderr, one line per cause)
`,
    );
    assert.equal(io.err.trim().split("\n").length, 4);
    assert.match(io.err, /^os: time negative; os cells written empty: 1 patient\(s\): HCC_903 \(OS "-3"/m);

    // What it wrote is a study the workbench reads: the manifest's clinical values all fit their declarations.
    const {config, manifestPath} = await loadStudyConfig(join(dir, "out", "study.json"));
    assert.equal(manifestPath, join(dir, "out", "study.csv"));
    const manifest = await readManifest(manifestPath, config.clinical.columns);
    assert.deepEqual(manifest.warnings, []);
    assert.deepEqual(
      manifest.patients.map((p) => [p.patientId, p.label, p.clinical.sex_code, p.clinical.ecog_ps, p.clinical.afp]),
      [["HCC_901", "PR", "1", "0", 12.5]],
    );
  });

  it("with one reader (the sheet's only response column) labels from that reader, even without images", async () => {
    const root = await tempDir("hcc-cli-");
    await mkdir(join(root, "download"));
    await writeFile(join(root, "download", "clinical.csv"), "TCIA_ID,1_mRECIST,AGE\nHCC_001,1,70\nHCC_002,4,65\n");
    const io = fakeIO(root);
    assert.equal(await hccTaceSegCommand.run(["--root", "download", "--out", "study.csv"], io), 0);
    assert.match(io.out, /patient_id +← TCIA_ID/);
    assert.match(io.out, /readers \(mRECIST\) +← 1_mRECIST/);
    assert.match(io.out, /sex +not found \(looked for sex, gender\)/);
    assert.match(
      io.out,
      /ttp +not found \(looked for TTP, ttp_time, Censored_0_progressed_1, ttp_event\) \(no time and event column\)/,
    );
    assert.match(io.out, /no readers file: mRECIST has one reader in this sheet \(1_mRECIST\)/);
    assert.match(io.out, /no survival file: the sheet has no survival endpoint/);
    assert.match(io.out, /with a reference label: 2 \(reader 1_mRECIST\)/);
    assert.match(io.out, /without CT \+ SEG under .*download: 2 \(HCC_001, HCC_002\)/);
    assert.equal(io.err, "");
    assert.equal(
      await readFile(join(root, "study.csv"), "utf8"),
      "patient_id,cohort,image,mask,label,age\nHCC_001,HCC-TACE-Seg,,,CR,70\nHCC_002,HCC-TACE-Seg,,,PD,65\n",
    );
    assert.ok(!existsSync(join(root, "readers.csv")) && !existsSync(join(root, "survival.csv")));
    const study = JSON.parse(await readFile(join(root, "study.json"), "utf8"));
    assert.deepEqual(study.outcomes.referenceStandard, {rule: "reader", reader: "1_mRECIST"});
    assert.deepEqual(study.outcomes.assumedCodings, []);
  });

  it("is a usage error, writing nothing, for missing or contradictory options", async () => {
    const dir = await workspace();
    const io = fakeIO(dir);
    const run = (...args: string[]) => hccTaceSegCommand.run(args, io);
    const base = ["--root", "download", "--out", "out/study.csv"];
    await assert.rejects(run("--out", "x.csv"), /--root <folder> is required/);
    await assert.rejects(run("--root", "x"), /--out <file> is required/);
    await assert.rejects(
      run(...base, "--criterion", "WHO"),
      /--criterion must be one of mRECIST, RECIST, EASL, not "WHO"/,
    );
    await assert.rejects(run(...base, "--tie", "coin"), /--tie must be one of exclude, worse, better, not "coin"/);
    await assert.rejects(run(...base, "--response", "1_mRECIST", "--reference", "2_mRECIST"), /give one of them/);
    await assert.rejects(
      run("--root", "download", "--out", "out/readers.csv"),
      /readers.csv is written beside the manifest/,
    );
    await assert.rejects(run(...base, "--reference", "9_mRECIST"), (e: Error) => e.name === "UsageError");
    await assert.rejects(run(...base, "--criterion", "EASL", "--reference", "majority"), /at least two EASL readers/);
    assert.equal(io.out, "");
    for (const f of ["study.csv", "readers.csv", "survival.csv", "study.json"])
      assert.ok(!existsSync(join(dir, "out", f)));
  });

  it("keeps --response <column> as the one-reader reference", async () => {
    const dir = await workspace();
    const io = fakeIO(dir);
    assert.equal(
      await hccTaceSegCommand.run(["--root", "download", "--out", "out/s.csv", "--response", "1_RECIST"], io),
      0,
    );
    assert.match(io.out, /with a reference label: 3 \(reader 1_RECIST\); lost: 1 to missing readings/);
    assert.equal(
      (await readFile(join(dir, "out", "readers.csv"), "utf8")).split("\n")[0],
      "patient_id,1_RECIST,2_RECIST",
    );
    assert.equal(JSON.parse(await readFile(join(dir, "out", "study.json"), "utf8")).study.manifest, "s.csv");
  });
});

describe("workbench hcc-tace-seg on the real HCC-TACE-Seg clinical sheet (no images)", () => {
  it("keeps its 105 patients, 3 mRECIST readers, both endpoints, in files the workbench reads", {
    skip: realSheetMissing,
  }, async () => {
    const dir = await tempDir("hcc-cli-real-");
    await mkdir(join(dir, "empty"));
    const io = fakeIO(dir);
    const code = await hccTaceSegCommand.run(["--root", "empty", "--out", "study.csv", "--clinical", realSheet], io);
    assert.equal(code, 0);
    const lines = io.out.trimEnd().split("\n");
    assert.ok(lines.length <= 40, `the summary should fit on one screen, got ${lines.length} lines:\n${io.out}`);
    assert.ok(io.err.split("\n").length <= 10, io.err);
    assert.match(io.out, /^patients in the sheet: 105$/m);
    assert.match(io.out, /^ {2}with overall survival: 105 \(93 deaths\)$/m);
    assert.match(io.out, /^ {2}with time to progression: 105 \(45 progressions\)$/m);
    // The patients without images once, the first five named.
    assert.equal(lines.filter((l) => l.includes("HCC_001")).length, 1);
    assert.match(
      io.out,
      /without CT \+ SEG under .*: 105 \(HCC_001, HCC_002, HCC_003, HCC_004, HCC_005 … and 100 more\)/,
    );
    assert.match(io.out, /Sex: 1 and 2 written as sex_code levels "1", "2"; the sheet does not say which is male/);
    assert.match(io.out, /TTP and OS in weeks: the sheet does not state the unit \(values are multiples of 1\/7\)/);

    const readers = readReadersCsv(await readFile(join(dir, "readers.csv"), "utf8"));
    assert.deepEqual(readers.readers, ["1_mRECIST", "2_mRECIST", "3_mRECIST"]);
    assert.equal(readers.rows.length, 105);
    const survival = readSurvivalCsv(await readFile(join(dir, "survival.csv"), "utf8"));
    assert.equal(survival.rows.length, 105);
    const events = (endpoint: string) => survival.rows.filter((r) => r.values[endpoint]?.event === 1).length;
    assert.deepEqual([events("os"), events("ttp")], [93, 45]);

    const config = normalizeStudyConfig(JSON.parse(await readFile(join(dir, "study.json"), "utf8")));
    assert.deepEqual(config.outcomes.referenceStandard, {rule: "majority", tie: "exclude"});
    assert.equal(config.outcomes.endpoints.os?.unit, "weeks");
    assert.deepEqual(Object.keys(config.clinical.columns), [
      "sex_code",
      "hepatitis",
      "bclc",
      "ecog_ps",
      "tumour_nodularity",
      "vascular_invasion",
      "portal_vein_thrombosis",
    ]);
    const manifest = await readManifest(join(dir, "study.csv"), config.clinical.columns);
    assert.equal(manifest.problems.length, 105); // no images: every patient is counted as an exclusion, none lost
  });
});
