import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {protocolTable} from "../../../loaders/config/protocolTable.js";

describe("protocolTable(config)", () => {
  it("under the paper protocol, no reported parameter differs except the BatchNorm epsilon of the weight conversion", () => {
    const differing = protocolTable(normalizeStudyConfig({}))
      .filter((r) => r.differs)
      .map((r) => r.key);
    assert.deepEqual(differing, ["model.batchNormEpsilon"]);
  });

  it("under the corrected protocol, the differing rows are the documented corrections, each with a reason", () => {
    const rows = protocolTable(normalizeStudyConfig({protocol: "corrected"})).filter((r) => r.differs);
    assert.deepEqual(rows.map((r) => r.key).sort(), [
      "augmentation.balancing",
      "evaluation.ciMethod",
      "evaluation.primaryLevel",
      "model.batchNormEpsilon",
      "model.head",
      "model.loss",
    ]);
    for (const row of rows) assert.ok(row.reason.length > 20, `${row.key} needs a reason`);
  });

  it("parameters the paper does not report say so and give our reason", () => {
    const rows = protocolTable(normalizeStudyConfig({})).filter((r) => r.paper.startsWith("not reported"));
    assert.ok(rows.length >= 3);
    for (const row of rows) {
      assert.equal(row.differs, false);
      assert.ok(row.reason.length > 0, row.key);
    }
  });

  it("shows the values actually used", () => {
    const row = protocolTable(normalizeStudyConfig({model: {epochs: 12}})).find((r) => r.key === "model.epochs");
    assert.deepEqual([row?.used, row?.differs], ["12", true]);
  });
});
