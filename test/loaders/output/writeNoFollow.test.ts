import assert from "node:assert/strict";
import {lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {assertEntryName, LinkRefusedError, replaceFile, writeNewFile} from "../../../loaders/output/writeNoFollow.js";

let dir = "";
let outside = "";
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "nofollow-"));
  outside = join(dir, "outside.txt");
  await writeFile(outside, "outside");
  await symlink(outside, join(dir, "planted"));
});
after(() => rm(dir, {recursive: true, force: true}));

describe("writeNewFile / replaceFile", () => {
  it("writeNewFile refuses an existing name, a link included, and leaves the link's target alone", async () => {
    const before = await stat(outside);
    await assert.rejects(writeNewFile(join(dir, "planted"), "evil"), {code: "EEXIST"});
    await writeNewFile(join(dir, "fresh"), "ok");
    await assert.rejects(writeNewFile(join(dir, "fresh"), "again"), {code: "EEXIST"});
    assert.equal(await readFile(outside, "utf8"), "outside");
    assert.equal((await stat(outside)).mtimeMs, before.mtimeMs);
  });

  it("replaceFile replaces a regular file and refuses a link with a message", async () => {
    await replaceFile(dir, "cache.json", "1");
    await replaceFile(dir, "cache.json", "2");
    assert.equal(await readFile(join(dir, "cache.json"), "utf8"), "2");
    await assert.rejects(replaceFile(dir, "planted", "evil"), (error: unknown) => {
      assert.ok(error instanceof LinkRefusedError);
      assert.match(error.message, /planted is a symbolic link; refusing to write through it/);
      return true;
    });
    assert.equal(await readFile(outside, "utf8"), "outside");
    assert.ok((await lstat(join(dir, "planted"))).isSymbolicLink());
    assert.deepEqual(
      (await readdir(dir)).filter((n) => n.includes(".tmp-")),
      [],
    );
  });

  it("refuses names that are not one plain path component", () => {
    for (const bad of ["", ".", "..", "../x", "a/b", "a\\b", "a\0b"]) assert.throws(() => assertEntryName(bad), /safe/);
    assert.equal(assertEntryName("0001-x-ab.png"), "0001-x-ab.png");
  });
});
