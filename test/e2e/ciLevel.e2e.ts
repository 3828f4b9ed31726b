// Issue #22: the configured CI level everywhere. The demo built with {"evaluation": {"ciLevel": 0.9}} as its study file
// (a private copy of the site, built beside dist/ and sharing its artifact cache) says 90% wherever it names a level,
// and no page's rendered text says 95%.
import assert from "node:assert/strict";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {before, describe, it} from "node:test";
import {buildSiteCopy} from "../../loaders/site/buildReportSite.js";
import config from "../../observablehq.config.js";
import {closeClean, useBuiltSite} from "./builtSite.js";

describe("a 90% build", () => {
  const dir = mkdtempSync(join(tmpdir(), "workbench-ci90-"));
  const out = join(dir, "site");
  before(
    async () => {
      const study = join(dir, "study.json");
      writeFileSync(study, JSON.stringify({evaluation: {ciLevel: 0.9}}));
      const lines: string[] = [];
      await buildSiteCopy({
        repo: process.cwd(),
        outDir: out,
        env: {WORKBENCH_STUDY: study},
        log: (line) => lines.push(line),
      }).catch((error: Error) => {
        throw new Error(`${error.message}\n${lines.slice(-30).join("\n")}`);
      });
    },
    {timeout: 20 * 60 * 1000},
  );
  const {open} = useBuiltSite(
    () => {},
    () => out,
  );

  it("no page's text names 95%, and the pages that name a level name 90%", async () => {
    const paths = ["/", ...config.pages.map((p) => p.path)];
    const named: string[] = [];
    for (const path of paths) {
      const {page, problems} = await open(path);
      // Every cell has rendered when Framework shows no loading placeholder any more.
      await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, {
        timeout: 60000,
      });
      const text = await page.evaluate(() => document.body.innerText);
      assert.doesNotMatch(text, /95\s*%/, `${path} names 95%`);
      if (/90\s*%/.test(text)) named.push(path);
      await closeClean(page, problems, path);
    }
    for (const path of ["/discrimination", "/objective-response", "/clinical-utility", "/paper-vs-corrected"])
      assert.ok(named.includes(path), `${path} names no 90% level`);
  });
});
