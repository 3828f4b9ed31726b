import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import fc from "fast-check";
import {delongPlacements, delongVariance} from "../../../src/components/stats/delong.js";
import {obuchowskiAuc} from "../../../src/components/stats/obuchowski.js";
import {assertClose} from "./golden.js";

// test/golden/obuchowski.json: written by test/golden/make-obuchowski-golden.R (Obuchowski 1997's double sums in
// plain R); read only.
// biome-ignore lint/suspicious/noExplicitAny: untyped JSON produced by R.
const golden: any = JSON.parse(readFileSync(new URL("../../golden/obuchowski.json", import.meta.url), "utf8"));

describe("obuchowskiAuc(outcome, score, clusters, level)", () => {
  for (const name of Object.keys(golden.datasets)) {
    it(`matches the plain-R Obuchowski 1997 variance and interval on ${name} to 1e-10 (golden)`, () => {
      const d = golden.datasets[name];
      const r = obuchowskiAuc(d.outcome, d.score, d.clusters, 0.95);
      const r90 = obuchowskiAuc(d.outcome, d.score, d.clusters, 0.9);
      assert.ok(r?.variance !== null && r?.ci && r90?.ci);
      assertClose(r.auc, d.result.auc, 1e-12);
      assertClose(r.variance as number, d.result.variance, 1e-10);
      assertClose(r.ci[0], d.result.ci[0], 1e-10);
      assertClose(r.ci[1], d.result.ci[1], 1e-10);
      assertClose(r90.ci[0], d.result90.ci[0], 1e-10);
      assertClose(r90.ci[1], d.result90.ci[1], 1e-10);
    });
  }

  it("is wider than DeLong when patches of a patient are copies of each other (the clustering DeLong ignores)", () => {
    const d = golden.datasets.patientLabels;
    const r = obuchowskiAuc(d.outcome, d.score, d.clusters);
    const cases = Float64Array.from(d.score.filter((_: number, i: number) => d.outcome[i] === 1));
    const controls = Float64Array.from(d.score.filter((_: number, i: number) => d.outcome[i] === 0));
    const delong = delongVariance(
      delongPlacements(cases, controls) as NonNullable<ReturnType<typeof delongPlacements>>,
    );
    assert.ok(r?.variance && delong && r.variance > delong, `${r?.variance} vs DeLong ${delong}`);
  });

  it("equals DeLong's variance when every item is its own cluster (property, seeded)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({min: 0, max: 8})), {minLength: 4, maxLength: 40}),
        (items) => {
          const outcome = items.map(([y]) => (y ? 1 : 0));
          const score = items.map(([, s]) => s);
          const cases = Float64Array.from(score.filter((_, i) => outcome[i] === 1));
          const controls = Float64Array.from(score.filter((_, i) => outcome[i] === 0));
          fc.pre(cases.length >= 2 && controls.length >= 2);
          const r = obuchowskiAuc(
            outcome,
            score,
            items.map((_, i) => i),
          );
          const p = delongPlacements(cases, controls);
          assert.ok(r?.variance !== null && r?.variance !== undefined && p);
          assertClose(r.variance, delongVariance(p) as number, 1e-9, 1e-15);
        },
      ),
      {seed: 13, numRuns: 200},
    );
  });

  it("does not depend on the order of the items (property, seeded)", () => {
    const d = golden.datasets.mixedClusters;
    fc.assert(
      fc.property(fc.shuffledSubarray([...d.outcome.keys()] as number[], {minLength: d.outcome.length}), (order) => {
        const r = obuchowskiAuc(
          order.map((i) => d.outcome[i]),
          order.map((i) => d.score[i]),
          order.map((i) => d.clusters[i]),
        );
        assertClose(r?.variance as number, d.result.variance, 1e-10);
      }),
      {seed: 7, numRuns: 50},
    );
  });

  it("gives null for one class, no variance with a single case cluster, and refuses NaN and unequal lengths", () => {
    assert.equal(obuchowskiAuc([1, 1], [1, 2], ["a", "b"]), null);
    const one = obuchowskiAuc([1, 1, 0, 0], [3, 2, 1, 0], ["a", "a", "b", "c"]);
    assert.deepEqual(one, {auc: 1, variance: null, ci: null, clusters: 3});
    assert.throws(() => obuchowskiAuc([1, 0], [1, Number.NaN], ["a", "b"]), /score\[1\]/);
    assert.throws(() => obuchowskiAuc([1, 0], [1, 2], ["a"]), RangeError);
  });
});
