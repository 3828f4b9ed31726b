import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {calibration} from "../../../src/components/stats/calibration.js";
import {calibrationInTheLarge} from "../../../src/components/stats/calibrationInTheLarge.js";
import {assertClose} from "./golden.js";
import {meta} from "./metaGolden.js";

describe("calibrationInTheLarge (golden: glm(y ~ offset(qlogis(p)), binomial))", () => {
  // biome-ignore lint/suspicious/noExplicitAny: golden JSON from R, indexed freely.
  for (const [name, g] of Object.entries(meta.calibrationInTheLarge as Record<string, any>)) {
    it(`${name} (n = ${g.y.length}): intercept and its standard error to 1e-9`, () => {
      const r = calibrationInTheLarge(g.y, g.p);
      assert.ok(r);
      assertClose(r.intercept, g.intercept, 1e-9, 1e-12, "intercept");
      assertClose(r.se, g.se, 1e-9, 0, "se");
      // the same a as calibration()'s intercept
      assertClose(r.intercept, calibration(g.y, g.p).intercept as number, 1e-9, 1e-12);
    });
  }
  it("no finite estimate when every outcome is equal, or there are no patients: null", () => {
    assert.equal(calibrationInTheLarge([1, 1, 1], [0.2, 0.5, 0.9]), null);
    assert.equal(calibrationInTheLarge([0, 0], [0.2, 0.5]), null);
    assert.equal(calibrationInTheLarge([], []), null);
  });
  it("extreme probabilities (0 and 1, clamped) still converge", () => {
    const r = calibrationInTheLarge([1, 0, 1, 0], [1, 0, 0.999999, 1e-9]);
    assert.ok(r && Number.isFinite(r.intercept) && r.se > 0);
  });
  it("bad input names the index", () => {
    assert.throws(() => calibrationInTheLarge([1, 0], [0.5, 1.2]), /probability\[1\] must be in \[0, 1\]/);
    assert.throws(() => calibrationInTheLarge([1, 0], [0.5, Number.NaN]), /probability\[1\]/);
    assert.throws(() => calibrationInTheLarge([1, 2], [0.5, 0.5]), /outcome/);
  });
});
