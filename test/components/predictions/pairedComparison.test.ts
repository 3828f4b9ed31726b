import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {pairedComparison} from "../../../src/components/predictions/pairedComparison.js";
import type {PredictionRecord} from "../../../src/components/predictions/predictionColumns.js";
import {delongTest} from "../../../src/components/stats/pairedDelong.js";

const row = (patientId: string, label: PredictionRecord["label"], p: number[], cohort = "A", patchId?: string) =>
  ({patientId, cohort, label, probabilities: p, ...(patchId ? {patchId} : {})}) as unknown as PredictionRecord;

const options = {bootstrap: 100, seed: 1, ciLevel: 0.95};

describe("pairedComparison", () => {
  const labels: PredictionRecord["label"][] = ["CR", "PR", "SD", "PD", "CR", "PR", "SD", "PD", "CR", "SD"];
  const user = labels.map((l, i) => row(`p${i}`, l, [0.1 + 0.05 * (i % 3), 0.3, 0.3, 0.3 - 0.05 * (i % 3)]));
  const site = labels.map((l, i) => row(`p${i}`, l, [0.25, 0.25 + 0.02 * (i % 4), 0.25, 0.25 - 0.02 * (i % 4)]));

  it("a model against itself differs by zero everywhere", () => {
    const [c] = pairedComparison(user, user, options);
    assert.equal(c?.shared, 10);
    for (const a of c?.auc ?? []) if ("difference" in a) assert.equal(a.difference, 0);
    for (const n of c?.netBenefit ?? []) assert.equal(n.difference, 0);
  });

  it("ΔAUC of a class is delongTest on the shared patients (yours − site's)", () => {
    const [c] = pairedComparison(user, site, options);
    const outcome = labels.map((l) => (l === "CR" ? 1 : 0));
    const expected = delongTest(
      outcome,
      user.map((r) => r.probabilities[0]),
      site.map((r) => r.probabilities[0]),
    );
    const cr = c?.auc.find((a) => a.target === "CR");
    assert.ok(cr && "difference" in cr && expected);
    assert.equal(cr.difference, expected.difference);
  });

  it("pairs only patients with the same id and cohort, averages patches, and leaves out label mismatches", () => {
    const mine = [
      row("a", "CR", [1, 0, 0, 0], "A", "a1"),
      row("a", "CR", [0, 1, 0, 0], "A", "a2"),
      row("b", "SD", [0, 0, 1, 0], "A", "b1"),
      row("c", "PD", [0, 0, 0, 1], "A", "c1"),
    ];
    const theirs = [row("a", "CR", [0.5, 0.5, 0, 0]), row("b", "PD", [0, 0, 0, 1]), row("c", "PD", [0, 0, 0, 1], "B")];
    const [c] = pairedComparison(mine, theirs, options);
    assert.equal(c?.shared, 1);
    assert.equal(c?.labelMismatches, 1);
  });

  it("returns no cohort when nothing is shared", () => {
    assert.deepEqual(
      pairedComparison(
        user,
        site.map((r) => ({...r, patientId: `x${r.patientId}`})),
        options,
      ),
      [],
    );
  });
});
