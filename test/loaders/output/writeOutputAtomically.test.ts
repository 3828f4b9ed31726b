import assert from "node:assert/strict";
import {mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {validateOutput} from "../../../loaders/output/validateOutput.js";
import {writeDirectoryAtomically, writeFileAtomically} from "../../../loaders/output/writeOutputAtomically.js";

const roots: string[] = [];
after(() => Promise.all(roots.map((r) => rm(r, {recursive: true, force: true}))));
async function scratch() {
  const d = await mkdtemp(join(tmpdir(), "atomic-"));
  roots.push(d);
  return d;
}

describe("writeFileAtomically(target, data)", () => {
  it("creates and replaces a file and leaves no temporary beside it", async () => {
    const dir = await scratch();
    await writeFileAtomically(await validateOutput("out.json", dir, "file"), "one");
    await writeFileAtomically(await validateOutput("out.json", dir, "file"), "two");
    assert.equal(await readFile(join(dir, "out.json"), "utf8"), "two");
    assert.deepEqual(await readdir(dir), ["out.json"]);
  });

  it("names the user's path, not the temporary one, when the write fails", async () => {
    const dir = await scratch();
    const target = await validateOutput("sub/out.json", dir, "file").catch(() => null);
    assert.equal(target, null, "a missing folder is caught by validation");
    await mkdir(join(dir, "sub"));
    const ok = await validateOutput("sub/out.json", dir, "file");
    await rm(join(dir, "sub"), {recursive: true});
    await assert.rejects(writeFileAtomically(ok, "x"), (error: Error) => {
      assert.match(error.message, /sub\/out\.json/);
      assert.doesNotMatch(error.message, /\.tmp-/);
      return true;
    });
  });
});

describe("writeDirectoryAtomically(target, build)", () => {
  it("replaces the old folder wholesale: no stale files survive a rerun", async () => {
    const dir = await scratch();
    const first = await validateOutput("store", dir, "directory", {ownedIf: "done"});
    await writeDirectoryAtomically(first, async (d) => {
      await writeFile(join(d, "done"), "1");
      await writeFile(join(d, "stale.png"), "old");
    });
    const second = await validateOutput("store", dir, "directory", {ownedIf: "done"});
    const value = await writeDirectoryAtomically(second, async (d) => {
      await writeFile(join(d, "done"), "2");
      return 42;
    });
    assert.equal(value, 42);
    assert.deepEqual(await readdir(join(dir, "store")), ["done"]);
    assert.equal(await readFile(join(dir, "store", "done"), "utf8"), "2");
    assert.deepEqual(await readdir(dir), ["store"], "no .tmp- or .old- folder left");
  });

  it("leaves the previous output whole when the build fails, and removes its temporary", async () => {
    const dir = await scratch();
    const target = await validateOutput("store", dir, "directory");
    await writeDirectoryAtomically(target, (d) => writeFile(join(d, "done"), "good"));
    const again = await validateOutput("store", dir, "directory", {ownedIf: "done"});
    await assert.rejects(
      writeDirectoryAtomically(again, async (d) => {
        await writeFile(join(d, "done"), "half");
        throw new Error("patient P7 is unreadable");
      }),
      /patient P7 is unreadable/,
    );
    assert.equal(await readFile(join(dir, "store", "done"), "utf8"), "good");
    assert.deepEqual(await readdir(dir), ["store"]);
  });

  it("deletes a link planted in the old folder without touching what it points to", async () => {
    const dir = await scratch();
    const outside = join(dir, "outside.txt");
    await writeFile(outside, "keep me");
    await mkdir(join(dir, "store"));
    await writeFile(join(dir, "store", "done"), "old");
    await symlink(outside, join(dir, "store", "result.txt"));
    const target = await validateOutput("store", dir, "directory", {ownedIf: "done"});
    await writeDirectoryAtomically(target, async (d) => {
      await writeFile(join(d, "done"), "new");
      await writeFile(join(d, "result.txt"), "new result");
    });
    assert.equal(await readFile(outside, "utf8"), "keep me");
    assert.equal(await readFile(join(dir, "store", "result.txt"), "utf8"), "new result");
  });

  it("refuses to swap when the target became something other than a folder", async () => {
    const dir = await scratch();
    const target = await validateOutput("store", dir, "directory");
    await assert.rejects(
      writeDirectoryAtomically(target, async () => {
        await writeFile(join(dir, "store"), "someone else's file");
      }),
      /store: is no longer a folder/,
    );
    assert.equal(await readFile(join(dir, "store"), "utf8"), "someone else's file");
    assert.deepEqual(await readdir(dir), ["store"]);
  });
});
