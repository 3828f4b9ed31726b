import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {Centres, table1} from "../../../loaders/synth/paperTable1.js";
import {planStudy} from "../../../loaders/synth/planStudy.js";
import {synthCounts} from "../../../loaders/synth/synthScales.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";

describe("planStudy({scale, seed})", () => {
  const paper = planStudy({scale: "paper", seed: 1});

  it("draws the paper's cohorts at scale paper (562 / 89 / 138)", () => {
    for (const c of Centres) assert.equal(paper.filter((p) => p.cohort === c).length, table1[c].n, c);
  });

  it("reproduces Table 1's response counts exactly at scale paper", () => {
    for (const c of Centres) {
      const got = ResponseLabels.map((l) => paper.filter((p) => p.cohort === c && p.label === l).length);
      assert.deepEqual(got, [...table1[c].response], c);
    }
  });

  it("reproduces Table 1's clinical marginals exactly at scale paper", () => {
    for (const c of Centres) {
      const rows = paper.filter((p) => p.cohort === c).map((p) => p.clinical);
      const t = table1[c];
      assert.equal(rows.filter((r) => r.age > 60).length, t.ageOver60[1], `${c} age > 60`);
      assert.equal(rows.filter((r) => r.sex === "F").length, t.sex[1], `${c} female`);
      assert.equal(rows.filter((r) => r.hbsag === "negative").length, t.hbsag[1], `${c} HBsAg−`);
      assert.equal(rows.filter((r) => r.child_pugh === "B").length, t.childPugh[1], `${c} Child–Pugh B`);
      assert.equal(rows.filter((r) => r.alt > 40).length, t.altOver40[1], `${c} ALT > 40`);
      assert.equal(rows.filter((r) => r.ast > 40).length, t.astOver40[1], `${c} AST > 40`);
      assert.equal(rows.filter((r) => r.afp > 20).length, t.afpOver20[1], `${c} AFP > 20`);
      assert.equal(rows.filter((r) => r.cirrhosis === "yes").length, t.cirrhosis[0], `${c} cirrhosis`);
      assert.equal(rows.filter((r) => r.tumour_number > 3).length, t.numberOver3[1], `${c} > 3 nodules`);
    }
  });

  it("keeps the response mix within one patient of Table 1's proportions at scale demo", () => {
    const demo = planStudy({scale: "demo", seed: 7});
    for (const c of Centres) {
      const n = synthCounts.demo[c];
      const t = table1[c];
      ResponseLabels.forEach((l, k) => {
        const got = demo.filter((p) => p.cohort === c && p.label === l).length;
        assert.ok(Math.abs(got - ((t.response[k] as number) / t.n) * n) < 1, `${c} ${l}: ${got} of ${n}`);
      });
    }
  });

  it("links the latent phenotype to the label ordinally (mean latent rises CR → PD)", () => {
    const means = ResponseLabels.map((l) => {
      const xs = paper.filter((p) => p.label === l).map((p) => p.phenotype.latent);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    });
    for (let k = 1; k < means.length; k++) assert.ok((means[k] as number) > (means[k - 1] as number) + 0.5, `${means}`);
  });

  it("links smaller nominal tumours to better response", () => {
    const mean = (l: string) => {
      const xs = paper.filter((p) => p.label === l).map((p) => p.nominalDiameterCm);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    assert.ok(mean("CR") < mean("PD") - 2, `CR ${mean("CR")} vs PD ${mean("PD")}`);
  });

  it("is deterministic, and a centre's patients do not depend on another centre's count", () => {
    const a = planStudy({scale: "tiny", seed: 5});
    const b = planStudy({scale: "tiny", seed: 5, counts: {NFH: 3}});
    assert.deepEqual(planStudy({scale: "tiny", seed: 5}), a);
    assert.deepEqual(
      a.filter((p) => p.cohort !== "NFH"),
      b.filter((p) => p.cohort !== "NFH"),
    );
    assert.notDeepEqual(planStudy({scale: "tiny", seed: 6}), a);
  });

  it("rejects a bad count or seed", () => {
    assert.throws(() => planStudy({scale: "tiny", seed: 1, counts: {SYUCC: -1}}), /counts\.SYUCC/);
    assert.throws(() => planStudy({scale: "tiny", seed: 1.5}), /seed/);
  });
});
