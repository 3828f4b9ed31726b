import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {calibration} from "../../../src/components/stats/calibration.js";
import {calibrationRows, thresholdRows} from "../../../src/components/tables/statRows.js";
import {thresholdMetrics} from "../../../src/components/tables/thresholdMetrics.js";

describe("calibrationRows(cal) / thresholdRows(metrics)", () => {
  it("lists intercept, slope and Brier with their ids and raw values, and n without a value", () => {
    const cal = calibration([1, 0, 1, 0, 1, 1, 0, 0], [0.9, 0.2, 0.6, 0.4, 0.7, 0.3, 0.35, 0.1]);
    const rows = calibrationRows(cal);
    assert.deepEqual(
      rows.map((r) => [r.label, r.id, r.value]),
      [
        ["Calibration intercept (in the large)", "cal-intercept", cal.intercept],
        ["Calibration slope", "cal-slope", cal.slope],
        ["Brier score", "cal-brier", cal.brier],
        ["Scaled Brier", undefined, cal.scaledBrier],
        ["n", undefined, undefined],
      ],
    );
    assert.equal(rows[2]?.text, cal.brier?.toFixed(4));
    assert.equal(rows[1]?.text, cal.slope?.toFixed(3));
    assert.equal(rows[4]?.text, "8");
  });

  it("writes a missing statistic as n/a with an empty data-value", () => {
    const rows = calibrationRows(calibration([], []));
    assert.deepEqual(rows[0], {
      label: "Calibration intercept (in the large)",
      id: "cal-intercept",
      value: "",
      text: "n/a",
      notes: [{mark: "", title: "n/a: no patient in the cohort", footnote: "n/a: no patient in the cohort"}],
    });
  });

  it("says why a fit is missing from the calibration's own note, and flags estimates from fewer than 10 patients", () => {
    const single = calibrationRows(calibration([1, 1, 1], [0.9, 0.2, 0.6]));
    assert.equal(single[1]?.notes?.[0]?.title, "n/a: single outcome class: no recalibration fit");
    const small = calibrationRows(calibration([1, 0, 1, 0, 1, 1, 0, 0], [0.9, 0.2, 0.6, 0.4, 0.7, 0.3, 0.35, 0.1]));
    assert.deepEqual(
      small[1]?.notes?.map((n) => [n.mark, n.title]),
      [["†", "small sample: n = 8"]],
    );
  });

  it("names the empty group behind an n/a sensitivity, specificity, PPV or NPV", () => {
    const rows = thresholdRows(thresholdMetrics([0, 0], [0.1, 0.2], 0.5, 0.95));
    assert.equal(rows[0]?.notes?.[0]?.title, "n/a: no responder in the cohort");
    assert.equal(rows[2]?.notes?.[0]?.title, "n/a: no patient called a responder at this threshold");
    assert.deepEqual(
      rows[1]?.notes?.map((n) => n.mark),
      ["†"],
      "2 non-responders: a small sample",
    );
  });

  it("gives sensitivity, specificity, PPV and NPV with interval and counts", () => {
    const m = thresholdMetrics([1, 1, 0, 0, 1], [0.9, 0.5, 0.5, 0.1, 0.2], 0.5, 0.95);
    const rows = thresholdRows(m);
    assert.deepEqual(
      rows.map((r) => r.label),
      ["Sensitivity", "Specificity", "PPV", "NPV"],
    );
    assert.equal(rows[0]?.value, 2 / 3);
    assert.match(rows[0]?.text ?? "", /^0\.667 \[0\.\d{3}, 0\.\d{3}\] \(2\/3\)$/);
    const none = thresholdRows(thresholdMetrics([1, 1], [0.1, 0.2], 0.5, 0.95));
    assert.deepEqual([none[1]?.value, none[1]?.text], ["", "n/a"]);
  });
});
