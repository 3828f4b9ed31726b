import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {kaplanMeier} from "../../../../src/components/stats/survival/kaplanMeier.js";
import {checkSurvival, TIME_TOLERANCE, timeOrder} from "../../../../src/components/stats/survival/survivalData.js";

describe("checkSurvival", () => {
  it("copies valid data into typed arrays", () => {
    const c = checkSurvival({time: [3, 0, 2.5], event: [1, 0, 1]});
    assert.deepEqual(Array.from(c.time), [3, 0, 2.5]);
    assert.deepEqual(Array.from(c.event), [1, 0, 1]);
  });
  it("merges times that differ by rounding only, as aeqSurv does (e.g. days/7 computed two ways)", () => {
    const a = 145 / 7;
    const b = a * (1 + 1e-12);
    assert.notEqual(a, b);
    const c = checkSurvival({time: [b, a, 30], event: [1, 1, 0]});
    assert.equal(c.time[0], c.time[1]);
    assert.equal(c.time[0], Math.min(a, b));
    const fit = kaplanMeier({time: [b, a, 30], event: [1, 1, 0]});
    assert.deepEqual(fit.nEvent, [2, 0]);
    // a real difference is kept
    const d = checkSurvival({time: [1, 1 + 100 * TIME_TOLERANCE], event: [1, 1]});
    assert.notEqual(d.time[0], d.time[1]);
  });
  it("refuses bad input, naming the index", () => {
    assert.throws(() => checkSurvival({time: [1, 2], event: [1]}), /same length/);
    assert.throws(() => checkSurvival({time: [1, -1], event: [1, 1]}), /data\.time\[1\].*≥ 0/);
    assert.throws(() => checkSurvival({time: [1, Infinity], event: [1, 1]}), /data\.time\[1\]/);
    assert.throws(() => checkSurvival({time: [1, 2], event: [1, 0.5]}), /data\.event\[1\] must be 0 or 1/);
    assert.throws(() => checkSurvival({time: [Number.NaN], event: [1]}, "ttp"), /ttp\.time\[0\]/);
  });
});

describe("timeOrder", () => {
  it("sorts ascending and keeps tied times in input order", () => {
    assert.deepEqual(Array.from(timeOrder([3, 1, 3, 2, 1])), [1, 4, 3, 0, 2]);
  });
});
