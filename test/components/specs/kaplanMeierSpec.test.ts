import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {kaplanMeierSpec, survivalAt} from "../../../src/components/specs/kaplanMeierSpec.js";
import {assertCompiles, assertPlainJson, deepFreeze, matchSnapshot} from "./snapshot.js";

const series = deepFreeze([
  {
    label: "responders",
    color: "#0072B2",
    time: [2, 5],
    surv: [0.8, 0.5],
    lower: [0.5, 0.2],
    upper: [1, 0.9],
    censored: [3, 7],
  },
  {
    label: "non-responders",
    color: "#D55E00",
    time: [1, 2, 4],
    surv: [0.75, 0.5, 0],
    lower: [0.4, 0.2, 0],
    upper: [1, 0.9, 0],
    censored: [],
  },
]);

describe("kaplanMeierSpec(series)", () => {
  it("draws steps from (0, 1) with bands and censoring ticks, and compiles", () => {
    const spec = kaplanMeierSpec(series, {timeTitle: "Overall survival (months)"});
    assertPlainJson(spec);
    assertCompiles(spec);
    matchSnapshot("kaplanMeierSpec", spec);
    const layers = (spec as {layer: Array<{data: {values: Array<Record<string, unknown>>}}>}).layer;
    const steps = layers[1]?.data.values ?? [];
    assert.deepEqual(
      steps.filter((s) => s.series === "responders").map((s) => [s.time, s.surv]),
      [
        [0, 1],
        [2, 0.8],
        [5, 0.5],
        [7, 0.5],
      ],
    );
    const ticks = layers[2]?.data.values ?? [];
    assert.deepEqual(
      ticks.map((t) => [t.time, t.surv]),
      [
        [3, 0.8],
        [7, 0.5],
      ],
    );
  });

  it("reads S(t) off the step curve: 1 before the first event, the last step at or before t", () => {
    assert.equal(survivalAt(series[0] as (typeof series)[0], 1.9), 1);
    assert.equal(survivalAt(series[0] as (typeof series)[0], 2), 0.8);
    assert.equal(survivalAt(series[0] as (typeof series)[0], 100), 0.5);
  });
});
