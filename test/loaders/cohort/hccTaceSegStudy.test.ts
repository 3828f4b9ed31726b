import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {copyFile, mkdir, mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import ExcelJS from "exceljs";
import {hccTaceSegStudy} from "../../../loaders/cohort/hccTaceSegStudy.js";
import {readManifest} from "../../../loaders/cohort/manifest.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";
import {syntheticSheet, writeFakeDownload} from "./hccTaceSegFixtures.js";

const realdata = fileURLToPath(new URL("../../../../shared/realdata/", import.meta.url));
const missing = existsSync(join(realdata, "dcmqi/liver.dcm")) ? false : `real sample ${join(realdata, "dcmqi")} absent`;

/** A fake download (HCC_901 imaged, HCC_999 imaged but not in the sheet) with the synthetic sheet inside it. */
async function download(): Promise<{root: string; out: string}> {
  const dir = await mkdtemp(join(tmpdir(), "hcc-tace-seg-"));
  const root = join(dir, "download");
  await writeFakeDownload(root);
  await writeFile(join(root, "HCC-TACE-Seg_clinical_data-V2.csv"), syntheticSheet());
  const out = join(dir, "out");
  await mkdir(out);
  return {root, out};
}

const ct = (id: string) => `../download/${id}/01-01-2000-study/2.000000-CT`;
const seg = (id: string) => `../download/${id}/01-01-2000-study/300.000000-Segmentation/1-1.dcm`;

describe("hccTaceSegStudy(options) on a synthetic sheet and a fake download", () => {
  it("writes the manifest, readers, survival and study files, every value coded as the sheet records it", async () => {
    const {root, out} = await download();
    const {files, report} = await hccTaceSegStudy({root, manifestDir: out});
    assert.equal(
      files.manifest,
      [
        "patient_id,cohort,image,mask,label,age,sex_code,hepatitis,child_pugh,afp,cirrhosis,bclc,ecog_ps," +
          "tumour_nodularity,vascular_invasion,portal_vein_thrombosis",
        `HCC_901,HCC-TACE-Seg,${ct("HCC_901")},${seg("HCC_901")},PR,61,1,HCV only,A,12.5,yes,A,0,uninodular,no,no`,
        "HCC_902,HCC-TACE-Seg,,,,70,2,No virus,B,800,no,C,1-2,multinodular,yes,no",
        "HCC_903,HCC-TACE-Seg,,,PD,55,1,HBV only,A,,yes,B,3-4,multinodular,yes,yes",
        "HCC_904,HCC-TACE-Seg,,,,80,2,No virus,C,3.2,,D,0,uninodular,no,yes",
        `HCC_999,HCC-TACE-Seg,${ct("HCC_999")},${seg("HCC_999")},,,,,,,,,,,,`,
        "",
      ].join("\n"),
    );
    assert.equal(
      files.readers,
      "patient_id,1_mRECIST,2_mRECIST,3_mRECIST\nHCC_901,PR,PR,SD\nHCC_902,CR,PR,SD\nHCC_903,PD,PD,\nHCC_904,,,SD\n",
    );
    assert.equal(
      files.survival,
      "patient_id,os_time,os_event,ttp_time,ttp_event\n" +
        "HCC_901,10.14285714,1,5,1\nHCC_902,20.5,0,,\nHCC_903,,,,\nHCC_904,8,1,3,1\n",
    );
    assert.deepEqual(JSON.parse(files.study), {
      study: {name: "HCC-TACE-Seg", manifest: "study.csv"},
      cohorts: {training: "HCC-TACE-Seg", validation: []},
      clinical: {
        columns: {
          sex_code: {type: "category", levels: ["1", "2"]},
          hepatitis: {type: "category", levels: ["HBV only", "HCV only", "No virus"]},
          bclc: {type: "ordinal", levels: ["A", "B", "C", "D"]},
          ecog_ps: {type: "ordinal", levels: ["0", "1-2", "3-4"]},
          tumour_nodularity: {type: "category", levels: ["uninodular", "multinodular"]},
          vascular_invasion: {type: "category", levels: ["no", "yes"]},
          portal_vein_thrombosis: {type: "category", levels: ["no", "yes"]},
        },
      },
      outcomes: {
        readers: "readers.csv",
        survival: "survival.csv",
        referenceStandard: {rule: "majority", tie: "exclude"},
        endpoints: {
          os: {label: "Overall survival", unit: "weeks", aucTimes: [52, 104], landmark: null},
          ttp: {label: "Time to progression", unit: "weeks", aucTimes: [26, 52], landmark: null},
        },
        assumedCodings: [
          'Sex: 1 and 2 written as sex_code levels "1", "2"; the sheet does not say which is male',
          "AFP: written as afp in ng/mL (Table 1's unit); the sheet does not state the unit",
          "Evidence_of_cirh, Vascular invasion, Portal Vein Thrombosis: 1 written as yes, 0 as no (the sheet has no legend)",
          'PS_bclc_0_0_1-2_1_3-4_3: codes 0, 1, 3 written as ecog_ps "0", "1-2", "3-4", as the column name spells them',
          // 20.5 is not a whole number of days counted in weeks: the check says so instead of claiming weeks.
          "TTP and OS in weeks: the sheet does not state the unit (4 of 5 values are multiples of 1/7)",
        ],
      },
    });
    assert.deepEqual(
      [report.patients, report.manifestRows, report.withImages, report.withoutImages, report.imagesWithoutRow],
      [4, 5, 1, ["HCC_902", "HCC_903", "HCC_904"], ["HCC_999"]],
    );
    const {assigned, ties, lostToTies, lostToMissing} = report.reference;
    assert.deepEqual([assigned, ties, lostToTies, lostToMissing], [2, 1, 1, 1]);
    assert.deepEqual(
      report.survival.map((s) => [s.name, s.patients, s.eventCount]),
      [
        ["os", 3, 2],
        ["ttp", 2, 2],
      ],
    );
  });

  it("empties a bad survival endpoint and notes it once per cause, naming the cells as written", async () => {
    const {root, out} = await download();
    const {report} = await hccTaceSegStudy({root, manifestDir: out});
    assert.deepEqual(report.notes, [
      'ttp: time empty; ttp cells written empty: 1 patient(s): HCC_902 (TTP "", Censored_0_progressed_1 "0")',
      'os: time negative; os cells written empty: 1 patient(s): HCC_903 (OS "-3", Death_1_StillAliveorLostToFU_0 "1")',
      'ttp: event not 0/1; ttp cells written empty: 1 patient(s): HCC_903 (TTP "7", Censored_0_progressed_1 "x")',
      'cirrhosis ← Evidence_of_cirh: not 0/1 or no/yes, written empty: 1 patient(s): HCC_904 ("maybe")',
    ]);
  });

  it("takes the label from the reference standard the options name", async () => {
    const {root, out} = await download();
    const labels = async (options: object) => {
      const {files} = await hccTaceSegStudy({root, manifestDir: out, ...options});
      return files.manifest
        .trim()
        .split("\n")
        .slice(1, 5)
        .map((l) => l.split(",")[4]);
    };
    assert.deepEqual(await labels({tie: "worse"}), ["PR", "SD", "PD", ""]);
    assert.deepEqual(await labels({tie: "better"}), ["PR", "CR", "PD", ""]);
    assert.deepEqual(await labels({reference: "unanimous"}), ["", "", "PD", ""]);
    assert.deepEqual(await labels({reference: "3_mrecist"}), ["SD", "SD", "", "SD"]);
    // One RECIST reader's column: the readers file then holds the RECIST readers, the study names that reader.
    const recist = await hccTaceSegStudy({root, manifestDir: out, reference: "1_RECIST"});
    assert.equal(recist.files.readers?.split("\n")[0], "patient_id,1_RECIST,2_RECIST");
    assert.deepEqual(JSON.parse(recist.files.study).outcomes.referenceStandard, {rule: "reader", reader: "1_RECIST"});
  });

  it("with one reader of the criterion (EASL) writes no readers file, says why, and uses that reader", async () => {
    const {root, out} = await download();
    const {files, report} = await hccTaceSegStudy({root, manifestDir: out, criterion: "EASL"});
    assert.equal(files.readers, null);
    assert.match(report.noReadersFile ?? "", /EASL has one reader in this sheet \(1_EASL\); a readers file needs two/);
    assert.match(report.referenceFallback ?? "", /no majority; its reading is the reference/);
    const study = JSON.parse(files.study);
    assert.equal(study.outcomes.readers, null);
    assert.deepEqual(study.outcomes.referenceStandard, {rule: "reader", reader: "1_EASL"});
    assert.equal(normalizeStudyConfig(study).outcomes.readers, null);
  });

  it("refuses options the sheet cannot honour, naming what it has", async () => {
    const {root, out} = await download();
    const run = (options: object) => hccTaceSegStudy({root, manifestDir: out, ...options});
    await assert.rejects(
      run({criterion: "EASL", reference: "majority"}),
      /needs at least two EASL readers.*use --reference 1_EASL/,
    );
    await assert.rejects(
      run({reference: "4_mRECIST"}),
      /--reference 4_mRECIST: .* has no such column; .*1_mRECIST, 2_mRECIST/,
    );
    await assert.rejects(
      run({reference: "1_RECIST", criterion: "mRECIST"}),
      /1_RECIST is a RECIST reader, not mRECIST/,
    );
    await assert.rejects(run({reference: "unanimous", tie: "worse"}), /--tie applies to --reference majority/);
  });

  it("keeps Table 1's known name when the sheet codes it that way (sex M/F) and skips a one-level category", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hcc-tace-seg-"));
    await writeFile(
      join(dir, "clinical.csv"),
      "TCIA_ID,Gender,hepatitis,BCLC,1_mRECIST,2_mRECIST\nA1,male,No virus,bclc 0,1,1\nA2,F,No virus,Stage-B,2,2\n",
    );
    const {files, report} = await hccTaceSegStudy({root: dir, manifestDir: dir});
    assert.equal(files.manifest.split("\n")[0], "patient_id,cohort,image,mask,label,sex,bclc");
    assert.deepEqual(files.manifest.split("\n").slice(1, 3), ["A1,HCC-TACE-Seg,,,CR,M,0", "A2,HCC-TACE-Seg,,,PR,F,B"]);
    assert.deepEqual(JSON.parse(files.study).clinical.columns, {bclc: {type: "ordinal", levels: ["0", "B"]}});
    assert.ok(
      report.notes.includes(
        "hepatitis: not written: hepatitis holds 1 distinct value(s); a declared category needs at least two",
      ),
    );
    assert.equal(files.survival, null);
  });
});

