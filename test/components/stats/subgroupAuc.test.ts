import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import fc from "fast-check";
import {subgroupAuc} from "../../../src/components/stats/subgroupAuc.js";
import {assertClose} from "./golden.js";

// Written by test/golden/make-subgroup-golden.R (pROC 1.18.0, metafor 3.8-1); tests only read it.
// biome-ignore lint/suspicious/noExplicitAny: untyped JSON produced by R.
const golden: any = JSON.parse(readFileSync(new URL("../../golden/subgroup.json", import.meta.url), "utf8"));
const names = ["A", "B", "C"] as const;
const input = (name: string) => ({
  level: name,
  outcome: golden.groups[name].outcome as number[],
  score: golden.groups[name].score as number[],
});

describe("subgroupAuc", () => {
  it("matches pROC's AUC, DeLong variance and ci.auc per subgroup to 1e-12 (golden)", () => {
    const result = subgroupAuc(names.map(input), 0.95);
    result.groups.forEach((row, i) => {
      const g = golden.groups[names[i] as string];
      assertClose(row.auc as number, g.auc, 1e-12, 0, `${row.level} AUC`);
      assertClose(row.variance as number, g.variance, 1e-12, 0, `${row.level} variance`);
      assertClose((row.ci as [number, number])[0], g.ci[0], 1e-12, 0, `${row.level} lower`);
      assertClose((row.ci as [number, number])[1], g.ci[1], 1e-12, 0, `${row.level} upper`);
      assert.equal(row.n, g.outcome.length);
      assert.equal(row.excluded, undefined);
    });
  });

  it("gives metafor rma(method = 'FE')'s Q and p on the logit AUCs, for three and for two subgroups (golden)", () => {
    const three = subgroupAuc(names.map(input)).heterogeneity;
    assert.ok(three);
    assertClose(three.q, golden.heterogeneity.q, 1e-10, 0, "Q");
    assertClose(three.p, golden.heterogeneity.p, 1e-9, 0, "p");
    assert.equal(three.df, golden.heterogeneity.df);
    const two = subgroupAuc([input("A"), input("B")]).heterogeneity;
    assert.ok(two);
    assertClose(two.q, golden.heterogeneityAB.q, 1e-10, 0, "Q (A, B)");
    assertClose(two.p, golden.heterogeneityAB.p, 1e-9, 0, "p (A, B)");
    assert.equal(two.df, 1);
  });

  it("lists a subgroup that cannot enter the test with its reason, and tests the rest", () => {
    const oneClass = {level: "one class", outcome: [1, 1, 1], score: [0.2, 0.5, 0.9]};
    const perfect = {level: "perfect", outcome: [0, 0, 1, 1], score: [0.1, 0.2, 0.8, 0.9]};
    const result = subgroupAuc([input("A"), oneClass, perfect, input("B")]);
    assert.equal(result.groups[1]?.auc, null);
    assert.match(result.groups[1]?.excluded ?? "", /one outcome class/);
    assert.equal(result.groups[2]?.auc, 1);
    assert.match(result.groups[2]?.excluded ?? "", /logit is infinite/);
    assertClose(result.heterogeneity?.q as number, golden.heterogeneityAB.q, 1e-10, 0, "Q without the excluded");
    assert.equal(result.heterogeneity?.k, 2);
  });

  it("has no test with fewer than two usable subgroups, and says why", () => {
    const result = subgroupAuc([input("A")]);
    assert.equal(result.heterogeneity, null);
    assert.match(result.note ?? "", /1 subgroup with a finite logit AUC/);
    assert.throws(() => subgroupAuc([input("A")], 1.2), /ciLevel/);
  });

  it("Q does not depend on the order of the subgroups and is 0 for identical subgroups (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom([0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0]), (order) => {
        const q = subgroupAuc(order.map((i) => input(names[i] as string))).heterogeneity?.q as number;
        assertClose(q, golden.heterogeneity.q, 1e-10);
      }),
      {seed: 25},
    );
    const same = subgroupAuc([input("A"), {...input("A"), level: "A again"}]).heterogeneity;
    assert.ok(same && Math.abs(same.q) < 1e-12 && Math.abs(same.p - 1) < 1e-9);
  });
});
