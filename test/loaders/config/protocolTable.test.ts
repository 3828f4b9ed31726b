import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {protocolTable} from "../../../loaders/config/protocolTable.js";

describe("protocolTable(config)", () => {
  it("under the paper protocol, no parameter the paper states differs", () => {
    const differing = protocolTable(normalizeStudyConfig({}))
      .filter((r) => r.differs)
      .map((r) => r.key);
    assert.deepEqual(differing, []);
  });

  it("under the corrected protocol, the differing rows are the documented corrections, each with a reason", () => {
    const rows = protocolTable(normalizeStudyConfig({protocol: "corrected"})).filter((r) => r.differs);
    assert.deepEqual(rows.map((r) => r.key).sort(), [
      "augmentation.balancing",
      "evaluation.ciMethod",
      "evaluation.primaryLevel",
      "model.head",
      "model.loss",
      "model.priorCorrection",
    ]);
    for (const row of rows) assert.ok(row.reason.length > 20, `${row.key} needs a reason`);
  });

  it('parameters the paper does not state read "not stated; ours", never a value in the paper\'s column, with our reason', () => {
    const rows = protocolTable(normalizeStudyConfig({})).filter((r) => r.paper.startsWith("not stated; ours"));
    assert.ok(rows.length >= 8);
    const keys = rows.map((r) => r.key);
    // Issue #13: values the paper never states that the table used to give as the paper's.
    for (const key of ["patches.inPlaneSpacing", "patches.channels", "model.momentum", "model.batchNormEpsilon"]) {
      assert.ok(keys.includes(key), key);
    }
    assert.ok(
      protocolTable(normalizeStudyConfig({})).every((r) => !/not reported|momentum 0\.9|1 × 1 × 1/.test(r.paper)),
    );
    for (const row of rows) {
      assert.equal(row.differs, false);
      assert.ok(row.reason.length > 0, row.key);
    }
  });

  it("lists the slice-selection rule of our own, with the configured fraction", () => {
    const row = protocolTable(normalizeStudyConfig({patches: {minSliceAreaFraction: 0.3}})).find(
      (r) => r.key === "patches.minSliceAreaFraction",
    );
    assert.match(row?.used ?? "", /below 30% of the largest is skipped/);
    assert.equal(row?.paper, "not stated; ours");
  });

  it("does not claim that class weights keep probabilities on the population's scale", () => {
    const row = protocolTable(normalizeStudyConfig({protocol: "corrected"})).find(
      (r) => r.key === "augmentation.balancing",
    );
    assert.doesNotMatch(row?.reason ?? "", /keeps? predicted probabilities on the population/);
    assert.match(row?.reason ?? "", /equally frequent/);
  });

  it("shows the values actually used", () => {
    const row = protocolTable(normalizeStudyConfig({model: {epochs: 12}})).find((r) => r.key === "model.epochs");
    assert.deepEqual([row?.used, row?.differs], ["12", true]);
  });
});
