// "Your predictions" in Chromium: a CSV chosen through the page's file input (playwright setInputFiles) is evaluated
// in the page's Web Worker; the per-class AUCs shown equal `workbench evaluate`'s for the same file, a malformed file
// gets a message with its line number, no request leaves the page, and a 20k-patient file evaluates while the page
// keeps answering (the time is printed, not asserted). WORKBENCH_E2E_DIST points the suite at another built site
// (e.g. a `workbench report` output); the default is dist/.
import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import type {Page} from "playwright-core";
import {readPredictionsCsv} from "../../src/components/predictions/readPredictionsCsv.js";
import {evaluatePredictions} from "../../src/components/stats/evaluatePredictions.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {type Browser, chromiumPath, launchBrowser, type PageProblems, watchPage} from "./browser.js";
import {type DistServer, serveDist} from "./serveDist.js";

const dist = process.env.WORKBENCH_E2E_DIST || join(process.cwd(), "dist");
const example = join(process.cwd(), "examples", "predictions.csv");

/** A seeded 20k-patient file in two cohorts (probabilities in thousandths, summing to 1 exactly). */
function bigCsv(patients: number): string {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const lines = ["patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD"];
  for (let i = 0; i < patients; i++) {
    const a = Math.floor(next() * 400);
    const b = Math.floor(next() * 300);
    const c = Math.floor(next() * 200);
    const d = 1000 - a - b - c;
    lines.push(
      `Q${i},${i % 2 ? "North" : "South"},${ResponseLabels[Math.floor(next() * 4)]},${a / 1000},${b / 1000},${c / 1000},${d / 1000}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

describe("Your predictions page", () => {
  let server: DistServer;
  let browser: Browser;

  before(async () => {
    const executable = chromiumPath();
    assert.ok(existsSync(join(dist, "your-predictions.html")), `${dist}/your-predictions.html is missing: build first`);
    assert.ok(executable, "Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)");
    server = await serveDist(dist);
    browser = await launchBrowser(executable);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(): Promise<{page: Page; problems: PageProblems; requests: string[]}> {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
    await page.goto(`${server.url}/your-predictions`, {waitUntil: "networkidle"});
    await page.waitForSelector("#predictions-file input[type=file]");
    return {page, problems, requests};
  }

  function clean(problems: PageProblems): void {
    assert.deepEqual(problems.externalRequests, [], "requests left the page");
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.failedRequests, []);
  }

  it("says nothing leaves the browser", async () => {
    const {page, problems} = await open();
    assert.match(await page.locator("#privacy-note").innerText(), /Nothing leaves your browser/);
    clean(problems);
    await page.close();
  });

  it("shows the per-class AUCs workbench evaluate computes for the same file, with no request carrying it", async () => {
    const {page, problems, requests} = await open();
    const before = requests.length;
    await page.setInputFiles("#predictions-file input[type=file]", example);
    await page.waitForSelector("#your-auc-table td[data-auc]", {timeout: 120_000});
    const shown = await page.$$eval("#your-auc-table td[data-auc]", (cells) =>
      cells.map((c) => [c.getAttribute("data-class"), c.getAttribute("data-auc")]),
    );
    const cohort = await page.$eval(
      "#your-cohort select",
      (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "",
    );
    const {rows} = readPredictionsCsv(readFileSync(example, "utf8"), "predictions.csv");
    const expected = evaluatePredictions(rows, {bootstrap: 1000, seed: 1, ciLevel: 0.95}).cohorts[cohort]?.patient;
    assert.ok(expected, `no evaluation of cohort ${cohort}`);
    for (const [label, auc] of shown) {
      const want: number | null = expected.perClass[label as (typeof ResponseLabels)[number]].auc;
      assert.equal(auc === "" ? null : Number(auc), want, `AUC of ${label} in ${cohort}`);
    }
    assert.equal(shown.length, 4);
    // The file reaches the worker by postMessage: after choosing it, only the worker's own module may be fetched.
    const after = requests
      .slice(before)
      .filter((r) => !/^GET .*\/_file\/data\/predictions-worker\.[0-9a-f]+\.js$/.test(r));
    assert.deepEqual(after, [], "requests made after the file was chosen");
    clean(problems);
    await page.close();
  });

  it("refuses a malformed CSV with its line number", async () => {
    const {page, problems} = await open();
    const text = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\nA1,X,CR,0.7,0.1,0.1,0.1\nA2,X,PR,0x1,0,0,0\n";
    await page.setInputFiles("#predictions-file input[type=file]", {
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(text),
    });
    const message = await (await page.waitForSelector("#upload-error", {timeout: 60_000})).innerText();
    assert.match(message, /line 3 \(patient A2\): p_CR must be a plain decimal number, not "0x1"/);
    clean(problems);
    await page.close();
  });

  it("evaluates a 20k-patient file in the worker while the page keeps answering", async () => {
    const {page, problems} = await open();
    await page.fill("#your-replicates input[type=number]", "200");
    await page.locator("#your-replicates input[type=number]").dispatchEvent("input");
    const started = Date.now();
    await page.setInputFiles("#predictions-file input[type=file]", {
      name: "big.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(bigCsv(20_000)),
    });
    let slowest = 0;
    let progressSeen = false;
    while (!(await page.locator("#upload-done").count())) {
      const t0 = Date.now();
      await page.evaluate(() => 1);
      slowest = Math.max(slowest, Date.now() - t0);
      progressSeen ||= (await page.locator("#upload-progress").count()) > 0;
      assert.ok(Date.now() - started < 600_000, "20k patients took over 10 minutes");
      await new Promise((r) => setTimeout(r, 250));
    }
    const ms = Number(await page.getAttribute("#upload-done", "data-ms"));
    process.stderr.write(
      `your-predictions: 20k patients, 200 replicates: ${(ms / 1000).toFixed(1)} s in the worker; slowest main-thread answer ${slowest} ms; progress shown: ${progressSeen}\n`,
    );
    await page.waitForSelector("#your-auc-table td[data-auc]");
    clean(problems);
    await page.close();
  });
});
