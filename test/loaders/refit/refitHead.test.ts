import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {protocolDefaults} from "../../../loaders/config/protocolDefaults.js";
import {refitHead} from "../../../loaders/refit/refitHead.js";
import {type EmbeddedRows, selectRows} from "../../../loaders/refit/selectRows.js";
import type {Variant} from "../../../src/components/study/vocabulary.js";
import {separableEmbeddings} from "../train/separableEmbeddings.js";

/** Separable embeddings: class c lights up features [c·16, c·16 + 16), over sparse noise (seeded). */
const embedded = (counts: number[], seed: number, variants?: Variant[]): EmbeddedRows =>
  separableEmbeddings(counts, seed, variants);

/** The corrected protocol as the pipeline runs it, with a larger step so that a few dozen rows train in a test. */
function config() {
  const c = protocolDefaults("corrected");
  c.model.learningRate = 0.01;
  return c;
}

describe("selectRows", () => {
  it("concatenates the chosen rows of several sets, in order, for the variants asked", () => {
    const a = embedded([2, 2, 0, 0], 1);
    const b = embedded([0, 0, 1, 1], 2);
    const s = selectRows(
      [
        {set: a, rows: [3, 0]},
        {set: b, rows: [1]},
      ],
      ["flipH"],
    );
    assert.deepEqual([...s.x.keys()], ["flipH"]);
    assert.deepEqual([...s.labels], [1, 0, 3]);
    const out = s.x.get("flipH") as Float32Array;
    assert.deepEqual(out.subarray(0, 2048), (a.x.get("flipH") as Float32Array).subarray(3 * 2048, 4 * 2048));
    assert.deepEqual(out.subarray(2 * 2048), (b.x.get("flipH") as Float32Array).subarray(2048, 2 * 2048));
  });

  it("names a variant a set does not have", () => {
    assert.throws(
      () => selectRows([{set: embedded([1, 1, 1, 1], 3, ["identity"]), rows: [0]}], ["rot90"]),
      /no rot90 embeddings/,
    );
  });

  it("takes every variant of the first set when none is asked, and names a row out of range", () => {
    const a = embedded([1, 1, 1, 1], 6);
    assert.deepEqual([...selectRows([{set: a, rows: [2]}]).x.keys()], [...a.x.keys()]);
    assert.throws(() => selectRows([{set: a, rows: [99]}]), /row 99 is out of range/);
  });
});

describe("refitHead", () => {
  const train = embedded([12, 12, 12, 12], 4);
  const test = embedded([5, 5, 5, 5], 5, ["identity"]);

  it("trains on the given rows and scores the held-out rows: probabilities that sum to 1 and find the classes", () => {
    const probs = refitHead("fold 1", train, test, config(), ["identity", "flipH"]);
    assert.equal(probs.length, 20 * 4);
    let correct = 0;
    for (let i = 0; i < 20; i++) {
      const row = [...probs.subarray(i * 4, i * 4 + 4)];
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-6, `row ${i} sums to 1`);
      if (row.indexOf(Math.max(...row)) === test.labels[i]) correct++;
    }
    assert.ok(correct >= 16, `${correct}/20 held-out rows classified correctly`);
  });

  it("is deterministic: the configuration's seeds give the same probabilities twice", () => {
    const variants: Variant[] = ["identity"];
    assert.deepEqual(refitHead("a", train, test, config(), variants), refitHead("b", train, test, config(), variants));
  });

  it("follows the configuration: another training seed trains another head", () => {
    const other = config();
    other.seeds.training += 1;
    assert.notDeepEqual(
      refitHead("a", train, test, config(), ["identity"]),
      refitHead("b", train, test, other, ["identity"]),
    );
  });

  it("refuses held-out rows without identity embeddings, naming the fit", () => {
    const flipOnly = embedded([1, 1, 1, 1], 6, ["flipH"]);
    assert.throws(
      () => refitHead("centre ZH", train, flipOnly, config(), ["identity"]),
      /refitHead centre ZH: the held-out rows have no identity embeddings/,
    );
  });
});
