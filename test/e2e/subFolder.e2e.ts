// Issue #25: the built site works from a sub-folder of a web server with no build option (every link Framework
// writes is relative), and a permalink copied there opens the same view there.
import assert from "node:assert/strict";
import {mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import type {Page} from "playwright-core";
import {closeClean, dist, useBuiltSite} from "./builtSite.js";

const selected = (page: Page, selector: string) =>
  page.locator(selector).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? "");

describe("permalinks from a sub-folder of the web server (issue #25)", () => {
  // The build served under /tace/ (a link to dist/ inside a temporary root), as a web server's sub-folder would.
  const root = mkdtempSync(join(tmpdir(), "workbench-subfolder-"));
  after(() => rmSync(root, {recursive: true, force: true}));
  const {open} = useBuiltSite(
    () => symlinkSync(dist, join(root, "tace"), "dir"),
    () => root,
  );

  it("the page, its permalink and its links stay under the sub-folder", async () => {
    const a = await open("/tace/discrimination");
    await a.page.waitForSelector("#auc-table td[data-class='CR']");
    const current = await selected(a.page, "#cohort-select select");
    const labels = await a.page
      .locator("#cohort-select option")
      .evaluateAll((options) => options.map((o) => o.textContent?.trim() ?? ""));
    const cohort = labels.find((l) => l !== current);
    assert.ok(cohort, "only one cohort");
    await a.page.locator("#cohort-select select").selectOption({label: cohort});
    await a.page.waitForFunction((c: string) => new URLSearchParams(location.search).get("cohort") === c, cohort);
    const link = await a.page.evaluate(() => `${location.pathname}${location.search}`);
    assert.match(link, /^\/tace\/discrimination\?/);
    const b = await open(link);
    await b.page.waitForSelector("#auc-table td[data-class='CR']");
    assert.equal(await selected(b.page, "#cohort-select select"), cohort);
    const sidebar = await b.page
      .locator("#observablehq-sidebar a")
      .evaluateAll((links) => links.map((l) => new URL((l as HTMLAnchorElement).href).pathname));
    assert.ok(sidebar.length > 0 && sidebar.every((p) => p.startsWith("/tace/")), sidebar.join(", "));
    await closeClean(b.page, b.problems, "/tace/discrimination (opened from the link)");
    await closeClean(a.page, a.problems, "/tace/discrimination");
  });
});
