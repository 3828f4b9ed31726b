import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {
  aucNotes,
  estimateFlags,
  FailedFitsNote,
  SmallSampleNote,
  ZeroWidthNote,
} from "../../../src/components/tables/estimateFlags.js";

const marks = (notes: ReturnType<typeof estimateFlags>) => notes.map((n) => n.mark);

describe("estimateFlags: small samples, zero-width intervals, bootstraps without fits", () => {
  it("flags fewer than 10 patients or 10 events, and names the counts in the title", () => {
    const [small] = estimateFlags({n: 7, events: 3});
    assert.equal(small?.mark, "†");
    assert.equal(small?.title, "small sample: n = 7, 3 events (the smaller outcome group)");
    assert.equal(small?.footnote, SmallSampleNote);
    assert.deepEqual(marks(estimateFlags({n: 120, events: 9})), ["†"]);
    assert.deepEqual(marks(estimateFlags({n: 10, events: 10})), []);
  });
  it("flags an interval whose ends print alike, as '1.000 [1.000, 1.000]'", () => {
    const [zero] = estimateFlags({ci: [1, 1]});
    assert.deepEqual([zero?.mark, zero?.footnote], ["‡", ZeroWidthNote]);
    assert.deepEqual(marks(estimateFlags({ci: [0.99996, 1], digits: 3})), ["‡"], "1.000 to 1.000 as shown");
    assert.deepEqual(marks(estimateFlags({ci: [0.999, 1]})), []);
    assert.deepEqual(marks(estimateFlags({ci: [0.5, null]})), [], "an unbounded end is not zero width");
  });
  it("flags a bootstrap where 10% or more of the replicates had no fit ('249 of 403 replicates without a fit')", () => {
    const [failed] = estimateFlags({replicates: 403, failed: 249});
    assert.deepEqual(
      [failed?.mark, failed?.title, failed?.footnote],
      ["§", "249 of 403 replicates without a fit", FailedFitsNote],
    );
    assert.deepEqual(marks(estimateFlags({replicates: 2000, failed: 199})), []);
    assert.deepEqual(marks(estimateFlags({replicates: 2000, failed: 200})), ["§"]);
  });
  it("leaves facts it is not given unjudged, and gives the flags in the order †, ‡, §", () => {
    assert.deepEqual(estimateFlags({}), []);
    assert.deepEqual(marks(estimateFlags({n: 4, ci: [1, 1], replicates: 10, failed: 5})), ["†", "‡", "§"]);
  });
  it("never flags an estimate from at least 10 patients and events with an interval of visible width (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 20, max: 10_000}),
        fc.double({min: 0, max: 0.99, noNaN: true}),
        fc.double({min: 0.002, max: 1, noNaN: true}),
        (n, lo, width) => {
          assert.deepEqual(estimateFlags({n, events: Math.floor(n / 2), ci: [lo, lo + width]}), []);
        },
      ),
      {seed: 24},
    );
  });
});

describe("aucNotes: an AUC's n/a reason or its flags", () => {
  it("names the empty group of an undefined AUC", () => {
    assert.equal(
      aucNotes({value: null, cases: 0, controls: 12})[0]?.title,
      "n/a: no responder in the cohort (an AUC needs both groups)",
    );
    assert.equal(
      aucNotes({value: null, cases: 5, controls: 0})[0]?.footnote,
      "n/a: no non-responder in the cohort (an AUC needs both groups)",
    );
    assert.equal(aucNotes({value: null, cases: 0, controls: 0})[0]?.title, "n/a: no patient in the cohort");
  });
  it("flags a defined AUC by cases + controls and the smaller group", () => {
    assert.deepEqual(
      aucNotes({value: 0.8, ci: [0.6, 0.9], cases: 4, controls: 30}).map((n) => n.title),
      ["small sample: 4 events (the smaller outcome group)"],
    );
    assert.deepEqual(
      aucNotes({value: 1, ci: [1, 1], cases: 40, controls: 30}).map((n) => n.mark),
      ["‡"],
    );
  });
});
