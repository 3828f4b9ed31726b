// `workbench report` end to end: builds a site from examples/predictions.csv into a temporary folder, serves it, and
// checks in Chromium that the Discrimination, Objective response and Clinical utility pages show exactly the numbers
// `workbench evaluate` writes for the same file, that the Gallery and Training pages say why they are empty, and that
// the provenance names the CSV and its sha256. The build takes about 30 s on 2 cores.
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import type {Page} from "playwright-core";
import {runCli} from "../../loaders/cli/main.js";
import type {OutcomeBlocks} from "../../src/components/outcomes/evaluateOutcomes.js";
import type {Evaluation} from "../../src/components/stats/evaluatePredictions.js";
import {type Browser, chromiumPath, launchBrowser, type PageProblems} from "./browser.js";
import {openPage} from "./builtSite.js";
import {type DistServer, serveDist} from "./serveDist.js";

const example = join(process.cwd(), "examples", "predictions.csv");
const readers = join(process.cwd(), "examples", "readers.csv");
const survival = join(process.cwd(), "examples", "survival.csv");

describe("workbench report on examples/predictions.csv", () => {
  let dir: string;
  let server: DistServer;
  let browser: Browser;
  let evaluated: Evaluation & OutcomeBlocks;
  const log: string[] = [];

  before(async () => {
    const executable = chromiumPath();
    assert.ok(executable, "Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)");
    dir = mkdtempSync(join(tmpdir(), "workbench-report-"));
    const io = {stdout: (t: string) => log.push(t), stderr: (t: string) => log.push(t), cwd: dir};
    assert.equal(
      await runCli(
        ["report", "--predictions", example, "--readers", readers, "--survival", survival].concat([
          "--out",
          "site",
          "--patient-ids",
          "as-is",
        ]),
        io,
      ),
      0,
      log.join(""),
    );
    assert.equal(
      await runCli(
        ["evaluate", "--predictions", example, "--readers", readers, "--survival", survival, "--out", "metrics.json"],
        io,
      ),
      0,
      log.join(""),
    );
    evaluated = JSON.parse(readFileSync(join(dir, "metrics.json"), "utf8")) as Evaluation & OutcomeBlocks;
    server = await serveDist(join(dir, "site"));
    browser = await launchBrowser(executable);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  const open = (path: string) => openPage(browser, server, path);
  function clean(problems: PageProblems): void {
    assert.deepEqual(problems.externalRequests, []);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
  }
  const cohortOf = (page: Page, select: string) =>
    page.$eval(`${select} select`, (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
  // The example file has one row per patient: no page may offer a patch level it has no results for.
  const levelOptions = (page: Page, select: string) =>
    page.$$eval(`${select} option`, (options) => options.map((o) => o.textContent ?? ""));

  it("Discrimination: per-class AUCs equal evaluate's", async () => {
    const {page, problems} = await open("/discrimination");
    await page.waitForSelector("#auc-table td[data-auc]");
    const cohort = await cohortOf(page, "#cohort-select");
    assert.deepEqual(await levelOptions(page, "#level-select"), ["patient"]);
    const shown = await page.$$eval("#auc-table td[data-auc]", (cells) =>
      cells.map((c) => [c.getAttribute("data-class"), c.getAttribute("data-auc")]),
    );
    const expected = evaluated.cohorts[cohort]?.patient;
    assert.ok(expected);
    assert.equal(shown.length, 4);
    for (const [label, auc] of shown)
      assert.equal(auc === "" ? null : Number(auc), expected.perClass[label as "CR"].auc, label ?? "");
    const footer = await page.locator(".provenance").first().innerText();
    const sha = createHash("sha256").update(readFileSync(example)).digest("hex");
    assert.match(footer, /predictions predictions\.csv/);
    assert.ok(footer.includes(sha.slice(0, 12)), footer);
    clean(problems);
    await page.close();
  });

  it("Objective response: Mann–Whitney W and p equal evaluate's", async () => {
    const {page, problems} = await open("/objective-response");
    await page.waitForSelector("#mw-W");
    const cohort = await cohortOf(page, "#or-cohort-select");
    assert.deepEqual(await levelOptions(page, "#or-level-select"), ["patient"]);
    assert.match(await page.locator("#or-roc-patch").innerText(), /No patch-level predictions/);
    const W = Number(await page.getAttribute("#mw-W", "data-value"));
    const p = Number(await page.getAttribute("#mw-p", "data-value"));
    const expected = evaluated.cohorts[cohort]?.patient.objectiveResponse.mannWhitney;
    assert.ok(expected);
    assert.equal(W, expected.W);
    assert.equal(p, expected.p);
    clean(problems);
    await page.close();
  });

  it("Clinical utility: calibration and net benefit equal evaluate's", async () => {
    const {page, problems} = await open("/clinical-utility");
    await page.waitForSelector("#cal-brier");
    const cohort = await cohortOf(page, "#dca-cohort-select");
    assert.deepEqual(await levelOptions(page, "#dca-level-select"), ["patient"]);
    const or = evaluated.cohorts[cohort]?.patient.objectiveResponse;
    assert.ok(or);
    assert.equal(Number(await page.getAttribute("#cal-brier", "data-value")), or.calibration.brier);
    assert.equal(Number(await page.getAttribute("#cal-slope", "data-value")), or.calibration.slope);
    const nb = await page.$$eval("#dca-table tbody tr", (rows) =>
      rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)),
    );
    for (const [threshold, netBenefit] of nb) {
      const point: (typeof or.decisionCurve)[number] | undefined = or.decisionCurve.find(
        (d) => Math.abs(d.threshold - Number(threshold)) < 1e-9,
      );
      assert.ok(point, `threshold ${threshold}`);
      assert.equal(netBenefit, point.netBenefit.toFixed(4));
    }
    clean(problems);
    await page.close();
  });

  it("Gallery and Training say why they are empty", async () => {
    for (const path of ["/gallery", "/training"]) {
      const {page, problems} = await open(path);
      const text = await (await page.waitForSelector("#empty-reason")).innerText();
      assert.match(text, /predictions file predictions\.csv alone/);
      clean(problems);
      await page.close();
    }
  });
  it("Readers and Survival: the report's readers' and survival files give the numbers evaluate writes", async () => {
    const readersPage = await open("/readers");
    await readersPage.page.waitForSelector("#reader-pairs td[data-pair]");
    const fleiss = Number(await readersPage.page.locator("#fleiss").getAttribute("data-value"));
    assert.ok(Math.abs(fleiss - (evaluated.readers?.fleissKappa.kappa ?? Number.NaN)) < 1e-12, `Fleiss ${fleiss}`);
    clean(readersPage.problems);
    await readersPage.page.close();
    const survivalPage = await open("/survival");
    await survivalPage.page.waitForSelector("#km-chart svg");
    const cell = survivalPage.page.locator("#survival-table td[data-cohort][data-value]").first();
    const cohort = (await cell.getAttribute("data-cohort")) as string;
    const hr = Number(await cell.getAttribute("data-value"));
    const expected = evaluated.survival?.os?.[cohort]?.coxGroup?.hr;
    assert.ok(expected !== undefined && Math.abs(hr - expected) < 1e-9, `${cohort}: HR ${hr} vs ${expected}`);
    // No study file: no unit is assumed, and the page says the endpoints are not described.
    assert.match((await survivalPage.page.locator("main").textContent()) ?? "", /time unit unknown/);
    clean(survivalPage.problems);
    await survivalPage.page.close();
  });
});
