import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {confidence, filterGallery} from "../../../src/components/tables/filterGallery.js";

const item = (patchId: string, label: "CR" | "PD", predicted: "CR" | "PD", p: number, cohort = "A") => ({
  patchId,
  patientId: patchId.slice(0, 1),
  cohort,
  sliceIndex: 1,
  label,
  predicted,
  probabilities: (predicted === "CR" ? [p, 0, 0, 1 - p] : [1 - p, 0, 0, p]) as [number, number, number, number],
  correct: label === predicted,
  hasCam: true,
  image: `patches/${patchId}.png`,
  cam: null,
});
const items = Object.freeze([
  item("a1", "CR", "CR", 0.6),
  item("b1", "CR", "PD", 0.9),
  item("c1", "PD", "PD", 0.9, "B"),
]);
const all = {
  truth: "All",
  predicted: "All",
  cohort: "All",
  outcome: "all",
  minConfidence: 0,
  maxConfidence: 1,
} as const;

describe("filterGallery(items, filter)", () => {
  it("filters by true class, predicted class, cohort, correctness and confidence; most confident first", () => {
    assert.deepEqual(
      filterGallery(items, all).map((g) => g.patchId),
      ["b1", "c1", "a1"],
    );
    assert.deepEqual(
      filterGallery(items, {...all, outcome: "misclassified"}).map((g) => g.patchId),
      ["b1"],
    );
    assert.deepEqual(
      filterGallery(items, {...all, truth: "CR", minConfidence: 0.7}).map((g) => g.patchId),
      ["b1"],
    );
    assert.deepEqual(
      filterGallery(items, {...all, cohort: "B", predicted: "PD"}).map((g) => g.patchId),
      ["c1"],
    );
    assert.equal(confidence(items[0] as (typeof items)[0]), 0.6);
  });
});
