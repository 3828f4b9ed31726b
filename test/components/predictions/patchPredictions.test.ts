import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {patchPredictions} from "../../../src/components/predictions/patchPredictions.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";

const set = {
  cohort: "NFH",
  records: [
    {patientId: "P1", patchId: "P1-0", label: "CR" as const},
    {patientId: "P1", patchId: "P1-1", label: "CR" as const},
    {patientId: "P2", patchId: "P2-0", label: "SD" as const},
  ],
};

describe("patchPredictions(set, probabilities)", () => {
  it("gives one row per patch, in record order, with its four probabilities", () => {
    const p = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.7, 0.1, 0.1, 0.1, 0, 0, 1, 0]);
    assert.deepEqual(patchPredictions(set, p), [
      {patientId: "P1", cohort: "NFH", patchId: "P1-0", label: "CR", probabilities: [0.1, 0.2, 0.3, 0.4]},
      {patientId: "P1", cohort: "NFH", patchId: "P1-1", label: "CR", probabilities: [0.7, 0.1, 0.1, 0.1]},
      {patientId: "P2", cohort: "NFH", patchId: "P2-0", label: "SD", probabilities: [0, 0, 1, 0]},
    ]);
  });

  it("refuses a probability array that is not n × 4, naming the cohort", () => {
    assert.throws(
      () => patchPredictions(set, new Float64Array(11)),
      /cohort NFH: expected 3 × 4 probabilities, got 11/,
    );
  });

  it("round-trips the probabilities: the rows' vectors concatenated are the input (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...ResponseLabels),
            fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 4, maxLength: 4}),
          ),
          {maxLength: 20},
        ),
        (items) => {
          const records = items.map(([label], i) => ({patientId: `P${i >> 1}`, patchId: `x${i}`, label}));
          const probabilities = Float64Array.from(items.flatMap(([, p]) => p));
          const rows = patchPredictions({cohort: "C", records}, probabilities);
          assert.deepEqual(Float64Array.from(rows.flatMap((r) => [...r.probabilities])), probabilities);
          assert.deepEqual(
            rows.map((r) => r.label),
            items.map(([label]) => label),
          );
        },
      ),
      {seed: 17, numRuns: 100},
    );
  });
});
