import assert from "node:assert/strict";
import {lstat, mkdir, readdir, readFile, rm, stat, symlink, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, it} from "node:test";
import {preprocessCommand} from "../../../../loaders/cli/commands/preprocess.js";
import {runCli} from "../../../../loaders/cli/main.js";
import {readPatchStore} from "../../../../loaders/imaging/patchStore.js";
import {tempDir, writeManifest, writePhantomPatients} from "../../imaging/phantom.js";
import {fakeIO} from "../fakeIO.js";

describe("workbench preprocess --manifest study.csv --out <dir>", () => {
  it("writes the patch store, prints the flow summary on stdout and progress on stderr", async () => {
    const dir = await tempDir();
    const rows = await writePhantomPatients(dir, 2, "NFH");
    await writeManifest(dir, [...rows, {...rows[0]!, patient_id: "NFH-X", image: "missing.nii.gz"}]);
    const io = fakeIO(dir);
    const code = await preprocessCommand.run(["--manifest", "study.csv", "--out", "store", "--no-thumbnails"], io);
    assert.equal(code, 0);
    const text = io.out;
    assert.match(
      text,
      /^cohort\teligible\texcluded\tanalysed patients\tpatches\tfallback\nNFH\t3\t1\t2\t\d+\t0\n {2}excluded fileMissing: 1 \(NFH-X\)\n$/,
    );
    assert.match(io.err, /preprocess: 3\/3 \(100%\)/);
    assert.match(io.err, /excluded: patient NFH-X \(NFH\) image: file missing/);
    const store = await readPatchStore(join(dir, "store"));
    assert.equal(store.flow.NFH?.analysedPatients, 2);
    assert.ok((await readFile(join(dir, "store", "study.json"), "utf8")).includes('"format"'));
  });

  it("is a usage error without --out or a manifest", async () => {
    const io = fakeIO(await tempDir());
    await assert.rejects(preprocessCommand.run(["--manifest", "x.csv"], io), /--out <dir> is required/);
    await assert.rejects(preprocessCommand.run(["--out", "x"], io), /--manifest <file> is required/);
  });

  it("validates --out before any work: exit 2 naming the path as given", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a-file"), "x");
    await mkdir(join(dir, "papers"));
    await writeFile(join(dir, "papers", "draft.docx"), "precious");
    // The manifest does not exist: a message about --out proves the location was checked first.
    for (const [out, message] of [
      ["no/such/store", /--out no\/such\/store: the folder no\/such does not exist/],
      ["a-file", /--out a-file: is a file, not a folder/],
      ["papers", /--out papers: the folder exists, is not empty and holds no study\.json/],
    ] as const) {
      const io = fakeIO(dir);
      assert.equal(await runCli(["preprocess", "--manifest", "missing.csv", "--out", out], io), 2, out);
      assert.match(io.err, message);
      assert.doesNotMatch(io.err, /\.tmp-|missing\.csv/);
    }
    assert.equal(await readFile(join(dir, "papers", "draft.docx"), "utf8"), "precious");
  });

  it("replaces an earlier store whole: no stale files, planted links removed and not followed", async () => {
    const dir = await tempDir();
    await writeManifest(dir, await writePhantomPatients(dir, 2, "NFH"));
    const args = ["--manifest", "study.csv", "--out", "store"];
    assert.equal(await preprocessCommand.run(args, fakeIO(dir)), 0);
    const store = join(dir, "store");
    // Plant a stale cohort file and links to a file outside, one under a name the store writes.
    const outside = join(dir, "outside.txt");
    await writeFile(outside, "outside bytes");
    const before = await stat(outside);
    await writeFile(join(store, "cohorts", "9-OLD.bin"), "stale");
    await symlink(outside, join(store, "planted-link"));
    await rm(join(store, "cohorts", "0-NFH.json"));
    await symlink(outside, join(store, "cohorts", "0-NFH.json"));

    assert.equal(await preprocessCommand.run(args, fakeIO(dir)), 0);
    assert.equal(await readFile(outside, "utf8"), "outside bytes");
    assert.equal((await stat(outside)).mtimeMs, before.mtimeMs);
    assert.deepEqual((await readdir(store)).sort(), ["cohorts", "contexts", "study.json", "thumbnails"]);
    assert.deepEqual((await readdir(join(store, "cohorts"))).sort(), ["0-NFH.bin", "0-NFH.json"]);
    assert.ok((await lstat(join(store, "cohorts", "0-NFH.json"))).isFile());
    assert.deepEqual(
      (await readdir(dir)).filter((n) => /\.(tmp|old)-/.test(n)),
      [],
    );
    assert.equal((await readPatchStore(store)).flow.NFH?.analysedPatients, 2);
  });

  it("leaves the previous store whole when a rerun fails", async () => {
    const dir = await tempDir();
    await writeManifest(dir, await writePhantomPatients(dir, 1, "NFH"));
    assert.equal(await preprocessCommand.run(["--manifest", "study.csv", "--out", "store"], fakeIO(dir)), 0);
    const studyJson = await readFile(join(dir, "store", "study.json"), "utf8");
    const io = fakeIO(dir);
    assert.equal(await runCli(["preprocess", "--manifest", "gone.csv", "--out", "store"], io), 1);
    assert.equal(await readFile(join(dir, "store", "study.json"), "utf8"), studyJson);
    assert.deepEqual(
      (await readdir(dir)).filter((n) => /\.(tmp|old)-/.test(n)),
      [],
    );
  });
});
