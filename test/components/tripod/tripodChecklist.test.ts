import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {describe, it} from "node:test";
import {tripodChecklist} from "../../../src/components/tripod/tripodChecklist.js";
import {anchors, artifacts, byItem, demo, optimismFor, other} from "./checklistFixtures.js";

/** The checklist's 52 sub-items in order (Collins et al., BMJ 2024;385:e078378, Table 1). */
const Official = [
  ["Title", "1"],
  ["Abstract", "2"],
  ...["3a", "3b", "3c", "4"].map((i) => ["Introduction", i]),
  ...[
    ...["5a", "5b", "6a", "6b", "6c", "7", "8a", "8b", "8c", "9a", "9b", "9c", "10", "11"],
    ...["12a", "12b", "12c", "12d", "12e", "12f", "12g", "13", "14", "15", "16", "17"],
  ].map((i) => ["Methods", i]),
  ...["18a", "18b", "18c", "18d", "18e", "18f"].map((i) => ["Open science", i]),
  ["Patient and public involvement", "19"],
  ...["20a", "20b", "20c", "21", "22", "23a", "23b", "24"].map((i) => ["Results", i]),
  ...["25", "26", "27a", "27b", "27c"].map((i) => ["Discussion", i]),
];

describe("tripodChecklist", () => {
  const items = tripodChecklist(artifacts(demo, true));

  it("lists every TRIPOD+AI sub-item once, in the checklist's order and sections", () => {
    assert.deepEqual(
      items.map((i) => [i.section, i.item]),
      Official,
    );
    for (const i of items) assert.ok(i.topic.length > 0 && i.text.length > 20, i.item);
  });

  it("every item has a link, or is 'not reported' with a reason; an answer is never empty", () => {
    for (const i of items) {
      assert.ok(i.answer.trim().length > 0, `${i.item}: empty answer`);
      if (i.status === "not reported") assert.equal(i.link, null, `${i.item}: not reported but linked`);
      else assert.ok(i.link !== null, `${i.item}: ${i.status} without a link`);
    }
  });

  it("every link names a page of the site, and an anchor that page has", () => {
    const src = join(process.cwd(), "src");
    for (const i of items) {
      if (i.link === null) continue;
      const [path = "", anchor] = i.link.split("#");
      const page = join(src, path === "/" ? "index.md" : `${path.slice(1)}.md`);
      assert.ok(existsSync(page), `${i.item}: ${i.link} has no page`);
      if (anchor) assert.ok(anchors(page).has(anchor), `${i.item}: ${path} has no #${anchor}`);
    }
  });

  it("answers come from the artifacts: another study's answers name its own cohorts, run and settings", () => {
    const mine = byItem(items);
    const theirs = byItem(tripodChecklist(artifacts(other, true)));
    assert.match(mine.get("6a")?.answer ?? "", /^3 centres: NFH, ZHHAJU, SYUCC; /);
    assert.match(theirs.get("6a")?.answer ?? "", /^2 centres: Alpha, Beta; /);
    assert.match(theirs.get("4")?.answer ?? "", /development on Alpha, external validation on Beta/);
    assert.match(theirs.get("20a")?.answer ?? "", /Alpha 40\/50, Beta 41\/51/);
    assert.match(theirs.get("22")?.answer ?? "", /run-beta-7/);
    assert.match(theirs.get("18f")?.answer ?? "", /abc1234/);
    assert.match(theirs.get("13")?.answer ?? "", /oversample/);
    assert.match(mine.get("13")?.answer ?? "", /classWeights/);
    assert.match(theirs.get("5a")?.answer ?? "", /site-study\.csv/);
    assert.match(mine.get("5a")?.answer ?? "", /synthetic/);
    // No answer of the other study mentions the demo's cohorts or run.
    for (const i of theirs.values()) assert.doesNotMatch(i.answer, /NFH|ZHHAJU|SYUCC|0822a4f2b684|297aacd/, i.item);
    // Synthetic or not changes the ethics and data-sharing answers.
    assert.match(mine.get("17")?.answer ?? "", /synthetic/);
    assert.doesNotMatch(theirs.get("17")?.answer ?? "", /synthetic/);
    assert.equal(theirs.get("18e")?.status, "not reported");
    assert.equal(mine.get("18e")?.link, "/data-model");
  });

  it("the sample size and heterogeneity answers carry this run's numbers", () => {
    const mine = byItem(items);
    assert.match(mine.get("10")?.answer ?? "", /^image head \(2048 features\): minimum \d+ vs 100 training patients; /);
    assert.equal(
      mine.get("21")?.answer,
      "training patients per class: CR 31, PR 23, SD 27, PD 19; every cohort's responses in Table 1",
    );
    assert.match(
      mine.get("23b")?.answer ?? "",
      /^auc: I² (\d+\.\d%|n\/a), prediction interval 0\.\d{3} to (0\.\d{3}|1\.000); accuracy: I² .+; calibrationSlope: I² .+$/,
    );
    assert.equal(mine.get("12f")?.status, "reported");
  });

  it("without the beyond-the-paper analyses, the items they answer say so", () => {
    const without = byItem(tripodChecklist(artifacts(demo, false)));
    for (const item of ["10", "12d", "23b", "24", "12f"]) {
      assert.equal(without.get(item)?.status, "not reported", item);
      assert.equal(without.get(item)?.link, null, item);
    }
    assert.equal(without.get("21")?.status, "partly");
  });

  it("marks 'reported' only what the report truly answers (issue #22's audit)", () => {
    const mine = byItem(items);
    // Subgroups come from the clinical variables (Explore); without any, performance with intervals is only part of 23a.
    assert.equal(mine.get("23a")?.status, "partly");
    assert.match(mine.get("23a")?.answer ?? "", /no clinical variable to form subgroups/);
    const inputs = artifacts(demo, true);
    const withClinical = byItem(
      tripodChecklist({...inputs, cohorts: {...inputs.cohorts, clinicalColumns: ["age", "afp"]}}),
    );
    assert.equal(withClinical.get("23a")?.status, "reported");
    assert.equal(withClinical.get("23a")?.link, "/explore#subgroup-table");
    // Case-mix: Table 1 compares clinical variables, not the image inputs the model uses.
    assert.equal(mine.get("20c")?.status, "partly");
    // Data sources without rationale; no study protocol; weights unpublished.
    for (const item of ["5a", "6a", "7", "18c", "22"]) assert.equal(mine.get(item)?.status, "partly", item);
    // Sample size: development (Pate et al.) and every external cohort (Riley et al. 2021) are sized.
    assert.equal(mine.get("10")?.status, "reported");
  });

  it("12c is reported only when an internal validation method ran, and names it", () => {
    const mine = byItem(items);
    assert.equal(mine.get("12c")?.status, "reported");
    assert.match(
      mine.get("12c")?.answer ?? "",
      /internal validation: Harrell's bootstrap optimism on NFH \(20 replicates/,
    );
    assert.match(mine.get("12c")?.answer ?? "", /leaving one centre out/);
    const without = byItem(tripodChecklist(artifacts(demo, false)));
    assert.equal(without.get("12c")?.status, "partly");
    assert.match(without.get("12c")?.answer ?? "", /no internal validation of the image model/);
    // Optimism alone (no across-centres analysis) still states a method.
    const optimismOnly = byItem(tripodChecklist({...artifacts(demo, false), optimism: optimismFor(demo, true)}));
    assert.equal(optimismOnly.get("12c")?.status, "reported");
    assert.doesNotMatch(optimismOnly.get("12c")?.answer ?? "", /leaving one centre out/);
  });

  it("one external cohort: no recalibration across cohorts", () => {
    const two = byItem(tripodChecklist(artifacts(other, true)));
    assert.equal(two.get("12f")?.status, "not reported");
    assert.match(two.get("12f")?.answer ?? "", /fewer than two external cohorts/);
  });
});
