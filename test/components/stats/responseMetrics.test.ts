import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {auc} from "../../../src/components/stats/auc.js";
import {responseMetrics} from "../../../src/components/stats/responseMetrics.js";

describe("responseMetrics", () => {
  const truth = [0, 1, 2, 3, 0, 2];
  const probabilities = [
    [0.6, 0.2, 0.1, 0.1],
    [0.3, 0.4, 0.2, 0.1],
    [0.1, 0.5, 0.3, 0.1],
    [0.1, 0.1, 0.2, 0.6],
    [0.25, 0.25, 0.25, 0.25],
    [0.1, 0.1, 0.7, 0.1],
  ];
  it("computes the objective-response AUC, accuracy (ties to the first class) and one-vs-rest AUCs", () => {
    const m = responseMetrics(truth, probabilities, [0, 1, 2, 3, 4, 5]);
    // Correct: 0, 1, 3, 4 (a four-way tie goes to CR), 5; wrong: 2.
    assert.equal(m.accuracy, 5 / 6);
    assert.equal(m.objectiveResponseAuc, auc([1, 1, 0, 0, 1, 0], [0.8, 0.7, 0.6, 0.2, 0.5, 0.2]));
    assert.equal(m.PD, 1);
  });
  it("counts a repeated unit twice, and is null where a metric is undefined", () => {
    const twice = responseMetrics(truth, probabilities, [2, 2, 0]);
    assert.equal(twice.accuracy, 1 / 3);
    assert.equal(twice.PD, null);
    const none = responseMetrics(truth, probabilities, []);
    assert.equal(none.accuracy, null);
    assert.throws(() => responseMetrics(truth, probabilities, [9]), /unit 9 is out of range/);
  });
});
