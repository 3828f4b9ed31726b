import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {maxInPlaneDiameterMm} from "../../../loaders/synth/maxInPlaneDiameterMm.js";

describe("maxInPlaneDiameterMm(labels, size, spacing, id)", () => {
  it("measures a disc of radius 20 px at 0.5 mm as ~20 mm across", () => {
    const n = 60;
    const labels = new Uint8Array(n * n * 2);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) if ((i - 30) ** 2 + (j - 30) ** 2 <= 400) labels[i + n * j] = 1;
    }
    const d = maxInPlaneDiameterMm(labels, [n, n, 2], [0.5, 0.5, 3]);
    assert.ok(Math.abs(d - 20.5) < 0.6, `${d}`);
  });
  it("takes the diagonal of a rectangle, in physical units, and ignores other labels", () => {
    const labels = new Uint8Array(10 * 10);
    for (let j = 2; j <= 5; j++) for (let i = 1; i <= 8; i++) labels[i + 10 * j] = 2;
    labels[0] = 1;
    // Centres span 7 × 3 pixels of 2 × 1 mm: hypot(14, 3) plus one mean pixel (1.5 mm).
    assert.ok(Math.abs(maxInPlaneDiameterMm(labels, [10, 10, 1], [2, 1, 1], 2) - (Math.hypot(14, 3) + 1.5)) < 1e-9);
  });
  it("returns 0 when the label is absent and rejects a size mismatch", () => {
    assert.equal(maxInPlaneDiameterMm(new Uint8Array(8), [2, 2, 2], [1, 1, 1]), 0);
    assert.throws(() => maxInPlaneDiameterMm(new Uint8Array(7), [2, 2, 2], [1, 1, 1]), /7 labels/);
  });
});
