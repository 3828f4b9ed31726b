// The ablation ladder on the Paper vs corrected page (issues #13, #22): the ladder is in the built site with ≥ 4 model
// rungs × ≥ 5 seeds, each rung one change (a one-entry diff) from its parent and compared with it on every external
// cohort, the paper-to-corrected branch ending at the corrected protocol's recipe, and a paired ΔAUC shown on the page
// equals what `workbench evaluate --paired` computes from the downloaded ablation-predictions.csv.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import type {AblationArtifact} from "../../src/components/ablation/ablationArtifact.js";
import type {CohortComparison} from "../../src/components/predictions/pairedComparison.js";
import {builtArtifact} from "./builtArtifacts.js";
import {closeClean, dist, runWorkbench, useBuiltSite} from "./builtSite.js";

describe("ablation ladder", () => {
  let ablation: AblationArtifact;

  const {open} = useBuiltSite(() => {
    ablation = JSON.parse(builtArtifact(dist, "ablation", "json")) as AblationArtifact;
  });

  it("ablation.json holds at least 4 model rungs × 5 seeds and a paired comparison for every external cohort", () => {
    assert.equal(ablation.enabled, true, ablation.reason);
    assert.ok(ablation.rungs.length >= 4, `${ablation.rungs.length} rungs`);
    assert.ok(ablation.externalCohorts.length >= 1);
    for (const [i, rung] of ablation.rungs.entries()) {
      assert.ok(rung.seeds.length >= 5, `${rung.id}: ${rung.seeds.length} seeds`);
      for (const cohort of ablation.externalCohorts) {
        const auc = rung.cohorts[cohort]?.patient.objectiveResponseAuc;
        assert.equal(auc?.perSeed.length, rung.seeds.length, `${rung.id} ${cohort}`);
        if (i > 0) {
          const c = rung.vsParent?.[cohort];
          assert.ok(c && c.deltaAuc !== null && c.ci !== null && c.p !== null, `${rung.id} vs parent in ${cohort}`);
          assert.equal(c.perSeedObjectiveResponse.length, rung.seeds.length, `${rung.id}: a paired ΔAUC per seed`);
        }
      }
      if (i === 0) assert.deepEqual(rung.diff, []);
      else assert.equal(rung.diff.length, 1, `${rung.id} changes ${JSON.stringify(rung.diff)}`);
    }
    const corrected = ablation.rungs.filter((r) => r.branch === "paper-to-corrected").at(-1)!;
    assert.equal(corrected.recipeHash, ablation.correctedRecipeHash);
    assert.equal(ablation.rungs.at(-1)?.recipeHash, ablation.correctedRecipeHash, "the last model rung is corrected");
    assert.deepEqual(ablation.reproducesCorrected?.maxAbsDifference, 0, "seed 1 of the last rung is the corrected run");
    assert.deepEqual(
      ablation.analysis.map((a) => a.id),
      ["patch-naive", "patch-cluster", "patient"],
    );
  });

  it("a paired ΔAUC on the page equals `workbench evaluate --paired` on the two rungs' predictions", async () => {
    const {page, problems} = await open("/paper-vs-corrected");
    await page.waitForSelector("#ablation-comparison td[data-value]");
    await page.waitForSelector("#ablation-chart svg");
    // The last rung against its parent, in the first external cohort.
    const last = ablation.rungs.at(-1)!;
    const previous = ablation.rungs.find((r) => r.id === last.parent)!;
    const cohort = ablation.externalCohorts[0]!;
    const cell = page.locator(
      `#ablation-comparison td[data-rung="${last.id}"][data-previous="${previous.id}"][data-cohort="${cohort}"][data-target="OR"]`,
    );
    const shown = Number(await cell.getAttribute("data-value"));
    assert.ok(Number.isFinite(shown), "no ΔAUC on the page");
    assert.ok((await page.locator("#ablation-table td[data-value]").count()) >= ablation.rungs.length);
    // ΔNB in long format: one row per rung after the first, external cohort and threshold, each ΔNB with its
    // interval ("0.012 [-0.020, 0.040]") and no p-value.
    const nbRows = ablation.rungs
      .slice(1)
      .flatMap((r) => Object.values(r.vsParent ?? {}))
      .reduce((n, c) => n + c.netBenefit.length, 0);
    const nbCells = page.locator("#ablation-net-benefit td[data-threshold]");
    assert.ok(nbRows > 0);
    assert.equal(await nbCells.count(), nbRows);
    for (const text of await nbCells.allTextContents())
      assert.match(text, /^-?\d\.\d{3} \[-?\d\.\d{3}, -?\d\.\d{3}\][†‡§]*$/);
    assert.equal(await page.locator("#ablation-reaches-corrected").getAttribute("data-same"), "true");
    assert.ok((await page.locator("#ablation-comparison td:nth-child(8)").count()) > 0, "Holm's p is listed");
    assert.ok((await page.locator("#ablation-seed-comparison td[data-value]").count()) > 0);
    await closeClean(page, problems);

    const dir = mkdtempSync(join(tmpdir(), "workbench-ablation-"));
    writeFileSync(join(dir, "ablation-predictions.csv"), builtArtifact(dist, "ablation-predictions", "csv"));
    const args = ["evaluate", "--predictions", "ablation-predictions.csv", "--paired", `${last.id},${previous.id}`];
    await runWorkbench(dir, [...args, "--out", "pair.json", "--bootstrap", "0"]);
    const result = JSON.parse(readFileSync(join(dir, "pair.json"), "utf8")) as {cohorts: CohortComparison[]};
    const or = result.cohorts.find((c) => c.cohort === cohort)?.auc.find((a) => a.target === "OR");
    assert.ok(or && "difference" in or, `no paired OR AUC for ${cohort}`);
    assert.ok(Math.abs(shown - or.difference) < 1e-12, `page ${shown} vs evaluate ${or.difference}`);
  });
});
