import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {geometrySpec} from "../../../src/components/specs/geometrySpec.js";
import type {GeometryRow} from "../../../src/components/tables/geometryRows.js";
import {assertCompiles, assertPlainJson, matchSnapshot} from "./snapshot.js";

const row = (geometry: string, cohort: string, auc: number | null): GeometryRow => {
  const a = {auc, ci: auc === null ? null : ([auc - 0.1, auc + 0.05] as [number, number])};
  return {
    geometry,
    cohort,
    eligible: 1,
    analysedPatients: 1,
    lost: 0,
    patches: 1,
    sizeMm: "",
    magnification: "",
    n: 1,
    accuracy: null,
    aucText: {CR: "", PR: "", SD: "", PD: "", OR: ""},
    auc: {CR: a, PR: a, SD: a, PD: a, OR: a},
  };
};

describe("geometrySpec", () => {
  it("plots each geometry's AUC with its interval, per cohort, in the listed order, leaving out missing AUCs", () => {
    const rows = [row("roi", "A", 0.8), row("fixed 16 mm", "A", null), row("roi", "B", 0.6)];
    assertPlainJson(geometrySpec(rows, "OR"));
    assertCompiles(geometrySpec(rows, "OR"));
    matchSnapshot("geometrySpec", geometrySpec(rows, "OR"));
    const spec = geometrySpec(rows, "OR") as {
      data: {values: Array<{geometry: string; cohort: string; auc: number; lo: number; hi: number}>};
      spec: {layer: Array<{encoding: {y?: {sort: string[]}}}>};
    };
    assert.deepEqual(spec.data.values, [
      {geometry: "roi", cohort: "A", auc: 0.8, lo: 0.8 - 0.1, hi: 0.8 + 0.05},
      {geometry: "roi", cohort: "B", auc: 0.6, lo: 0.6 - 0.1, hi: 0.6 + 0.05},
    ]);
    assert.deepEqual(spec.spec.layer[2]!.encoding.y!.sort, ["roi", "fixed 16 mm"]);
  });
});
