import assert from "node:assert/strict";
import {mkdtemp, readdir, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {createEmbeddingCache, patchHash} from "../../../loaders/features/embeddingCache.js";
import type {EmbeddingEngine} from "../../../loaders/features/engine.js";
import {extractEmbeddings} from "../../../loaders/features/extractEmbeddings.js";
import type {Variant} from "../../../src/components/study/vocabulary.js";
import {tinyPatchSet} from "../../models/tinyResNet.js";

const modelId = "ab".repeat(32);

/** A fake engine: embedding = patch mean repeated, plus a variant code; counts the patches it embeds. */
function fakeEngine(): EmbeddingEngine & {calls: number; patches: number} {
  const code: Record<Variant, number> = {identity: 0, flipH: 1, flipV: 2, flipHV: 3, rot90: 4, rot270: 5};
  const e = {
    name: "fake",
    calls: 0,
    patches: 0,
    async embed(pixels: Uint8Array, count: number, sizePx: number, variant: Variant) {
      e.calls++;
      e.patches += count;
      const out = new Float32Array(count * 2048);
      const bytes = sizePx * sizePx * 3;
      for (let i = 0; i < count; i++) {
        let s = 0;
        for (let j = 0; j < bytes; j++) s += pixels[i * bytes + j]!;
        out.fill(s / bytes + code[variant] * 1000, i * 2048, (i + 1) * 2048);
      }
      return out;
    },
    async dispose() {},
  };
  return e;
}

describe("embeddingCache", () => {
  it("put then getMany returns the embedding; unknown hashes and other engines/variants are misses", async () => {
    const cache = createEmbeddingCache(await mkdtemp(join(tmpdir(), "ec-")), modelId);
    const e = new Float32Array(2048).map((_, i) => i / 7);
    await cache.put("eng", "flipH", "cd".repeat(32), e);
    const [hit, miss] = await cache.getMany("eng", "flipH", ["cd".repeat(32), "ef".repeat(32)]);
    assert.deepEqual(hit, e);
    assert.equal(miss, undefined);
    assert.deepEqual(await cache.getMany("other", "flipH", ["cd".repeat(32)]), [undefined]);
    assert.deepEqual(await cache.getMany("eng", "identity", ["cd".repeat(32)]), [undefined]);
  });

  it("a cache file of the wrong size reads as a miss", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ec-"));
    const cache = createEmbeddingCache(dir, modelId);
    const h = "12".repeat(32);
    await cache.put("eng", "identity", h, new Float32Array(2048));
    const folder = join(dir, modelId.slice(0, 16), "eng", "identity", "12");
    const [file] = await readdir(folder);
    await writeFile(join(folder, file!), new Uint8Array(10));
    assert.deepEqual(await cache.getMany("eng", "identity", [h]), [undefined]);
  });

  it("patchHash depends on pixels and size only", () => {
    const p = new Uint8Array(12).fill(3);
    assert.equal(patchHash(p, 2), patchHash(p.slice(), 2));
    assert.notEqual(patchHash(p, 2), patchHash(new Uint8Array(12), 2));
  });

  it("extractEmbeddings computes misses once; the second call is served entirely from the cache", async () => {
    const cache = createEmbeddingCache(await mkdtemp(join(tmpdir(), "ec-")), modelId);
    const set = tinyPatchSet("A", 3, 1);
    const engine = fakeEngine();
    const first = await extractEmbeddings(set, ["identity", "rot90"], engine, cache, () => {}, {batchSize: 5});
    assert.equal(engine.patches, 24);
    assert.equal(engine.calls, 6); // 12 patches in batches of 5, two variants
    const logs: string[] = [];
    const second = await extractEmbeddings(set, ["identity", "rot90"], engine, cache, (m) => logs.push(m));
    assert.equal(engine.patches, 24);
    assert.deepEqual(second, first);
    assert.deepEqual(logs, []);
    assert.equal(first.get("rot90")![2048 * 3]! - first.get("identity")![2048 * 3]!, 4000);
  });

  it("extractEmbeddings rejects a set whose pixel buffer does not match its records, naming the cohort", async () => {
    const cache = createEmbeddingCache(await mkdtemp(join(tmpdir(), "ec-")), modelId);
    const set = {...tinyPatchSet("Z", 1, 1), pixels: new Uint8Array(5)};
    await assert.rejects(
      extractEmbeddings(set, ["identity"], fakeEngine(), cache, () => {}),
      /cohort Z: expected 4 patches/,
    );
  });
});
