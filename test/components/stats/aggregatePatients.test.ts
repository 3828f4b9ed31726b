import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {aggregateByGroup} from "../../../src/components/stats/aggregateByGroup.js";
import {aggregatePatients, type ScoredRow} from "../../../src/components/stats/aggregatePatients.js";
import {Aggregations, ResponseLabels} from "../../../src/components/study/vocabulary.js";

const row = (patientId: string, cohort: string | undefined, label: string, probabilities: number[]): ScoredRow =>
  cohort === undefined ? {patientId, label, probabilities} : {patientId, cohort, label, probabilities};

// Random patch rows: ids and cohorts from small pools (patients repeat, one id can sit in two cohorts), one label per
// patient, arbitrary probability vectors.
const rowsArb = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom("p", "q", "r", "s"), fc.constantFrom("A", "B", "C")), {maxLength: 30}),
    fc.array(fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 4, maxLength: 4}), {
      minLength: 30,
      maxLength: 30,
    }),
    fc.array(fc.constantFrom(...ResponseLabels), {minLength: 12, maxLength: 12}),
  )
  .map(([ids, probs, labels]) =>
    ids.map(([patientId, cohort], i) =>
      row(patientId, cohort, labels["pqrs".indexOf(patientId) * 3 + "ABC".indexOf(cohort)] as string, probs[i] ?? []),
    ),
  );

describe("aggregatePatients(rows, options)", () => {
  const rows = [
    row("a", "X", "PR", [0.2, 0.6, 0.1, 0.1]),
    row("b", "X", "SD", [0.1, 0.1, 0.7, 0.1]),
    row("a", "Y", "PD", [0, 0, 0, 1]),
    row("a", "X", "PR", [0.4, 0.4, 0.1, 0.1]),
  ];

  it("one entry per patient (cohort and id) in first-seen order: its class index and the mean of its patches (by hand)", () => {
    const patients = aggregatePatients(rows);
    assert.deepEqual(
      patients.map((p) => [p.patientId, p.cohort, p.label]),
      [
        ["a", "X", 1],
        ["b", "X", 2],
        ["a", "Y", 3],
      ],
    );
    [0.3, 0.5, 0.1, 0.1].forEach((v, j) => {
      assert.ok(Math.abs((patients[0]?.probabilities[j] as number) - v) < 1e-12);
    });
  });

  it("a cohort's patients only, and rows without a cohort (one cohort's already)", () => {
    assert.deepEqual(
      aggregatePatients(rows, {cohort: "Y"}).map((p) => [p.patientId, p.label, p.probabilities]),
      [["a", 3, [0, 0, 0, 1]]],
    );
    const bare = aggregatePatients([row("a", undefined, "CR", [1, 0, 0, 0]), row("a", undefined, "CR", [0, 1, 0, 0])]);
    assert.deepEqual(bare, [{patientId: "a", cohort: undefined, label: 0, probabilities: [0.5, 0.5, 0, 0]}]);
  });

  it("follows the configured aggregation: max of each class, divided by the sum (by hand)", () => {
    const [a] = aggregatePatients(rows, {aggregation: "max", cohort: "X"});
    // maxima 0.4, 0.6, 0.1, 0.1 → sum 1.2
    [0.4, 0.6, 0.1, 0.1].forEach((v, j) => {
      assert.ok(Math.abs((a?.probabilities[j] as number) - v / 1.2) < 1e-12);
    });
  });

  it("refuses patches of one patient with different labels, and an unknown label, naming the source and patient", () => {
    assert.throws(
      () =>
        aggregatePatients([row("a", "X", "CR", [1, 0, 0, 0]), row("a", "X", "PD", [0, 0, 0, 1])], {source: "f.csv"}),
      /^RangeError: f\.csv: patient a \(cohort X\) has patches labelled CR and PD$/,
    );
    assert.throws(
      () => aggregatePatients([row("b", undefined, "OR", [1, 0, 0, 0])]),
      /^RangeError: patient b: expected a label/,
    );
    assert.throws(() => aggregatePatients([row("c", "X", "CR", [Number.NaN, 0, 0, 0])]), /vectors\[0\]\[0\]/);
  });

  it("each patient is aggregateByGroup of its own rows alone, in first-seen order; a cohort filter is filtering first (property, seeded)", () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom(...Aggregations),
        fc.constantFrom("A", "B", "C"),
        (list, aggregation, cohort) => {
          const patients = aggregatePatients(list, {aggregation});
          const seen = [...new Set(list.map((r) => `${r.cohort}/${r.patientId}`))];
          assert.deepStrictEqual(
            patients.map((p) => `${p.cohort}/${p.patientId}`),
            seen,
          );
          for (const p of patients) {
            const own = list.filter((r) => r.cohort === p.cohort && r.patientId === p.patientId);
            const [alone] = aggregateByGroup(
              own.map(() => "k"),
              own.map((r) => r.probabilities),
              aggregation,
            );
            assert.deepStrictEqual(p.probabilities, alone?.mean);
            assert.equal(ResponseLabels[p.label], own[0]?.label);
          }
          assert.deepStrictEqual(
            aggregatePatients(list, {aggregation, cohort}),
            aggregatePatients(
              list.filter((r) => r.cohort === cohort),
              {aggregation},
            ),
          );
        },
      ),
      {seed: 21, numRuns: 300},
    );
  });
});
