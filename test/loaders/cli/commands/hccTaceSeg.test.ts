import assert from "node:assert/strict";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, it} from "node:test";
import {hccTaceSegCommand} from "../../../../loaders/cli/commands/hccTaceSeg.js";
import {tempDir} from "../../imaging/phantom.js";
import {fakeIO} from "../fakeIO.js";

describe("workbench hcc-tace-seg --root <folder> --out study.csv", () => {
  it("writes the manifest and reports the columns found, even when no images were downloaded", async () => {
    const root = await tempDir("hcc-cli-");
    await mkdir(join(root, "download"));
    await writeFile(join(root, "download", "clinical.csv"), "TCIA_ID,1_mRECIST,AGE\nHCC_001,1,70\nHCC_002,4,65\n");
    const io = fakeIO(root);
    const code = await hccTaceSegCommand.run(["--root", "download", "--out", "study.csv"], io);
    assert.equal(code, 0);
    const text = io.out;
    assert.match(text, /patient_id +← TCIA_ID/);
    assert.match(text, /label +← 1_mRECIST/);
    assert.match(text, /sex +not found \(looked for sex, gender\)/);
    assert.match(text, /2 patients written to .*study\.csv: 0 with CT \+ SEG, 2 with a response label/);
    assert.match(io.err, /patient HCC_001: no DICOM SEG found/);
    assert.equal(
      await readFile(join(root, "study.csv"), "utf8"),
      "patient_id,cohort,image,mask,label,age\nHCC_001,HCC-TACE-Seg,,,CR,70\nHCC_002,HCC-TACE-Seg,,,PD,65\n",
    );
  });

  it("is a usage error without --root or --out", async () => {
    const io = fakeIO("/");
    await assert.rejects(hccTaceSegCommand.run(["--out", "x.csv"], io), /--root <folder> is required/);
    await assert.rejects(hccTaceSegCommand.run(["--root", "x"], io), /--out <file> is required/);
  });
});
