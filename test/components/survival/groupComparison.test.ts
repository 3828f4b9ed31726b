import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {landmarkComparison} from "../../../src/components/survival/groupComparison.js";
import {near, survivalGolden} from "../stats/survival/survivalGolden.js";

describe("landmarkComparison: observed responders from the assessment time", () => {
  it("equals R on survival::lung with a 180-day landmark (survdiff, coxph, survfit on time > 180, time − 180)", () => {
    const lung = survivalGolden.datasets.lung;
    const R = lung.landmark180;
    // sex 2 plays the responder: the labels CR (responder) and PD (non-responder).
    const labels = (lung.sex as number[]).map((s) => (s === 2 ? "CR" : "PD"));
    const result = landmarkComparison(lung.time, lung.event, labels, 180, 0.95);
    assert.equal(result.n, R.n);
    assert.equal(result.events, R.events);
    assert.equal(result.excluded, (lung.time as number[]).length - R.n);
    near(result.logrank.chisq, R.logrank.chisq, "log-rank χ²");
    near(result.coxGroup?.hr ?? null, R.cox.hr, "HR");
    near(result.coxGroup?.ci[0] ?? null, R.cox.ci.value[0], "HR lower");
    near(result.coxGroup?.ci[1] ?? null, R.cox.ci.value[1], "HR upper");
    near(result.medianCi.responder.estimate, R.median1.median, "median, responders");
    near(result.medianCi.responder.lower, R.median1.lower, "median lower, responders");
    near(result.medianCi.nonResponder.estimate, R.median0.median, "median, non-responders");
    near(result.medianCi.nonResponder.upper, R.median0.upper, "median upper, non-responders");
  });

  it("marks a group comparison with a group that has no event as not estimable (monotone likelihood)", () => {
    const time = [5, 8, 12, 20, 3, 4, 6, 9];
    const event = [0, 0, 0, 0, 1, 1, 1, 1];
    const labels = ["CR", "PR", "CR", "PR", "SD", "PD", "SD", "PD"];
    const result = landmarkComparison(time, event, labels, 1, 0.95);
    assert.equal(result.coxGroup?.estimable, false);
    const mixed = landmarkComparison(time, [1, 0, 0, 1, 1, 0, 1, 1], labels, 1, 0.95);
    assert.equal(mixed.coxGroup?.estimable, true);
  });
});
