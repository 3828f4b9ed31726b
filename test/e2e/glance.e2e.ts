// Issue #24, read at a glance: the home page answers (the external cohorts' headline numbers, equal to metrics.json),
// and no page is wider than a 390 px phone screen.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {MetricsArtifact, ProtocolArtifact} from "../../src/components/artifacts.js";
import {builtArtifact, builtPages} from "./builtArtifacts.js";
import {closeClean, dist, useBuiltSite} from "./builtSite.js";

describe("read at a glance (issue #24)", () => {
  let metrics: MetricsArtifact;
  let protocol: ProtocolArtifact;
  const {open} = useBuiltSite(() => {
    metrics = JSON.parse(builtArtifact(dist, "metrics", "json")) as MetricsArtifact;
    protocol = JSON.parse(builtArtifact(dist, "protocol", "json")) as ProtocolArtifact;
  });

  it("the home page shows each external cohort's objective-response AUC under both protocols, as metrics.json", async () => {
    const {page, problems} = await open("/");
    await page.waitForSelector("#home-headline td[data-cohort]");
    const shown = await page
      .locator("#home-headline td[data-cohort]")
      .evaluateAll((tds) =>
        tds.map(
          (td) =>
            [
              td.getAttribute("data-cohort"),
              td.getAttribute("data-protocol"),
              Number(td.getAttribute("data-value")),
            ] as const,
        ),
      );
    const training = protocol.config.cohorts.training;
    const expected = Object.entries(metrics.protocols).flatMap(([p, e]) =>
      Object.keys(e.cohorts)
        .filter((c) => c !== training)
        .map((c) => [c, p] as const),
    );
    assert.equal(shown.length, expected.length);
    for (const [cohort, p, value] of shown) {
      const auc =
        metrics.protocols[p as keyof MetricsArtifact["protocols"]].cohorts[cohort as string]?.patient?.objectiveResponse
          .auc;
      assert.ok(
        auc !== undefined && auc !== null && Math.abs(value - auc) < 1e-12,
        `${cohort} ${p}: ${value} vs ${auc}`,
      );
    }
    // Every page of the site is linked from the home page.
    const links = await page.locator("main a[href^='./']").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const pages = builtPages()
      .filter((p) => p !== "/index")
      .map((p) => `.${p}`);
    assert.deepEqual(
      pages.filter((p) => !links.includes(p)),
      [],
      "pages the home page does not link",
    );
    await closeClean(page, problems, "/");
  });

  it("no page is wider than a 390 px screen", async () => {
    const wide: string[] = [];
    for (const path of builtPages().map((p) => (p === "/index" ? "/" : p))) {
      const {page} = await open(path);
      await page.setViewportSize({width: 390, height: 844});
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width} px`);
      await page.close();
    }
    assert.deepEqual(wide, []);
  });
});
