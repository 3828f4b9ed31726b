import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import fc from "fast-check";
import {nominalCalibration} from "../../../src/components/stats/nominalCalibration.js";
import {createRng} from "../../../src/components/stats/random.js";

// VGAM 1.1-7 (Debian r-cran-vgam), R 4.2: test/golden/make-nominal-calibration-golden.R.
interface Case {
  reference: number;
  intercepts: number[];
  interceptSe: number[];
  slopes: number[];
  slopeSe: number[];
  full: number[][];
  chiSquare: number;
  df: number;
  p: number;
  recalibrated: number[][];
}
const golden = JSON.parse(readFileSync(new URL("../../golden/nominal-calibration.json", import.meta.url), "utf8")) as {
  y: number[];
  p: number[][];
  refCR: Case;
  refSD: Case;
};

function close(a: number, b: number, tol: number, what: string): void {
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs VGAM ${b}`);
}

describe("nominalCalibration (Van Hoorde et al. 2014) against VGAM::vglm", () => {
  for (const key of ["refCR", "refSD"] as const) {
    const g = golden[key];
    it(`reference class ${g.reference}: intercepts, slopes, full recalibration and the overall likelihood ratio`, () => {
      const r = nominalCalibration(golden.y, golden.p, {reference: g.reference, ciLevel: 0.95});
      r.intercepts.forEach((c, k) => {
        close(c.estimate, g.intercepts[k]!, 1e-6, `a_${k}`);
        close(c.se!, g.interceptSe[k]!, 1e-6, `se(a_${k})`);
      });
      r.slopes.forEach((c, k) => {
        close(c.estimate, g.slopes[k]!, 1e-6, `b_${k}`);
        close(c.se!, g.slopeSe[k]!, 1e-6, `se(b_${k})`);
      });
      for (const [k, row] of r.full!.recalibration.entries())
        for (const [j, v] of row.entries()) close(v, g.full[k]![j]!, 1e-6, `full[${k}][${j}]`);
      close(r.full!.overall.chiSquare, g.chiSquare, 1e-6, "LR χ²");
      assert.equal(r.full!.overall.df, g.df);
      close(r.full!.overall.p, g.p, 1e-9, "p");
      // VGAM's fitted() columns are the outcome levels in their own order, as ours.
      for (const [i, pt] of r.full!.points.entries())
        for (const [k, v] of pt.recalibrated.entries()) close(v, g.recalibrated[i]![k]!, 1e-6, `π̂[${i}][${k}]`);
    });
  }

  it("the labels name the original classes and the Wald interval is estimate ± z·SE", () => {
    const r = nominalCalibration(golden.y, golden.p, {reference: 2, ciLevel: 0.9});
    assert.deepEqual(
      r.slopes.map((s) => s.label),
      [0, 1, 3],
    );
    const s = r.slopes[0]!;
    close(s.ci![1] - s.estimate, 1.6448536269514722 * s.se!, 1e-9, "90% half-width");
  });

  it("property: predictions recalibrated by their own outcomes' model are calibrated (slopes near 1, intercepts near 0)", () => {
    // Outcomes drawn from the predicted probabilities themselves.
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1000}), (seed) => {
        let s = seed;
        const next = () => {
          s = (s * 1103515245 + 12345) % 2147483648;
          return s / 2147483648;
        };
        const p: number[][] = [];
        const y: number[] = [];
        for (let i = 0; i < 2000; i++) {
          const e = [0, 1, 2, 3].map(() => Math.exp(3 * (next() - 0.5)));
          const t = e.reduce((a, b) => a + b, 0);
          const row = e.map((v) => v / t);
          p.push(row);
          let u = next();
          let k = 0;
          while (k < 3 && u > row[k]!) u -= row[k++]!;
          y.push(k);
        }
        for (let k = 0; k < 4; k++) if (!y.includes(k)) return;
        const r = nominalCalibration(y, p, {ciLevel: 0.95});
        for (const c of r.slopes) assert.ok(c.ci![0] < 1.35 && c.ci![1] > 0.65, `slope ${c.estimate}`);
        for (const c of r.intercepts) assert.ok(Math.abs(c.estimate) < 0.35, `intercept ${c.estimate}`);
      }),
      {seed: 3, numRuns: 8},
    );
  });

  it("separated classes: intercepts and slopes still, the full model left out with the reason", () => {
    // 16 patients, a strong signal: the 12-parameter model separates them, the constrained ones (3 and 6) do not.
    const rng = createRng(3);
    const y = Array.from({length: 16}, (_, i) => i % 4);
    const p = y.map((k) => {
      const e = [0, 1, 2, 3].map((c) => Math.exp((c === k ? 2 : 0) + rng.normal()));
      const t = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / t);
    });
    const r = nominalCalibration(y, p, {ciLevel: 0.95});
    assert.equal(r.full, null);
    assert.match(r.fullNote!, /12 parameters\) has no finite fit on these 16 patients/);
    assert.equal(r.slopes.length, 3);
    assert.ok(r.slopes.every((s) => Number.isFinite(s.estimate)));
  });

  it("refuses a zero probability, naming the patient", () => {
    assert.throws(
      () =>
        nominalCalibration(
          [0, 1],
          [
            [0.5, 0.5, 0, 0],
            [0.25, 0.25, 0.25, 0.25],
          ],
          {ciLevel: 0.95},
        ),
      /patient 0: probability of class 2 is 0/,
    );
  });
});
