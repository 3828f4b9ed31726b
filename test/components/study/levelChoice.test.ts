import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {levelChoice} from "../../../src/components/study/levelChoice.js";

describe("levelChoice", () => {
  it("offers both levels, primary first, when any evaluation has patch-level results", () => {
    const evaluations: Array<{cohorts: Record<string, {patch?: unknown}>}> = [
      {cohorts: {A: {}, B: {}}},
      {cohorts: {A: {patch: {n: 3}}}},
    ];
    assert.deepEqual(levelChoice(evaluations, "patch"), {levels: ["patch", "patient"], value: "patch"});
    assert.deepEqual(levelChoice(evaluations, "patient"), {levels: ["patch", "patient"], value: "patient"});
  });

  it("offers patient level alone for patient-level predictions, even when the configured primary is patch", () => {
    const evaluations = [{cohorts: {A: {}, B: {patch: null}}}];
    assert.deepEqual(levelChoice(evaluations, "patch"), {levels: ["patient"], value: "patient"});
  });
});
