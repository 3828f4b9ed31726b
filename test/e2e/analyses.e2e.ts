// The pages beyond the paper (issue #14): Clinical baseline, Across centres and TRIPOD+AI render their tables and
// figures from the build, and a ΔAUC (image − clinical) shown on Clinical baseline equals what `workbench evaluate
// --clinical` computes from the built cohorts' clinical rows and the corrected protocol's predictions.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import type {ClinicalEvaluation} from "../../loaders/clinicalBaseline/evaluateClinical.js";
import type {AcrossCentresArtifact, ClinicalBaselineArtifact} from "../../src/components/analysis/analysisArtifacts.js";
import type {Availability} from "../../src/components/analysis/availability.js";
import type {CohortsArtifact} from "../../src/components/artifacts.js";
import type {ClaimItem} from "../../src/components/claim/claimChecklist.js";
import type {TripodItem} from "../../src/components/tripod/tripodChecklist.js";
import {builtArtifact} from "./builtArtifacts.js";
import {closeClean, dist, protocolPredictionsCsv, runWorkbench, useBuiltSite} from "./builtSite.js";

/** A CSV cell as the workbench's readers take it back (no formula guard is needed: ids and values are plain). */
const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

describe("beyond the paper", () => {
  let beyond: ClinicalBaselineArtifact;
  let across: AcrossCentresArtifact;
  let cohorts: CohortsArtifact;

  /** An analysis's data file, which must be available in the demo build. */
  function analysis<T>(name: string): T {
    const data = JSON.parse(builtArtifact(dist, name, "json")) as Availability<T>;
    assert.ok(
      data.status === "ok",
      `${name} is not available in the build: ${data.status === "ok" ? "" : data.reason}`,
    );
    return data.value;
  }

  const {open} = useBuiltSite(() => {
    beyond = analysis<ClinicalBaselineArtifact>("clinical-baseline");
    across = analysis<AcrossCentresArtifact>("across-centres");
    cohorts = JSON.parse(builtArtifact(dist, "cohorts", "json")) as CohortsArtifact;
  });

  it("clinical baseline: the ΔAUC image − clinical on the page equals `workbench evaluate --clinical`", async () => {
    const clinical = beyond.clinical;
    const {page, problems} = await open("/clinical-baseline");
    await page.waitForSelector("#delta-auc-table td[data-value]");
    for (const id of ["#clinical-auc-table", "#lrt-table", "#clinical-missing-table"]) {
      assert.ok((await page.locator(`${id} tbody tr`).count()) >= 1, id);
    }
    await page.waitForSelector("#delta-nb-chart svg");
    const cohort = clinical.cohorts[0]?.cohort;
    assert.ok(cohort, "no external cohort in the clinical comparison");
    const shown = Number(
      await page
        .locator(`#delta-auc-table td[data-comparison="image-clinical"][data-cohort="${cohort}"]`)
        .getAttribute("data-value"),
    );
    assert.ok(Number.isFinite(shown), "no ΔAUC on the page");
    await closeClean(page, problems, "/clinical-baseline");

    // clinical.csv from the built cohorts' clinical rows; predictions from the corrected protocol's rows.
    const dir = mkdtempSync(join(tmpdir(), "workbench-clinical-"));
    const columns = cohorts.clinicalColumns;
    writeFileSync(
      join(dir, "clinical.csv"),
      `${["patient_id", "cohort", ...columns].join(",")}\n${cohorts.clinical
        .map((r) => [r.patient_id, r.cohort, ...columns.map((c) => r[c])].map(cell).join(","))
        .join("\n")}\n`,
    );
    const predictions = protocolPredictionsCsv(beyond.protocol);
    assert.ok(predictions.rows > 0, `no ${beyond.protocol} rows in predictions.csv`);
    writeFileSync(join(dir, "preds.csv"), predictions.csv);
    await runWorkbench(dir, [
      "evaluate",
      "--predictions",
      "preds.csv",
      "--clinical",
      "clinical.csv",
      "--train-cohort",
      clinical.trainingCohort,
      "--seed",
      String(beyond.seed),
      "--ci-level",
      String(beyond.ciLevel),
      "--bootstrap",
      "20",
      "--out",
      "clinical.json",
    ]);
    const result = JSON.parse(readFileSync(join(dir, "clinical.json"), "utf8")) as {clinical: ClinicalEvaluation};
    const evaluated = result.clinical.comparison.cohorts.find((c) => c.cohort === cohort);
    const difference = evaluated?.imageVsClinical?.difference;
    assert.ok(difference !== undefined, `no image − clinical ΔAUC for ${cohort} from evaluate`);
    assert.ok(Math.abs(shown - difference) < 1e-9, `page ${shown} vs evaluate ${difference}`);
  });

  it("across centres: the centre × metric table, the pooled estimates and the three forest plots", async () => {
    const {page, problems} = await open("/across-centres");
    await page.waitForSelector("#centre-table tbody tr");
    // One row per left-out centre, then the pooled random-effects row.
    assert.equal(await page.locator("#centre-table tbody tr").count(), across.acrossCentres.centres.length + 1);
    assert.match((await page.locator("#centre-table tbody tr").last().textContent()) ?? "", /^Pooled \(random effects/);
    assert.ok(across.acrossCentres.centres.length >= 3, "the demo has three centres, so three folds");
    assert.equal(await page.locator("#pooled-table tbody tr").count(), across.acrossCentres.pooled.length);
    for (const id of ["#forest-auc", "#forest-accuracy", "#forest-citl", "#forest-slope"]) {
      await page.waitForSelector(`${id} svg`);
    }
    assert.ok((await page.locator("#ordinal-table tbody tr").count()) >= 1);
    await closeClean(page, problems, "/across-centres");
  });

  it("TRIPOD+AI: one row per checklist sub-item, each linked or not reported, as data/tripod.json says", async () => {
    const items = JSON.parse(builtArtifact(dist, "tripod", "json")) as TripodItem[];
    const {page, problems} = await open("/tripod-ai");
    await page.waitForSelector("#tripod-table tbody tr");
    assert.equal(items.length, 52);
    assert.equal(await page.locator("#tripod-table tbody tr").count(), items.length);
    const statuses = await page
      .locator("#tripod-table td[data-status]")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-status")));
    assert.deepEqual(
      statuses,
      items.map((i) => i.status),
    );
    assert.equal(await page.locator("#tripod-table tbody a").count(), items.filter((i) => i.link !== null).length);
    assert.match((await page.locator("#tripod-summary").textContent()) ?? "", /^52 items and sub-items: /);
    await closeClean(page, problems, "/tripod-ai");
  });

  it("CLAIM 2024: one row per checklist item, each linked or not reported, as data/claim.json says", async () => {
    const items = JSON.parse(builtArtifact(dist, "claim", "json")) as ClaimItem[];
    const {page, problems} = await open("/claim");
    await page.waitForSelector("#claim-table tbody tr");
    assert.equal(items.length, 44);
    assert.equal(await page.locator("#claim-table tbody tr").count(), items.length);
    const statuses = await page
      .locator("#claim-table td[data-status]")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-status")));
    assert.deepEqual(
      statuses,
      items.map((i) => i.status),
    );
    assert.equal(await page.locator("#claim-table tbody a").count(), items.filter((i) => i.link !== null).length);
    const count = (s: string) => items.filter((i) => i.status === s).length;
    assert.equal(
      (await page.locator("#claim-summary").textContent()) ?? "",
      `44 items: ${count("reported")} reported, ${count("partly")} partly, ${count("not reported")} not reported.`,
    );
    await closeClean(page, problems, "/claim");
  });
});
