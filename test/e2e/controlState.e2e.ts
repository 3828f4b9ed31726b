// Issue #24's state bug: switching the protocol redrew the cohort and level selects with their defaults, so a reader
// comparing protocols compared different cohorts. On every page with a protocol and a cohort, the cohort and level a
// reader chose must survive the switch.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {Page} from "playwright-core";
import {closeClean, useBuiltSite} from "./builtSite.js";

const selected = (page: Page, selector: string) =>
  page.locator(selector).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? "");

/** Chooses in a select the first option other than the current one; returns its label. */
async function chooseOther(page: Page, selector: string): Promise<string> {
  const labels = await page
    .locator(`${selector} option`)
    .evaluateAll((options) => options.map((o) => o.textContent?.trim() ?? ""));
  const current = await selected(page, selector);
  const other = labels.find((l) => l !== current);
  assert.ok(other, `${selector}: only one option`);
  await page.locator(selector).selectOption({label: other});
  return other;
}

/** Clicks the protocol radio that is not checked. */
async function switchProtocol(page: Page): Promise<void> {
  const radios = page.locator('form:has(input[type="radio"]) input[type="radio"]');
  const n = await radios.count();
  assert.ok(n >= 2, "no protocol choice on the page");
  for (let i = 0; i < n; i++) {
    if (!(await radios.nth(i).isChecked())) {
      await radios.nth(i).check();
      return;
    }
  }
}

describe("controls keep their state when the protocol changes (issue #24)", () => {
  const {open} = useBuiltSite();

  for (const [path, cohort, level] of [
    ["/discrimination", "#cohort-select select", "#level-select select"],
    ["/objective-response", "#or-cohort-select select", "#or-level-select select"],
    ["/clinical-utility", "#dca-cohort-select select", "#dca-level-select select"],
  ] as const) {
    it(`${path}: cohort and level survive a protocol switch`, async () => {
      const {page, problems} = await open(path);
      await page.waitForSelector(cohort);
      const chosenCohort = await chooseOther(page, cohort);
      const levels = await page.locator(`${level} option`).count();
      const chosenLevel = levels > 1 ? await chooseOther(page, level) : await selected(page, level);
      await switchProtocol(page);
      // The redrawn selects (new elements) must start from the reader's choice.
      // No helper function inside the page function: tsx would wrap it in a __name() call the page does not have.
      await page.waitForFunction(
        (want: string[]) =>
          (
            document.querySelector(want[0] ?? "") as HTMLSelectElement | null
          )?.selectedOptions[0]?.textContent?.trim() === want[2] &&
          (
            document.querySelector(want[1] ?? "") as HTMLSelectElement | null
          )?.selectedOptions[0]?.textContent?.trim() === want[3],
        [cohort, level, chosenCohort, chosenLevel],
        {timeout: 5000},
      );
      assert.equal(await selected(page, cohort), chosenCohort);
      assert.equal(await selected(page, level), chosenLevel);
      await closeClean(page, problems, path);
    });
  }
});
