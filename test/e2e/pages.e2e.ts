// Content checks of the report pages on the built demo site: real content, not just the absence of errors.
import assert from "node:assert/strict";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import type {Page} from "playwright-core";
import type {MetricsArtifact} from "../../src/components/artifacts.js";
import {type Browser, chromiumPath, launchBrowser, watchPage} from "./browser.js";
import {type DistServer, serveDist} from "./serveDist.js";

const dist = join(process.cwd(), "dist");

/** The built metrics artifact (what `workbench evaluate` writes for the same predictions). */
function builtMetrics(): MetricsArtifact {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => /^metrics\.[0-9a-f]+\.json$/.test(f));
  assert.ok(file, `no metrics.*.json in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as MetricsArtifact;
}

describe("report pages", () => {
  let server: DistServer;
  let browser: Browser;

  before(async () => {
    const executable = chromiumPath();
    assert.ok(existsSync(join(dist, "index.html")), "dist/ is missing: run `npm run build` first");
    assert.ok(executable, "Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)");
    server = await serveDist(dist);
    browser = await launchBrowser(executable);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    await watchPage(page);
    await page.goto(`${server.url}${path}`, {waitUntil: "networkidle"});
    return page;
  }

  it("every page says it shows the synthetic demo study", async () => {
    for (const path of ["/", "/protocol"]) {
      const page = await open(path);
      await page.waitForSelector("#demo-banner");
      assert.match((await page.locator("#demo-banner").textContent()) ?? "", /synthetic/i, path);
      await page.close();
    }
  });

  it("protocol: the methods table lists the paper's value beside ours and the run's provenance", async () => {
    const page = await open("/protocol");
    await page.waitForSelector("#protocol-table tbody tr");
    const rows = await page.locator("#protocol-table tbody tr").count();
    assert.ok(rows >= 25, `${rows} rows`);
    assert.match((await page.locator("#protocol-table").textContent()) ?? "", /Learning rate[\s\S]*0\.0001/);
    await page.close();
  });

  it("metrics.json holds both protocols for every cohort", () => {
    const metrics = builtMetrics();
    for (const protocol of ["paper", "corrected"] as const) {
      const cohorts = Object.keys(metrics.protocols[protocol].cohorts);
      assert.deepEqual(cohorts.sort(), ["NFH", "SYUCC", "ZHHAJU"], protocol);
    }
  });
});
