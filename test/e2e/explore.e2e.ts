// Issue #25's Explore page and worked notebook: a filter changes the objective-response AUC to the value
// `workbench evaluate` gives for the same patients' rows, a filter in the URL opens the same view, the subgroup
// forest plot and table render, and the notebook example reads the run through its module.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import type {Page} from "playwright-core";
import type {CohortsArtifact, MetricsArtifact, ProtocolArtifact} from "../../src/components/artifacts.js";
import type {Evaluation} from "../../src/components/stats/evaluatePredictions.js";
import {builtArtifact} from "./builtArtifacts.js";
import {closeClean, dist, protocolPredictionsCsv, runWorkbench, useBuiltSite} from "./builtSite.js";

/** The objective-response AUC the page shows for `cohort` in the headline table, once it equals `want`. */
async function headlineAuc(page: Page, cohort: string, want: number): Promise<number> {
  const selector = `#explore-headline td[data-cohort="${cohort}"]`;
  // No helper inside the page function: tsx would wrap it in a __name() call the page does not have.
  await page
    .waitForFunction(
      ([s, w]) =>
        Math.abs(Number(document.querySelector(s as string)?.getAttribute("data-auc")) - (w as number)) < 1e-12,
      [selector, want] as const,
      {timeout: 20000},
    )
    .catch(() => {});
  const text = await page.locator(selector).getAttribute("data-auc");
  assert.ok(text, `no headline AUC for ${cohort}`);
  return Number(text);
}

describe("Explore and the notebook example (issue #25)", () => {
  let protocol: ProtocolArtifact;
  let cohorts: CohortsArtifact;
  let metrics: MetricsArtifact;

  const {open} = useBuiltSite(() => {
    protocol = JSON.parse(builtArtifact(dist, "protocol", "json")) as ProtocolArtifact;
    cohorts = JSON.parse(builtArtifact(dist, "cohorts", "json")) as CohortsArtifact;
    metrics = JSON.parse(builtArtifact(dist, "metrics", "json")) as MetricsArtifact;
  });

  it("an age range gives the objective-response AUC that `workbench evaluate` gives for the same patients", async () => {
    assert.ok(cohorts.clinicalColumns.includes("age"), "the demo declares no age column");
    // evaluate aggregates patches by their mean; the page by the build's option, which must then be the mean too.
    assert.ok((metrics.options.aggregation ?? "mean") === "mean", `aggregation ${metrics.options.aggregation}`);
    const [low, high] = [50, 70];
    const kept = new Set(
      cohorts.clinical
        .filter((r) => typeof r.age === "number" && r.age >= low && r.age <= high)
        .map((r) => `${r.cohort},${r.patient_id}`),
    );
    const {csv} = protocolPredictionsCsv(protocol.primary);
    const lines = csv.trimEnd().split("\n");
    const header = (lines[0] as string).split(",");
    const [cohortAt, patientAt] = [header.indexOf("cohort"), header.indexOf("patient_id")];
    const rows = lines.slice(1).filter((line) => {
      const cells = line.split(",");
      return kept.has(`${cells[cohortAt]},${cells[patientAt]}`);
    });
    const dir = mkdtempSync(join(tmpdir(), "workbench-explore-"));
    writeFileSync(join(dir, "kept.csv"), `${lines[0]}\n${rows.join("\n")}\n`);
    await runWorkbench(dir, ["evaluate", "--predictions", "kept.csv", "--bootstrap", "0", "--out", "kept.json"]);
    const evaluated = JSON.parse(readFileSync(join(dir, "kept.json"), "utf8")) as Evaluation;

    const {page, problems} = await open("/explore");
    await page.waitForSelector("#explore-headline td[data-cohort]");
    const inputs = page.locator("#filter-age input[type=number]");
    assert.equal(await inputs.count(), 2, "the age filter has no two number boxes");
    await inputs.nth(0).fill(String(low));
    await inputs.nth(1).fill(String(high));
    const patientsKept = new Set(rows.map((line) => line.split(",").slice(0, 2).join())).size;
    await page.waitForFunction(
      (n) => document.querySelector("#kept-patients")?.getAttribute("data-value") === String(n),
      patientsKept,
      {timeout: 20000},
    );
    const cohortsShown = await page
      .locator("#explore-headline td[data-cohort]")
      .evaluateAll((tds) => tds.map((td) => td.getAttribute("data-cohort") ?? ""));
    assert.ok(cohortsShown.length > 0, "no cohort left after the age filter");
    for (const cohort of cohortsShown) {
      const want = evaluated.cohorts[cohort]?.patient.objectiveResponse.auc;
      assert.ok(typeof want === "number", `evaluate gives no AUC for ${cohort}`);
      const shown = await headlineAuc(page, cohort, want);
      assert.ok(Math.abs(shown - want) < 1e-12, `${cohort}: page ${shown} vs evaluate ${want}`);
    }
    // The filter is in the address: the range as "min_max".
    assert.match(decodeURIComponent(page.url()), /f\.age=50_70/);
    await closeClean(page, problems, "/explore");
  });

  it("a cohort filter in the URL opens that view, with the cohort's AUC of metrics.json", async () => {
    const cohort = cohorts.cohorts.find((c) => c !== cohorts.trainingCohort) ?? cohorts.trainingCohort;
    const {page, problems} = await open(`/explore?${new URLSearchParams({"f.cohort": JSON.stringify([cohort])})}`);
    await page.waitForSelector("#explore-headline td[data-cohort]");
    const shownCohorts = await page
      .locator("#explore-headline td[data-cohort]")
      .evaluateAll((tds) => tds.map((td) => td.getAttribute("data-cohort")));
    assert.deepEqual(shownCohorts, [cohort]);
    const want = metrics.protocols[protocol.primary].cohorts[cohort]?.patient.objectiveResponse.auc;
    assert.ok(typeof want === "number");
    assert.ok(Math.abs((await headlineAuc(page, cohort, want)) - want) < 1e-12);
    await closeClean(page, problems, "/explore?f.cohort");
  });

  it("the subgroup forest plot, its test and the table of every declared variable render", async () => {
    const {page, problems} = await open("/explore");
    await page.waitForSelector("#subgroup-forest svg", {timeout: 20000});
    assert.ok((await page.locator("#subgroup-forest svg .mark-symbol path, #subgroup-forest svg path").count()) > 0);
    assert.match((await page.locator("#subgroup-test").textContent()) ?? "", /Cochran's Q|No test of heterogeneity/);
    const variables = await page.locator("#subgroup-table tbody tr").count();
    assert.ok(variables >= cohorts.clinicalColumns.length, `${variables} subgroup rows`);
    // Another variable redraws the plot.
    const options = await page.locator("#subgroup-variable select option").count();
    if (options > 1) {
      await page.locator("#subgroup-variable select").selectOption({index: 1});
      await page.waitForSelector("#subgroup-forest svg");
    }
    await closeClean(page, problems, "/explore subgroups");
  });

  it("the notebook example reads the run through runData and recomputes its statistics", async () => {
    const {page, problems} = await open("/notebook-example");
    await page.waitForSelector("#notebook-count");
    const patients = new Set(
      protocolPredictionsCsv(protocol.primary)
        .csv.trimEnd()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",").slice(0, 2).join()),
    ).size;
    assert.match(
      (await page.locator("#notebook-count").textContent()) ?? "",
      new RegExp(`^${patients} analysed patients`),
    );
    await page.waitForSelector("#notebook-by-cohort table");
    await closeClean(page, problems, "/notebook-example");
  });
});
