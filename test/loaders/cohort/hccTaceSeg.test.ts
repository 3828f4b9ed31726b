import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {copyFile, mkdir, mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import ExcelJS from "exceljs";
import {findColumn, hccTaceSegManifest, responseLabel} from "../../../loaders/cohort/hccTaceSeg.js";
import {readManifest} from "../../../loaders/cohort/manifest.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";

const realdata = fileURLToPath(new URL("../../../../shared/realdata/", import.meta.url));
const missing = existsSync(join(realdata, "dcmqi/liver.dcm")) ? false : `real sample ${join(realdata, "dcmqi")} absent`;

describe("responseLabel(code) and findColumn(header, candidates)", () => {
  it("maps mRECIST codes 1–4 to CR, PR, SD, PD and keeps anything else verbatim", () => {
    assert.deepEqual(["1", "2", "3.0", "4", "5", "", "PR"].map(responseLabel), ["CR", "PR", "SD", "PD", "5", "", "PR"]);
  });
  it("matches column names ignoring case and punctuation", () => {
    assert.equal(findColumn(["tcia id", "1_MRECIST"], ["1_mRECIST"]), 1);
    assert.equal(findColumn(["TCIA_ID"], ["tcia-id"]), 0);
    assert.equal(findColumn(["x"], ["y"]), -1);
  });
});

describe("hccTaceSegManifest(options, effects) on a TCIA-style layout", () => {
  it("pairs each SEG with the CT series it references, labels from the sheet, and keeps unmatched patients as rows", {
    skip: missing,
  }, async () => {
    const root = await mkdtemp(join(tmpdir(), "hcc-tace-seg-"));
    const ct = join(root, "HCC_900", "01-01-2000-study", "2.000000-CT-series");
    const seg = join(root, "HCC_900", "01-01-2000-study", "300.000000-Segmentation");
    await mkdir(ct, {recursive: true});
    await mkdir(seg, {recursive: true});
    for (const f of ["01.dcm", "02.dcm", "03.dcm"])
      await copyFile(join(realdata, "dcmqi/ct-3slice", f), join(ct, `1-${f}`));
    await copyFile(join(realdata, "dcmqi/liver.dcm"), join(seg, "1-1.dcm"));
    await writeFile(join(ct, "notes.txt"), "not DICOM");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("clinical");
    sheet.addRow(["TCIA_ID", "Age", "Gender", "HBV", "CPS", "1_RECIST", "1_mRECIST", "BCLC"]);
    sheet.addRow(["HCC_900", 61, "M", 1, "A", 2, 2, "B"]);
    sheet.addRow(["HCC_901", 70, "F", 0, "B", 3, 4, "C"]);
    sheet.addRow(["HCC_902", 55, "F", 0, "A", 1, 9, "A"]);
    await workbook.xlsx.writeFile(join(root, "HCC-TACE-Seg_clinical_data-V2.xlsx"));

    const logs: string[] = [];
    const out = join(root, "manifest");
    await mkdir(out);
    const {csv, report} = await hccTaceSegManifest({root, manifestDir: out}, {log: (m) => logs.push(m)});
    const found = Object.fromEntries(report.columns.map((c) => [c.field, c.found]));
    assert.deepEqual(
      {
        id: found.patient_id,
        label: found.label,
        sex: found.sex,
        hbsag: found.hbsag,
        child_pugh: found.child_pugh,
        afp: found.afp,
      },
      {id: "TCIA_ID", label: "1_mRECIST", sex: "Gender", hbsag: "HBV", child_pugh: "CPS", afp: null},
    );
    assert.equal(report.patients, 3);
    assert.equal(report.withImages, 1);
    assert.equal(report.labelled, 2);
    assert.ok(logs.some((l) => /patient HCC_901: no DICOM SEG found/.test(l)));
    assert.ok(logs.some((l) => /patient HCC_902: response "9" in 1_mRECIST is not a code 1–4/.test(l)));
    assert.ok(logs.some((l) => /SEG segments Liver include none named like a tumour/.test(l)));

    const path = join(out, "study.csv");
    await writeFile(path, csv);
    const manifest = await readManifest(path);
    assert.deepEqual(
      manifest.patients.map((p) => [p.patientId, p.label, p.clinical.sex, p.clinical.hbsag, p.clinical.child_pugh]),
      [["HCC_900", "PR", "M", "positive", "A"]],
    );
    // Only allow-listed columns are written (the spreadsheet's BCLC is not), so the manifest is accepted as is.
    assert.deepEqual(manifest.clinicalColumns, ["age", "sex", "hbsag", "child_pugh"]);
    assert.equal(manifest.patients[0]?.image, ct);
    assert.deepEqual(
      manifest.problems.map((p) => [p.patientId, p.kind]),
      [
        ["HCC_901", "manifestRow"],
        ["HCC_902", "manifestRow"],
      ],
    );

    // The manifest drives preprocessing end to end: DICOM series (int32 + rescale) and DICOM SEG on its grid.
    const study = await preprocessStudy(path, normalizeStudyConfig({patches: {sizePx: 32}}), {log: () => {}});
    const flow = study.flow["HCC-TACE-Seg"]!;
    assert.deepEqual([flow.eligible, flow.analysedPatients, flow.excluded.length], [3, 1, 2]);
    assert.ok(flow.analysedPatches >= 1);
    assert.deepEqual(study.geometry[0]?.originalSize, [512, 512, 3]);
  });
});