describe("hccTaceSegStudy(options) on real DICOM (dcmqi sample)", () => {
  it("pairs each SEG with the CT series it references, and the study it writes preprocesses end to end", {
    skip: missing,
  }, async () => {
    const root = await mkdtemp(join(tmpdir(), "hcc-tace-seg-"));
    const ctDir = join(root, "HCC_900", "01-01-2000-study", "2.000000-CT-series");
    const segDir = join(root, "HCC_900", "01-01-2000-study", "300.000000-Segmentation");
    await mkdir(ctDir, {recursive: true});
    await mkdir(segDir, {recursive: true});
    for (const f of ["01.dcm", "02.dcm", "03.dcm"])
      await copyFile(join(realdata, "dcmqi/ct-3slice", f), join(ctDir, `1-${f}`));
    await copyFile(join(realdata, "dcmqi/liver.dcm"), join(segDir, "1-1.dcm"));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("clinical");
    sheet.addRow(["TCIA_ID", "Age", "Gender", "CPS", "1_mRECIST", "BCLC"]);
    sheet.addRow(["HCC_900", 61, "M", "A", 2, "B"]);
    sheet.addRow(["HCC_901", 70, "F", "B", 4, "C"]);
    sheet.addRow(["HCC_902", 55, "F", "A", 9, "A"]);
    await workbook.xlsx.writeFile(join(root, "HCC-TACE-Seg_clinical_data-V2.xlsx"));

    const out = join(root, "manifest");
    await mkdir(out);
    const {files, report} = await hccTaceSegStudy({root, manifestDir: out});
    assert.ok(
      report.notes.some((n) => /^no SEG segment is named like a tumour: 1 patient\(s\): HCC_900 \(Liver\)/.test(n)),
    );
    assert.ok(
      report.notes.some((n) => /^1_mRECIST: not a code 1–4, counted as not read: 1 patient\(s\): HCC_902/.test(n)),
    );
    const path = join(out, "study.csv");
    await writeFile(path, files.manifest);
    const config = normalizeStudyConfig({...JSON.parse(files.study), patches: {sizePx: 32}});
    const manifest = await readManifest(path, config.clinical.columns);
    assert.deepEqual(manifest.clinicalColumns, ["age", "sex", "child_pugh", "bclc"]);
    assert.deepEqual(
      manifest.patients.map((p) => [p.patientId, p.label, p.clinical.sex, p.clinical.child_pugh, p.clinical.bclc]),
      [["HCC_900", "PR", "M", "A", "B"]],
    );
    assert.equal(manifest.patients[0]?.image, ctDir);
    const study = await preprocessStudy(path, config, {log: () => {}});
    const flow = study.flow["HCC-TACE-Seg"]!;
    assert.deepEqual([flow.eligible, flow.analysedPatients, flow.excluded.length], [3, 1, 2]);
    assert.deepEqual(study.geometry[0]?.originalSize, [512, 512, 3]);
  });
});
