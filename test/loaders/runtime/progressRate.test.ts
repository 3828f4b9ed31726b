import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {duration, progressRate} from "../../../loaders/runtime/progressRate.js";

describe("progressRate(done, total, elapsed)", () => {
  it("shows patients per second and the time left from the rate so far", () => {
    assert.equal(progressRate(0, 180, 0), "0/180 (0%)");
    assert.equal(progressRate(30, 180, 20), "30/180 (17%), 1.50 patients/s, 1 min 40 s left");
    assert.equal(progressRate(180, 180, 120), "180/180 (100%), 1.50 patients/s, 2 min 00 s in all");
    assert.equal(progressRate(50, 100, 2, "patches"), "50/100 (50%), 25.0 patches/s, 2 s left");
  });

  it("durations read as s, min and h", () => {
    assert.equal(duration(44.6), "45 s");
    assert.equal(duration(200), "3 min 20 s");
    assert.equal(duration(3900), "1 h 05 min");
  });

  it("time left is (total − done) / rate for any progress", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 1000}),
        fc.integer({min: 1, max: 1000}),
        fc.integer({min: 1, max: 5000}),
        (a, b, t) => {
          const [done, total] = a <= b ? [a, b] : [b, a];
          const line = progressRate(done, total, t);
          assert.ok(line.startsWith(`${done}/${total} (`));
          if (done < total) assert.ok(line.endsWith(`${duration(((total - done) * t) / done)} left`));
        },
      ),
      {seed: 16},
    );
  });
});
