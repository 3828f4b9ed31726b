import assert from "node:assert/strict";
import {mkdtemp, readdir, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {hashFile} from "../../../loaders/hash.js";
import {memoHashFile} from "../../../loaders/pipeline/fileHashMemo.js";

describe("memoHashFile", () => {
  it("remembers a file's hash by its identity, and hashes it again once the file is written", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hash-memo-"));
    const file = join(dir, "ct.nii.gz");
    const memo = join(dir, "memo");
    await writeFile(file, "first");
    const first = await memoHashFile(file, memo);
    assert.equal(first, await hashFile(file));
    const [entry] = await readdir(memo);
    assert.ok(entry?.endsWith(".sha256"));

    // The second call answers from the memo: a planted value comes back, so the file was not read.
    const planted = "a".repeat(64);
    await writeFile(join(memo, entry as string), planted);
    assert.equal(await memoHashFile(file, memo), planted);

    // Same size, new content: the change time moves, so the file is hashed again.
    await writeFile(file, "again");
    assert.equal(await memoHashFile(file, memo), await hashFile(file));
    assert.notEqual(await memoHashFile(file, memo), planted);
  });

  it("ignores a damaged memo entry and hashes without a memo folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hash-memo-"));
    const file = join(dir, "mask.nii.gz");
    const memo = join(dir, "memo");
    await writeFile(file, "mask");
    await memoHashFile(file, memo);
    const [entry] = await readdir(memo);
    await writeFile(join(memo, entry as string), "half-writ");
    assert.equal(await memoHashFile(file, memo), await hashFile(file));
    assert.equal(await memoHashFile(file, null), await hashFile(file));
  });
});
