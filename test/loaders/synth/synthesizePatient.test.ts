import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {describe, it} from "node:test";
import {centreProtocols} from "../../../loaders/synth/centreProtocols.js";
import {Centres} from "../../../loaders/synth/paperTable1.js";
import {planStudy} from "../../../loaders/synth/planStudy.js";
import {synthesizePatient} from "../../../loaders/synth/synthesizePatient.js";
import {Tissues} from "../../../loaders/synth/tissues.js";

const hash = (a: ArrayBufferView) =>
  createHash("sha256")
    .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
    .digest("hex");

// A few dozen patients, generated in memory (no files): 10 NFH + 5 + 5 at tiny-scale geometry.
const plans = planStudy({scale: "tiny", seed: 11, counts: {NFH: 16, ZHHAJU: 8, SYUCC: 8}});
const patients = plans.map((p) => synthesizePatient(p, "tiny"));

describe("synthesizePatient(plan, scale)", () => {
  it("is a pure function of the plan: the same plan gives identical CT and mask voxels", () => {
    const plan = plans[3];
    assert.ok(plan);
    const again = synthesizePatient(plan, "tiny");
    assert.equal(hash(again.ct.data), hash((patients[3] as (typeof patients)[number]).ct.data));
    assert.equal(hash(again.mask.data), hash((patients[3] as (typeof patients)[number]).mask.data));
  });

  it("uses each centre's configured spacing (so resampling matters)", () => {
    for (const c of Centres) {
      const some = patients.filter((p) => p.plan.cohort === c);
      assert.ok(some.length > 0);
      for (const p of some) {
        assert.deepEqual(p.ct.spacing, centreProtocols[c].spacingMm.demo, `${p.plan.patientId} CT`);
        assert.deepEqual(p.mask.spacing, p.ct.spacing);
        assert.deepEqual(p.mask.origin, p.ct.origin);
        assert.deepEqual(p.mask.size, p.ct.size);
      }
    }
  });

  it("writes int16 HU with air at −1000 outside the body and a 0/1 uint8 mask", () => {
    for (const p of patients.slice(0, 4)) {
      assert.ok(p.ct.data instanceof Int16Array);
      assert.ok(p.mask.data instanceof Uint8Array);
      assert.ok(p.mask.data.every((v) => v === 0 || v === 1));
      // Corner voxel (patient's right, anterior): air, give or take the centre's noise and offset.
      assert.ok((p.ct.data[0] as number) < -900, `${p.plan.patientId}: corner ${p.ct.data[0]}`);
    }
  });

  it("filters quantum noise with the centre's kernel: air keeps the configured SD, smoother kernels correlate it", () => {
    // In the air outside the body the anatomy is flat, so what remains is noise: its SD is the protocol's, and its
    // lag-1 correlation along x grows with the kernel width in voxels (ZHHAJU 0.8 voxel > SYUCC 0.33 voxel).
    const lag1 = (c: (typeof Centres)[number]) => {
      const p = patients.find((q) => q.plan.cohort === c);
      assert.ok(p);
      const [nx] = p.ct.size;
      const at = (i: number, j: number) => (p.ct.data[i + nx * j] as number) + 1000 - centreProtocols[c].huOffset;
      let ss = 0;
      let cross = 0;
      let n = 0;
      for (let j = 0; j < 6; j++) {
        for (let i = 0; i < 12; i++) {
          ss += at(i, j) ** 2;
          cross += at(i, j) * at(i + 1, j);
          n++;
        }
      }
      const sd = Math.sqrt(ss / n);
      assert.ok(Math.abs(sd - centreProtocols[c].noiseSdHu) < 0.35 * centreProtocols[c].noiseSdHu, `${c}: SD ${sd}`);
      return cross / ss;
    };
    const smooth = lag1("ZHHAJU");
    const sharp = lag1("SYUCC");
    assert.ok(smooth > 0.4 && sharp < 0.2, `lag-1 correlation ZHHAJU ${smooth}, SYUCC ${sharp}`);
  });

  it("puts every tumour inside the liver: the voxels around the mask are liver", () => {
    for (const p of patients) {
      const [nx, ny] = p.mask.size;
      let ring = 0;
      let liver = 0;
      let outside = 0;
      for (let at = 0; at < p.mask.data.length; at++) {
        if (p.mask.data[at] === 1) {
          if (p.tissue[at] !== Tissues.tumour) outside++;
          continue;
        }
        const touches =
          p.mask.data[at - 1] === 1 ||
          p.mask.data[at + 1] === 1 ||
          p.mask.data[at - nx] === 1 ||
          p.mask.data[at + nx] === 1 ||
          p.mask.data[at - nx * ny] === 1 ||
          p.mask.data[at + nx * ny] === 1;
        if (!touches) continue;
        ring++;
        if (p.tissue[at] === Tissues.liver) liver++;
      }
      assert.equal(outside, 0);
      assert.ok(ring > 0, `${p.plan.patientId}: empty mask`);
      assert.ok(liver / ring > 0.95, `${p.plan.patientId}: only ${liver}/${ring} voxels around the ROI are liver`);
    }
  });

  it("measures tumour_size_cm on the mask and keeps demo-scale tumours between ~2 and ~6.5 cm", () => {
    for (const p of patients) {
      assert.ok(p.tumourSizeCm >= 1.8 && p.tumourSizeCm <= 6.8, `${p.plan.patientId}: ${p.tumourSizeCm} cm`);
      assert.ok(p.tumourNumber >= 1 && p.tumourNumber <= p.plan.clinical.tumour_number);
    }
  });

  it("gives complete responders higher mean arterial HU inside the ROI than progressors", () => {
    const meanHu = (p: (typeof patients)[number]) => {
      let s = 0;
      let n = 0;
      for (let at = 0; at < p.mask.data.length; at++) {
        if (p.mask.data[at] === 1) {
          s += p.ct.data[at] as number;
          n++;
        }
      }
      return s / n;
    };
    const byLabel = (l: string) => patients.filter((p) => p.plan.label === l).map(meanHu);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const cr = byLabel("CR");
    const pd = byLabel("PD");
    assert.ok(cr.length >= 2 && pd.length >= 2, `CR ${cr.length}, PD ${pd.length}`);
    assert.ok(mean(cr) > mean(pd) + 30, `CR ${mean(cr).toFixed(0)} HU vs PD ${mean(pd).toFixed(0)} HU`);
  });
});
