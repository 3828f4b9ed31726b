import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {rocLegendLabel, rocSpec} from "../../../src/components/specs/rocSpec.js";
import {assertCompiles, assertPlainJson, deepFreeze, matchSnapshot} from "./snapshot.js";

const series = deepFreeze([
  {
    label: "CR",
    color: "#0072B2",
    auc: 0.75,
    ci: [0.6, 0.9] as [number, number],
    points: [
      {threshold: "-Infinity", sensitivity: 1, specificity: 0},
      {threshold: 0.5, sensitivity: 0.5, specificity: 0.5},
      {threshold: "Infinity", sensitivity: 0, specificity: 1},
    ],
    band: [
      {specificity: 0, lower: 1, upper: 1},
      {specificity: 0.5, lower: 0.3, upper: 0.8},
      {specificity: 1, lower: 0, upper: 0.2},
    ],
  },
  {
    label: "PR",
    color: "#009E73",
    auc: null,
    ci: null,
    points: [
      {threshold: -Infinity, sensitivity: 1, specificity: 0},
      {threshold: Infinity, sensitivity: 0, specificity: 1},
    ],
  },
]);

describe("rocSpec(series, options)", () => {
  it("matches its snapshot, is plain JSON and compiles", () => {
    const spec = rocSpec(series, {
      width: 300,
      height: 300,
      marker: {sensitivity: 0.5, specificity: 0.5, threshold: 0.5},
    });
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("rocSpec", spec);
  });

  it("puts the AUC with its CI in the legend labels, n/a when undefined", () => {
    assert.equal(rocLegendLabel(series[0] as (typeof series)[0]), "CR: AUC 0.750 [0.600, 0.900]");
    assert.equal(rocLegendLabel(series[1] as (typeof series)[1]), "PR: AUC n/a");
  });

  it("turns ±Infinity thresholds into text and plots 1 − specificity", () => {
    const spec = rocSpec(series) as unknown as {layer: Array<{data: {values: Array<Record<string, unknown>>}}>};
    const line = spec.layer.find((l) => (l as unknown as {mark: {type: string}}).mark.type === "line");
    const values = line?.data.values ?? [];
    assert.deepEqual(
      values.filter((v) => String(v.series).startsWith("PR")).map((v) => v.threshold),
      ["−∞", "+∞"],
    );
    assert.deepEqual(
      values.filter((v) => String(v.series).startsWith("CR")).map((v) => v.fpr),
      [1, 0.5, 0],
    );
  });

  it("draws no band layer when no series has one, and never mutates its input (frozen)", () => {
    const spec = rocSpec([series[1] as (typeof series)[1]]) as unknown as {layer: Array<{mark: {type: string}}>};
    assert.equal(spec.layer.filter((l) => l.mark.type === "area").length, 0);
    assert.equal(spec.layer.filter((l) => l.mark.type === "line").length, 1);
  });
});
