import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {polytomousBootstrap} from "../../../src/components/stats/polytomousBootstrap.js";
import {polytomousDiscrimination} from "../../../src/components/stats/polytomousDiscrimination.js";
import {createRng} from "../../../src/components/stats/random.js";

/** 60 patients over four classes, each patient's own class a little more probable. */
function cohort(seed: number) {
  const rng = createRng(seed);
  const labels = Array.from({length: 60}, (_, i) => i % 4);
  const probabilities = labels.map((y) => {
    const e = [0, 1, 2, 3].map((k) => Math.exp(rng.normal() + (k === y ? 1 : 0)));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
  return {labels, probabilities};
}

describe("polytomousBootstrap", () => {
  const {labels, probabilities} = cohort(4);
  const options = {replicates: 300, seed: 9, ciLevel: 0.9};

  it("gives percentile intervals around the estimates, the same for the same seed", () => {
    const a = polytomousBootstrap(labels, probabilities, 4, options);
    const b = polytomousBootstrap(labels, probabilities, 4, options);
    assert.deepEqual(a, b);
    const pdi = polytomousDiscrimination(labels, probabilities, 4).pdi as number;
    assert.ok(a.pdi && a.pdi[0] < pdi && pdi < a.pdi[1], `${a.pdi} around ${pdi}`);
    assert.ok(a.orc && a.harrellC && a.orc[0] < a.orc[1] && a.harrellC[0] < a.harrellC[1]);
    // Stratified by class: every class keeps its patients, so no replicate loses an index.
    assert.deepEqual(a.failed, {pdi: 0, orc: 0, harrellC: 0});
  });

  it("widens with the confidence level", () => {
    const narrow = polytomousBootstrap(labels, probabilities, 4, {...options, ciLevel: 0.5}).pdi as [number, number];
    const wide = polytomousBootstrap(labels, probabilities, 4, {...options, ciLevel: 0.95}).pdi as [number, number];
    assert.ok(wide[0] <= narrow[0] && wide[1] >= narrow[1]);
  });
});
