import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  iterationArithmetic,
  ladderBudgets,
  PaperTraining,
  paperReadingColumns,
  paperReadings,
} from "../../../src/components/tables/paperReadings.js";

describe("paperReadings()", () => {
  it("derives the iteration arithmetic from the paper's numbers: 1401/54 ≈ 26 per epoch, ≈ 1,664 patches, 26 full batches of 1,687", () => {
    assert.deepEqual(iterationArithmetic(), {perEpoch: 26, fullBatches: 26, patchesSeen: 1664});
    // With a different count the text follows: nothing is hard-coded in the sentence.
    const other = iterationArithmetic({...PaperTraining, iterations: 540, epochs: 54});
    assert.equal(other.perEpoch, 10);
    const row = paperReadings().find((r) => r.topic === "Training length");
    assert.match(row?.against ?? "", /≈ 26 iterations per epoch ≈ 1,664 patches: the 1,687 unbalanced/);
  });

  it("lists the head/loss contradiction and every MATLAB default the issue names, each with both readings", () => {
    const rows = paperReadings();
    const text = rows.map((r) => `${r.topic} ${r.against}`).join(" | ");
    for (const needle of [
      /fc4_softmax/,
      /L2Regularization 1e-4/,
      /narrow normal/,
      /partial last mini-batch/,
      /'once'/,
      /mini-batch statistics/,
    ]) {
      assert.match(text, needle);
    }
    for (const row of rows) {
      for (const column of paperReadingColumns)
        assert.ok(String(row[column.key as keyof typeof row]).length > 0, `${row.topic}.${column.key}`);
    }
  });

  it("states the budgets the run's ladder used, never the paper's 1,401 as if it were run (issue #22)", () => {
    const ladder = {
      rungs: [
        {id: "paper-as-written", settings: {budget: "54 epochs"}},
        {id: "paper-in-matlab", settings: {budget: "216 steps"}},
        {id: "class-weights", settings: {budget: "216 steps"}},
        {id: "cv-budget", settings: {budget: "864 steps (cross-validated)"}},
      ],
    };
    const row = paperReadings(ladderBudgets(ladder)).find((r) => r.topic === "Training length");
    assert.match(
      row?.asRun ?? "",
      /^paper-in-matlab: 216 steps, .*the paper's 1,401 at its 1,687\); cv-budget: 864 steps \(cross-validated\)$/,
    );
    assert.equal(ladderBudgets(null), null);
    assert.equal(ladderBudgets({rungs: []}), null);
    assert.doesNotMatch(paperReadings().find((r) => r.topic === "Training length")?.asRun ?? "", /^the reported/);
  });
});
