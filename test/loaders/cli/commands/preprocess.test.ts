import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, it} from "node:test";
import type {CliIO} from "../../../../loaders/cli/command.js";
import {preprocessCommand} from "../../../../loaders/cli/commands/preprocess.js";
import {readPatchStore} from "../../../../loaders/imaging/patchStore.js";
import {tempDir, writeManifest, writePhantomPatients} from "../../imaging/phantom.js";

function fakeIO(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd};
  return {io, out, err};
}

describe("workbench preprocess --manifest study.csv --out <dir>", () => {
  it("writes the patch store, prints the flow summary on stdout and progress on stderr", async () => {
    const dir = await tempDir();
    const rows = await writePhantomPatients(dir, 2, "NFH");
    await writeManifest(dir, [...rows, {...rows[0]!, patient_id: "NFH-X", image: "missing.nii.gz"}]);
    const {io, out, err} = fakeIO(dir);
    const code = await preprocessCommand.run(["--manifest", "study.csv", "--out", "store", "--no-thumbnails"], io);
    assert.equal(code, 0);
    const text = out.join("");
    assert.match(
      text,
      /^cohort\teligible\texcluded\tanalysed patients\tpatches\tfallback\nNFH\t3\t1\t2\t\d+\t0\n {2}excluded fileMissing: 1 \(NFH-X\)\n$/,
    );
    assert.match(err.join(""), /NFH {8}\[#{30}\] 3\/3/);
    assert.match(err.join(""), /excluded: patient NFH-X \(NFH\) image: file missing/);
    const store = await readPatchStore(join(dir, "store"));
    assert.equal(store.flow.NFH?.analysedPatients, 2);
    assert.ok((await readFile(join(dir, "store", "study.json"), "utf8")).includes('"format"'));
  });

  it("is a usage error without --out or a manifest", async () => {
    const {io} = fakeIO("/");
    await assert.rejects(preprocessCommand.run(["--manifest", "x.csv"], io), /--out <dir> is required/);
    await assert.rejects(preprocessCommand.run(["--out", "x"], io), /--manifest <file> is required/);
  });
});
