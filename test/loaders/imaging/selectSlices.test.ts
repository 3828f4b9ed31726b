import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {selectSlices} from "../../../loaders/imaging/selectSlices.js";

describe("selectSlices(areas, count, minFraction)", () => {
  it("takes the largest slice and its nearest neighbours (paper: 3 in total)", () => {
    assert.deepEqual(selectSlices([0, 10, 40, 90, 60, 20, 0], 3, 0), [2, 3, 4]);
  });
  it("breaks ties toward the lower index, for the maximum and for equidistant neighbours", () => {
    assert.deepEqual(selectSlices([5, 9, 9, 5], 2, 0), [0, 1]);
  });
  it("skips slices below minFraction of the largest area and takes the next nearest instead", () => {
    assert.deepEqual(selectSlices([50, 100, 10, 80, 0], 3, 0.25), [0, 1, 3]);
    assert.deepEqual(selectSlices([0, 100, 10, 0], 3, 0.25), [1]);
  });
  it("returns nothing when no slice has tumour", () => {
    assert.deepEqual(selectSlices([0, 0], 3, 0), []);
  });
});
