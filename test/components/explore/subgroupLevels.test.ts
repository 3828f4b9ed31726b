import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {explorePatients} from "../../../src/components/explore/explorePatients.js";
import {describeColumns} from "../../../src/components/explore/patientFilter.js";
import {subgroupAnalysis, subgroupsBy, tertileCuts} from "../../../src/components/explore/subgroupLevels.js";
import {subgroupAuc} from "../../../src/components/stats/subgroupAuc.js";
import {exploreFixture} from "./exploreFixture.js";

// biome-ignore lint/suspicious/noExplicitAny: untyped JSON produced by R (test/golden/make-subgroup-golden.R).
const golden: any = JSON.parse(readFileSync(new URL("../../golden/subgroup.json", import.meta.url), "utf8"));

describe("subgroups of the patient table", () => {
  const {predictions, cohorts} = exploreFixture();
  const patients = explorePatients(predictions, cohorts, {protocol: "corrected"}).filter((p) => p.cohort === "EXT");
  const columns = describeColumns(patients, ["age", "sex", "tumour_number", "afp"]);
  const column = (key: string) => columns.find((c) => c.key === key) as (typeof columns)[number];

  it("tertile cuts are R's quantile(x, c(1/3, 2/3), type = 7) (golden)", () => {
    assert.deepEqual(tertileCuts(golden.tertiles.x), golden.tertiles.cuts);
    assert.equal(tertileCuts([]), undefined);
  });

  it("a number splits into tertiles and a 'missing' group; every patient is in exactly one subgroup", () => {
    const groups = subgroupsBy(patients, column("afp"));
    const values = patients.map((p) => p.afp).filter((v): v is number => typeof v === "number");
    const [a, b] = tertileCuts(values) as [number, number];
    assert.equal(groups.at(-1)?.level, "missing");
    assert.ok(groups[0]?.patients.every((p) => (p.afp as number) <= a));
    assert.ok(groups[1]?.patients.every((p) => (p.afp as number) > a && (p.afp as number) <= b));
    assert.ok(groups[2]?.patients.every((p) => (p.afp as number) > b));
    assert.equal(
      groups.reduce((s, g) => s + g.patients.length, 0),
      patients.length,
    );
    assert.match(groups[0]?.level ?? "", /≤/);
  });

  it("a category splits by its levels, in the column's order", () => {
    const groups = subgroupsBy(patients, column("tumour_number"));
    assert.deepEqual(
      groups.map((g) => g.level),
      ["1", "2", "3"].filter((l) => patients.some((p) => String(p.tumour_number) === l)),
    );
  });

  it("analyses the objective-response AUC of P(CR) + P(PR) per subgroup with subgroupAuc", () => {
    const analysis = subgroupAnalysis(patients, column("sex"), 0.9);
    const direct = subgroupAuc(
      subgroupsBy(patients, column("sex")).map((g) => ({
        level: g.level,
        outcome: g.patients.map((p) => (p.label === "CR" || p.label === "PR" ? 1 : 0)),
        score: g.patients.map((p) => p.p_objective),
      })),
      0.9,
    );
    assert.deepEqual(analysis.groups, direct.groups);
    assert.deepEqual(analysis.heterogeneity, direct.heterogeneity);
    assert.equal(analysis.column.key, "sex");
  });
});
