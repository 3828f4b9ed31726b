import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {createArtifactCache} from "../../../loaders/cache/artifactCache.js";
import {hashJson, stableJson} from "../../../loaders/hash.js";

describe("createArtifactCache(root).get(stage, key, make)", () => {
  it("computes on a miss, then returns the cached value without calling make", async () => {
    const cache = createArtifactCache(mkdtempSync(join(tmpdir(), "cache-")));
    let calls = 0;
    const make = async (dir: string) => {
      calls++;
      writeFileSync(join(dir, "out.txt"), "payload");
      return {n: 42};
    };
    const first = await cache.get("stage", {a: 1}, make);
    const second = await cache.get("stage", {a: 1}, make);
    assert.equal(calls, 1);
    assert.deepEqual([first.hit, second.hit], [false, true]);
    assert.deepEqual(second.value, {n: 42});
    assert.equal(readFileSync(join(second.dir, "out.txt"), "utf8"), "payload");
  });

  it("a different key is a different artifact", async () => {
    const cache = createArtifactCache(mkdtempSync(join(tmpdir(), "cache-")));
    const a = await cache.get("stage", {a: 1}, async () => 1);
    const b = await cache.get("stage", {a: 2}, async () => 2);
    assert.notEqual(a.dir, b.dir);
    assert.deepEqual([a.value, b.value], [1, 2]);
  });

  it("a failing make leaves nothing behind and the next call recomputes", async () => {
    const cache = createArtifactCache(mkdtempSync(join(tmpdir(), "cache-")));
    await assert.rejects(
      cache.get("stage", {a: 1}, async () => {
        throw new Error("boom");
      }),
      /boom/,
    );
    const again = await cache.get("stage", {a: 1}, async () => "ok");
    assert.equal(again.hit, false);
    assert.equal(again.value, "ok");
    assert.ok(existsSync(join(again.dir, "done.json")));
  });
});

describe("createArtifactCache: concurrent writers (shards on a shared folder)", () => {
  it("two processes computing the same artifact at once both succeed and leave one complete folder", async () => {
    const root = mkdtempSync(join(tmpdir(), "cache-"));
    const a = createArtifactCache(root);
    const b = createArtifactCache(root);
    const make = (who: string) => async (dir: string) => {
      writeFileSync(join(dir, "out.txt"), "same content");
      // Both are inside make before either renames: the race the rename must settle.
      await new Promise((r) => setTimeout(r, 30));
      return who;
    };
    const [ra, rb] = await Promise.all([a.get("stage", {k: 1}, make("a")), b.get("stage", {k: 1}, make("b"))]);
    assert.equal(ra.dir, rb.dir);
    // The loser returns the winner's value, so both callers agree on what is stored.
    assert.equal(ra.value, rb.value);
    assert.deepEqual([ra.hit, rb.hit].sort(), [false, true]);
    assert.equal(readFileSync(join(ra.dir, "out.txt"), "utf8"), "same content");
    assert.deepEqual(readdirSync(join(root, "stage")), [ra.key]);
  });

  it("replaces a folder without done.json (a damaged or foreign one) instead of failing", async () => {
    const root = mkdtempSync(join(tmpdir(), "cache-"));
    const cache = createArtifactCache(root);
    const key = hashJson({k: 2}).slice(0, 20);
    mkdirSync(join(root, "stage", key), {recursive: true});
    writeFileSync(join(root, "stage", key, "half.bin"), "x");
    const got = await cache.get("stage", {k: 2}, async () => 7);
    assert.equal(got.value, 7);
    assert.deepEqual(readdirSync(got.dir).sort(), ["done.json"]);
    assert.deepEqual(readdirSync(join(root, "stage")), [key]);
  });

  it("peek returns a complete artifact only, never computing one", async () => {
    const cache = createArtifactCache(mkdtempSync(join(tmpdir(), "cache-")));
    assert.equal(await cache.peek("stage", {k: 3}), undefined);
    await cache.get("stage", {k: 3}, async () => ({n: 3}));
    assert.deepEqual((await cache.peek("stage", {k: 3}))?.value, {n: 3});
  });
});

describe("stableJson / hashJson", () => {
  it("ignore key order", () => {
    assert.equal(stableJson({b: 1, a: {d: 2, c: 3}}), stableJson({a: {c: 3, d: 2}, b: 1}));
    assert.equal(hashJson({b: 1, a: 2}), hashJson({a: 2, b: 1}));
    assert.notEqual(hashJson({a: 1}), hashJson({a: 2}));
  });
});

describe("createArtifactCache: links", () => {
  it("refuses a link planted at the stage folder or at the artifact's name, leaving its target untouched", async () => {
    const root = mkdtempSync(join(tmpdir(), "cache-"));
    const outside = mkdtempSync(join(tmpdir(), "outside-"));
    writeFileSync(join(outside, "victim.txt"), "untouched");
    const before = statSync(join(outside, "victim.txt")).mtimeMs;
    symlinkSync(outside, join(root, "linked-stage"));
    const cache = createArtifactCache(root);
    await assert.rejects(
      cache.get("linked-stage", {a: 1}, async () => 1),
      /linked-stage is a symbolic link; refusing to write through it/,
    );
    mkdirSync(join(root, "stage"));
    const key = (await cache.get("stage", {a: 1}, async () => 1)).key;
    const other = createArtifactCache(root);
    symlinkSync(outside, join(root, "stage", hashJson({a: 2}).slice(0, 20)));
    assert.notEqual(key, hashJson({a: 2}).slice(0, 20));
    await assert.rejects(
      other.get("stage", {a: 2}, async () => 2),
      /is a symbolic link; refusing to write through it/,
    );
    assert.equal(readFileSync(join(outside, "victim.txt"), "utf8"), "untouched");
    assert.equal(statSync(join(outside, "victim.txt")).mtimeMs, before);
    assert.equal(existsSync(join(outside, "done.json")), false);
  });
});
