import assert from "node:assert/strict";
import {chmod, mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {OutputLocationError, validateOutput} from "../../../loaders/output/validateOutput.js";

let dir = "";
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "validate-output-"));
  await writeFile(join(dir, "a-file"), "x");
  await mkdir(join(dir, "a-folder"));
  await mkdir(join(dir, "full"));
  await writeFile(join(dir, "full", "notes.txt"), "precious");
  await mkdir(join(dir, "earlier-run"));
  await writeFile(join(dir, "earlier-run", "study.json"), "{}");
  await symlink(join(dir, "a-file"), join(dir, "link-to-file"));
  await symlink(join(dir, "a-folder"), join(dir, "link-to-folder"));
});
after(() => rm(dir, {recursive: true, force: true}));

/** Rejects with an OutputLocationError whose message starts with the path as given. */
async function refuses(given: string, kind: "file" | "directory", problem: RegExp, cwd = dir) {
  await assert.rejects(validateOutput(given, cwd, kind, {ownedIf: "study.json"}), (error: unknown) => {
    assert.ok(error instanceof OutputLocationError, String(error));
    assert.ok(error.message.startsWith(`${given}: `), error.message);
    assert.match(error.message, problem);
    assert.doesNotMatch(error.message, /\.tmp-/);
    return true;
  });
}

describe("validateOutput(given, cwd, kind)", () => {
  it("accepts a new file or folder in an existing folder, and says whether something is there", async () => {
    const file = await validateOutput("new.json", dir, "file");
    assert.deepEqual(file, {given: "new.json", path: join(dir, "new.json"), kind: "file", exists: false});
    assert.equal((await validateOutput("a-file", dir, "file")).exists, true);
    assert.equal((await validateOutput("a-folder", dir, "directory")).exists, true);
    assert.equal((await validateOutput("earlier-run", dir, "directory", {ownedIf: "study.json"})).exists, true);
  });

  it("refuses a missing parent folder, naming it", async () => {
    await refuses("no/such/out.json", "file", /the folder no\/such does not exist/);
    await refuses("nowhere/store", "directory", /the folder nowhere does not exist/);
  });

  it("refuses a file where a folder is expected, and a folder where a file is expected", async () => {
    await refuses("a-file", "directory", /is a file, not a folder/);
    await refuses("a-folder", "file", /is a folder, not a file/);
    await refuses("a-file/out.json", "file", /part of the path is a file|is not a folder/);
  });

  it("refuses a symbolic link as the target, to a file or to a folder", async () => {
    await refuses("link-to-file", "file", /symbolic link/);
    await refuses("link-to-folder", "directory", /symbolic link/);
  });

  it("refuses to replace a non-empty folder that is not an earlier output", async () => {
    await refuses("full", "directory", /not empty and holds no study\.json/);
    await assert.rejects(validateOutput("full", dir, "directory"), /not empty; refusing to replace it/);
    // An earlier output whose marker was replaced by a link is still an earlier output (the link is never followed).
    await mkdir(join(dir, "tampered"));
    await symlink(join(dir, "a-file"), join(dir, "tampered", "study.json"));
    assert.equal((await validateOutput("tampered", dir, "directory", {ownedIf: "study.json"})).exists, true);
  });

  it("accepts any existing folder to write into (a cache), but still refuses links and files", async () => {
    assert.equal((await validateOutput("full", dir, "directory", {writeInto: true})).exists, true);
    await assert.rejects(validateOutput("link-to-folder", dir, "directory", {writeInto: true}), /symbolic link/);
    await assert.rejects(validateOutput("a-file", dir, "directory", {writeInto: true}), /is a file/);
  });

  it("refuses the current folder, a folder holding it, the root, an empty path and NUL", async () => {
    await refuses(".", "directory", /current folder/, join(dir, "a-folder"));
    await refuses("..", "directory", /current folder or contains it/, join(dir, "a-folder"));
    await refuses("/", "directory", /root of the file system/);
    await refuses("", "file", /empty/);
    await refuses("x\0y", "file", /NUL/);
  });

  it("refuses an unwritable folder", {skip: process.getuid?.() === 0 ? "root may write anywhere" : false}, async () => {
    const locked = join(dir, "locked");
    await mkdir(locked);
    await chmod(locked, 0o555);
    try {
      await refuses("locked/out.json", "file", /the folder locked is not writable/);
    } finally {
      await chmod(locked, 0o755);
    }
  });
});
