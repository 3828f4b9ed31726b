import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {LossNames, summariseTraining, trainingSpec} from "../../../src/components/specs/trainingSpec.js";
import {assertCompiles, assertPlainJson, deepFreeze, matchSnapshot} from "./snapshot.js";

const curves = deepFreeze(
  [1, 2].flatMap((seed) =>
    [1, 2, 3].flatMap((epoch) =>
      ["training", "SYUCC"].map((cohort) => ({
        protocol: "corrected" as const,
        seed,
        epoch,
        cohort,
        loss: 1 / epoch + seed / 10,
        accuracy: 0.5 + epoch / 10 + seed / 100,
      })),
    ),
  ),
);

describe("summariseTraining(curves, protocol)", () => {
  it("gives mean, min and max over seeds per epoch, cohort and metric", () => {
    const rows = summariseTraining(curves, "corrected");
    assert.equal(rows.length, 2 * 2 * 3);
    const row = rows.find((r) => r.cohort === "SYUCC" && r.metric === "loss" && r.epoch === 2);
    assert.ok(row);
    assert.equal(row.seeds, 2);
    assert.ok(Math.abs(row.min - 0.6) < 1e-12 && Math.abs(row.max - 0.7) < 1e-12 && Math.abs(row.mean - 0.65) < 1e-12);
    assert.deepEqual([...new Set(rows.map((r) => r.cohort))], ["training", "SYUCC"]);
  });

  it("ignores other protocols and throws on a non-finite value naming the row", () => {
    assert.deepEqual(summariseTraining(curves, "paper"), []);
    const bad = [{protocol: "paper" as const, seed: 1, epoch: 1, cohort: "training", loss: Number.NaN, accuracy: 0.5}];
    assert.throws(() => summariseTraining(bad, "paper"), /curves\[0\] \(training, epoch 1\): loss must be finite/);
  });
});

describe("trainingSpec(rows, options)", () => {
  it("matches its snapshot, is plain JSON and compiles; draws a band only with several seeds", () => {
    const rows = deepFreeze(summariseTraining(curves, "corrected"));
    const spec = trainingSpec(rows, {cohorts: ["training", "SYUCC"], colors: ["#0072B2", "#D55E00"]});
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("trainingSpec", spec);
    const oneSeed = trainingSpec(
      rows.map((r) => ({...r, seeds: 1})),
      {cohorts: ["training", "SYUCC"], colors: ["#0072B2", "#D55E00"]},
    );
    assert.ok(!JSON.stringify(oneSeed).includes('"area"'));
    assert.ok(JSON.stringify(spec).includes('"area"'));
  });

  it("names the protocol's loss on the loss panel's axis", () => {
    const rows = summariseTraining(curves, "corrected");
    const spec = trainingSpec(rows, {
      cohorts: ["training", "SYUCC"],
      colors: ["#0072B2", "#D55E00"],
      lossName: LossNames.binaryCrossentropy,
    }) as unknown as {hconcat: Array<{title: string}>};
    assert.deepEqual(
      spec.hconcat.map((p) => p.title),
      ["Accuracy", "Binary cross-entropy (sigmoid head)"],
    );
  });
});
