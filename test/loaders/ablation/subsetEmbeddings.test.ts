import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {subsetEmbeddings} from "../../../loaders/ablation/subsetEmbeddings.js";
import {ladderCohort} from "./ladderFixture.js";

describe("subsetEmbeddings", () => {
  const {embedded} = ladderCohort("T", [2, 2, 2, 2], 1, ["identity", "flipH"]);

  it("copies the chosen rows of every variant (or only the variants asked for) with their labels", () => {
    const sub = subsetEmbeddings(embedded, [3, 0], "S");
    assert.deepEqual([...sub.labels], [embedded.labels[3], embedded.labels[0]]);
    assert.deepEqual(sub.x.get("flipH")!.subarray(0, 2048), embedded.x.get("flipH")!.subarray(3 * 2048, 4 * 2048));
    assert.deepEqual([...subsetEmbeddings(embedded, [1], "S", ["identity"]).x.keys()], ["identity"]);
    assert.throws(() => subsetEmbeddings(embedded, [99], "S"), /row 99 is out of range/);
  });
});
