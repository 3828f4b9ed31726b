// Browser suite: serves the built dist/ on loopback, visits EVERY page in real Chromium and fails on any console
// error, page error, failed request, HTTP status ≥ 400, or request to a non-loopback host. Screenshots go to
// test-results/screenshots/ for review. Page-specific content checks live beside this file.
import assert from "node:assert/strict";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {identifyingDicomValues, realdata} from "../support/dicomSecrets.js";
import {type Browser, chromiumPath, launchBrowser, screenshotDir, watchPage} from "./browser.js";
import {builtPages} from "./builtArtifacts.js";
import {type DistServer, serveDist} from "./serveDist.js";

const dist = join(process.cwd(), "dist");

/** Console messages the site is allowed to print (none so far). */
const allowedConsole: RegExp[] = [];

describe("built site in Chromium", () => {
  let server: DistServer;
  let browser: Browser;
  const executable = chromiumPath();

  before(async () => {
    assert.ok(existsSync(join(dist, "index.html")), "dist/index.html is missing: run `npm run build` first");
    assert.ok(
      executable,
      "Chromium not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH",
    );
    server = await serveDist(dist);
    browser = await launchBrowser(executable);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = existsSync(dist) ? builtPages() : [];
  it("the build has the home page and the protocol page", () => {
    assert.ok(pages.includes("/index"), `pages: ${pages.join(", ")}`);
    assert.ok(pages.includes("/protocol"), `pages: ${pages.join(", ")}`);
  });

  it("no DICOM header value of the real samples appears anywhere in dist/", {
    skip: existsSync(realdata) ? false : `no real samples at ${realdata}`,
  }, () => {
    const dirs = [join(realdata, "dcmqi", "ct-3slice"), join(realdata, "hcc-tace-seg", "HCC048_portal_venous")].filter(
      (d) => existsSync(d),
    );
    const secrets = identifyingDicomValues(dirs);
    assert.ok(secrets.size >= 3);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, {withFileTypes: true})) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(dist);
    for (const file of files) {
      const text = readFileSync(file).toString("latin1");
      for (const [value, tag] of secrets)
        assert.ok(!text.includes(value), `${file} contains the DICOM ${tag} "${value}"`);
    }
  });

  for (const path of pages) {
    it(`${path} renders with no errors and no external requests`, async () => {
      const page = await browser.context.newPage();
      const problems = await watchPage(page);
      const response = await page.goto(`${server.url}${path === "/index" ? "/" : path}`, {waitUntil: "networkidle"});
      assert.equal(response?.status(), 200);
      await page.waitForSelector("#observablehq-main h1");
      // Framework renders a failed cell as an element with class observablehq--error.
      const cellErrors = await page.locator(".observablehq--error").allTextContents();
      await page.screenshot({
        path: join(screenshotDir(), `${path.slice(1).replaceAll("/", "_") || "index"}.png`),
        fullPage: true,
      });
      await page.close();
      const consoleErrors = problems.consoleErrors.filter((m) => !allowedConsole.some((re) => re.test(m)));
      assert.deepEqual(cellErrors, [], "cells failed to render");
      assert.deepEqual(consoleErrors, [], "console errors");
      assert.deepEqual(problems.pageErrors, [], "page errors");
      assert.deepEqual(problems.failedRequests, [], "failed requests");
      assert.deepEqual(problems.badStatuses, [], "HTTP statuses ≥ 400");
      assert.deepEqual(problems.externalRequests, [], "requests to non-loopback hosts");
    });
  }
});
