// Issue #25, permalinks: every page's controls are in its URL, so a link opens the view it was copied from. On every
// page with controls, one control (or a few) is changed, the address is read and opened in a fresh tab, and the fresh
// tab must show the same choice — and, where one is simple to read, the same number.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {Page} from "playwright-core";
import {closeClean, type OpenedPage, useBuiltSite} from "./builtSite.js";

const selected = (page: Page, selector: string) =>
  page.locator(selector).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? "");

/** Chooses in a select the first option other than the current one (or the one `pick` accepts); returns its label. */
async function chooseOther(page: Page, selector: string, pick?: (label: string) => boolean): Promise<string> {
  await page.waitForSelector(selector);
  const labels = await page
    .locator(`${selector} option`)
    .evaluateAll((options) => options.map((o) => o.textContent?.trim() ?? ""));
  const current = await selected(page, selector);
  const other = labels.find((l) => l !== current && (pick ? pick(l) : true));
  assert.ok(other, `${selector}: no other option than "${current}" among ${labels.join(", ")}`);
  await page.locator(selector).selectOption({label: other});
  return other;
}

/** The label of the checked radio under `selector` (Observable Inputs' radio values are indices; the label is the name). */
const checkedLabel = (page: Page, selector: string) =>
  page
    .locator(`${selector} input[type="radio"]:checked`)
    .first()
    .evaluate((input) => input.parentElement?.textContent?.trim() ?? "");

/** Checks the first radio under `selector` that is not checked; returns its label. */
async function checkOther(page: Page, selector: string): Promise<string> {
  const radios = page.locator(`${selector} input[type="radio"]`);
  await radios.first().waitFor();
  const n = await radios.count();
  assert.ok(n >= 2, `${selector}: only ${n} choice(s)`);
  for (let i = 0; i < n; i++) {
    if (!(await radios.nth(i).isChecked())) {
      await radios.nth(i).check();
      return (await radios.nth(i).evaluate((input) => input.parentElement?.textContent?.trim() ?? "")) as string;
    }
  }
  throw new Error(`${selector}: every radio is checked`);
}

const search = (page: Page) => page.evaluate(() => location.search);
const param = async (page: Page, key: string) => new URLSearchParams(await search(page)).get(key);

/** Waits until the address bar's `key` is no longer `before` (the page writes it with history.replaceState). */
async function paramChanged(page: Page, key: string, before: string | null): Promise<string> {
  await page.waitForFunction(
    (args: [string, string | null]) => new URLSearchParams(location.search).get(args[0]) !== args[1],
    [key, before] as [string, string | null],
    {timeout: 10000},
  );
  return (await param(page, key)) ?? "";
}

/** The page's address as a path for `open`: the path (with any sub-folder) and the query string. */
async function linkOf(page: Page): Promise<string> {
  return page.evaluate(() => `${location.pathname}${location.search}`);
}

async function closeBoth(a: OpenedPage, b: OpenedPage, label: string): Promise<void> {
  await closeClean(b.page, b.problems, `${label} (opened from the link)`);
  await closeClean(a.page, a.problems, label);
}

describe("permalinks: every control is in the URL, and the URL restores the view (issue #25)", () => {
  const {open} = useBuiltSite();

  it("/discrimination: cohort, level and CI method travel in the link, and the AUC cell is the same", async () => {
    const a = await open("/discrimination");
    await a.page.waitForSelector("#auc-table td[data-class='CR']");
    const cohortBefore = await param(a.page, "cohort");
    assert.ok(cohortBefore, `the page writes its cohort into the URL on load (search: ${await search(a.page)})`);
    const cohort = await chooseOther(a.page, "#cohort-select select");
    assert.equal(await paramChanged(a.page, "cohort", cohortBefore), cohort);
    // DeLong (or Obuchowski, should the study's own method be DeLong): a method whose URL name is known here.
    const ciBefore = await param(a.page, "ci");
    const [ciLabel, ciKey] = ciBefore === "delong" ? ["Obuchowski", "obuchowski"] : ["DeLong", "delong"];
    await chooseOther(a.page, "#ci-select select", (l) => l.startsWith(ciLabel));
    assert.equal(await paramChanged(a.page, "ci", ciBefore), ciKey);
    const levels = await a.page.locator("#level-select option").count();
    const level =
      levels > 1 ? await chooseOther(a.page, "#level-select select") : await selected(a.page, "#level-select select");
    const noun = level === "patch" ? "patches" : "patients";
    const settled = (page: Page) =>
      page.waitForFunction(
        (want: string[]) => {
          const text = document.querySelector("#n-rows")?.parentElement?.textContent ?? "";
          return text.includes(`in ${want[0]} ·`) && text.includes(` ${want[1]}`);
        },
        [cohort, noun],
        {timeout: 30000},
      );
    await settled(a.page);
    const link = await linkOf(a.page);
    assert.match(link, /^\/discrimination\?/);

    const b = await open(link);
    await settled(b.page);
    assert.equal(await selected(b.page, "#cohort-select select"), cohort);
    assert.equal(await selected(b.page, "#level-select select"), level);
    assert.ok((await selected(b.page, "#ci-select select")).startsWith(ciLabel));
    assert.equal(await checkedLabel(b.page, "form"), await checkedLabel(a.page, "form"), "protocol");
    const auc = (page: Page) => page.locator("#auc-table td[data-class='CR']").getAttribute("data-auc");
    const n = (page: Page) => page.locator("#n-rows").getAttribute("data-value");
    assert.equal(await auc(b.page), await auc(a.page), "the CR AUC of the view");
    assert.equal(await n(b.page), await n(a.page), "the number of patients or patches");
    await closeBoth(a, b, "/discrimination");
  });

  it("/discrimination: replicates, seed and the band choice travel too", async () => {
    const a = await open("/discrimination");
    await a.page.waitForSelector("#replicates-input input[type=number]");
    await a.page.fill("#replicates-input input[type=number]", "300");
    await a.page.locator("#replicates-input input[type=number]").dispatchEvent("input");
    await a.page.fill("#seed-input input", "17");
    await a.page.locator("#seed-input input").dispatchEvent("input");
    const band = await chooseOther(a.page, "#band-select select", (l) => l === "all");
    await a.page.waitForFunction(() => {
      const p = new URLSearchParams(location.search);
      return p.get("replicates") === "300" && p.get("seed") === "17" && p.get("band") === "all";
    });
    const b = await open(await linkOf(a.page));
    await b.page.waitForSelector("#band-select select");
    assert.equal(await b.page.locator("#replicates-input input[type=number]").inputValue(), "300");
    assert.equal(await b.page.locator("#seed-input input").inputValue(), "17");
    assert.equal(await selected(b.page, "#band-select select"), band);
    await closeBoth(a, b, "/discrimination replicates");
  });

  it("/discrimination: values that are not the controls' options open the defaults, without an error", async () => {
    const plain = await open("/discrimination");
    await plain.page.waitForSelector("#auc-table td[data-class='CR']");
    const defaults = {
      cohort: await selected(plain.page, "#cohort-select select"),
      level: await selected(plain.page, "#level-select select"),
      ci: await selected(plain.page, "#ci-select select"),
      replicates: await plain.page.locator("#replicates-input input[type=number]").inputValue(),
      seed: await plain.page.locator("#seed-input input").inputValue(),
    };
    const bad = await open(
      "/discrimination?cohort=Nowhere&level=bogus&ci=%3Cscript%3Ealert(1)%3C%2Fscript%3E&replicates=1e9&seed=abc&band=ZZ&protocol=%E0%A4%A",
    );
    await bad.page.waitForSelector("#auc-table td[data-class='CR']");
    assert.equal(await selected(bad.page, "#cohort-select select"), defaults.cohort);
    assert.equal(await selected(bad.page, "#level-select select"), defaults.level);
    assert.equal(await selected(bad.page, "#ci-select select"), defaults.ci);
    assert.equal(await bad.page.locator("#replicates-input input[type=number]").inputValue(), defaults.replicates);
    assert.equal(await bad.page.locator("#seed-input input").inputValue(), defaults.seed);
    // The address is corrected to the values shown, so copying it gives a link that means what the page shows.
    assert.equal(await param(bad.page, "cohort"), defaults.cohort);
    assert.equal(await param(bad.page, "band"), "CR");
    await closeBoth(plain, bad, "/discrimination with bad values");
  });

  it("/discrimination: the copy-link button copies the address, or shows it to copy by hand", async () => {
    const {page, problems} = await open("/discrimination");
    await page.waitForSelector("#copy-link");
    await page.locator("#copy-link").click();
    await page.waitForFunction(() => (document.querySelector(".copy-link-status")?.textContent ?? "") !== "");
    const status = (await page.locator(".copy-link-status").textContent()) ?? "";
    if (status !== "Link copied.") {
      assert.ok(await page.locator(".copy-link-field").isVisible(), status);
      assert.equal(await page.locator(".copy-link-field").inputValue(), page.url());
    }
    await closeClean(page, problems, "/discrimination copy link");
  });

  it("/objective-response: the threshold and the cohort travel, and the confusion counts are the same", async () => {
    const a = await open("/objective-response");
    await a.page.waitForSelector("#threshold-input input[type=number]");
    const cohort = await chooseOther(a.page, "#or-cohort-select select");
    await a.page.fill("#threshold-input input[type=number]", "0.3");
    await a.page.locator("#threshold-input input[type=number]").dispatchEvent("input");
    await a.page.waitForFunction((c: string) => {
      const p = new URLSearchParams(location.search);
      return p.get("threshold") === "0.3" && p.get("cohort") === c;
    }, cohort);
    const counts = (page: Page) =>
      page
        .locator("#or-confusion [data-count]")
        .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-count")).join(","));
    const b = await open(await linkOf(a.page));
    await b.page.waitForSelector("#or-confusion [data-count]");
    assert.equal(await selected(b.page, "#or-cohort-select select"), cohort);
    assert.equal(await b.page.locator("#threshold-input input[type=number]").inputValue(), "0.3");
    const expected = await counts(b.page);
    // The first tab redraws its matrix after the change; wait for it rather than read it mid-way.
    await a.page.waitForFunction(
      (want: string) =>
        [...document.querySelectorAll("#or-confusion [data-count]")]
          .map((c) => c.getAttribute("data-count"))
          .join(",") === want,
      expected,
      {timeout: 10000},
    );
    assert.equal(await counts(a.page), expected);
    await closeBoth(a, b, "/objective-response");
  });

  it("/clinical-utility: the cohort, kept through a protocol switch, and the protocol travel", async () => {
    const a = await open("/clinical-utility");
    await a.page.waitForSelector("#dca-cohort-select select");
    // The cohort first: the protocol switch redraws its select, which starts from the remembered cohort.
    const cohort = await chooseOther(a.page, "#dca-cohort-select select");
    const protocolBefore = await param(a.page, "protocol");
    const protocol = await checkOther(a.page, "form");
    await paramChanged(a.page, "protocol", protocolBefore);
    await a.page.waitForFunction((c: string) => new URLSearchParams(location.search).get("cohort") === c, cohort);
    const b = await open(await linkOf(a.page));
    await b.page.waitForSelector("#dca-cohort-select select");
    assert.equal(await checkedLabel(b.page, "form"), protocol);
    assert.equal(await selected(b.page, "#dca-cohort-select select"), cohort);
    await closeBoth(a, b, "/clinical-utility");
  });

  // Pages whose control is a select: [path, the select].
  for (const [path, selector] of [
    ["/clinical-baseline", "#dnb-cohort-select select"],
    ["/cohorts", "#geometry-cohort-select select"],
    ["/geometry", "#geometry-auc-select select"],
    ["/readers", "#readers-cohort-select select"],
    ["/protocol", "#section-select select"],
    ["/paper-vs-corrected", "#pvc-cohort-select select"],
  ] as const) {
    it(`${path}: the select travels in the link`, async () => {
      const a = await open(path);
      await a.page.waitForSelector(selector);
      const before = await search(a.page);
      const chosen = await chooseOther(a.page, selector);
      await a.page.waitForFunction((s: string) => location.search !== s, before);
      const b = await open(await linkOf(a.page));
      await b.page.waitForSelector(selector);
      assert.equal(await selected(b.page, selector), chosen);
      await closeBoth(a, b, path);
    });
  }

  it("/survival: the cohort travels, and the fresh tab's headline is the same", async () => {
    // The form's third control is the cohort (protocol, endpoint, cohort).
    const cohortSelect = "#survival-controls form:nth-of-type(3) select";
    const a = await open("/survival");
    await a.page.waitForSelector("#survival-headline");
    const before = await param(a.page, "cohort");
    const cohort = await chooseOther(a.page, cohortSelect);
    await paramChanged(a.page, "cohort", before);
    const b = await open(await linkOf(a.page));
    await b.page.waitForSelector("#survival-headline");
    assert.equal(await selected(b.page, cohortSelect), cohort);
    assert.equal(
      await b.page.locator("#survival-headline").textContent(),
      await a.page.locator("#survival-headline").textContent(),
    );
    await closeBoth(a, b, "/survival headline");
  });

  it("/protocol: the toggle travels, and the methods table shows the same rows", async () => {
    const a = await open("/protocol");
    await a.page.waitForSelector("#differing-toggle input");
    await a.page.locator("#differing-toggle input").check();
    await a.page.waitForFunction(() => new URLSearchParams(location.search).get("differing") === "true");
    const rows = (page: Page) => page.locator("#protocol-table tbody tr").count();
    const b = await open(await linkOf(a.page));
    await b.page.waitForSelector("#protocol-table tbody tr");
    assert.ok(await b.page.locator("#differing-toggle input").isChecked());
    const expected = await rows(b.page);
    await a.page.waitForFunction(
      (want: number) => document.querySelectorAll("#protocol-table tbody tr").length === want,
      expected,
      {timeout: 10000},
    );
    await closeBoth(a, b, "/protocol toggle");
  });

  it("/training and /readers: the protocol radio travels", async () => {
    for (const [path, selector] of [
      ["/training", "#training-protocol"],
      ["/readers", "#readers-protocol"],
    ] as const) {
      const a = await open(path);
      const before = await param(a.page, "protocol");
      const protocol = await checkOther(a.page, selector);
      await paramChanged(a.page, "protocol", before);
      const b = await open(await linkOf(a.page));
      await b.page.waitForSelector(`${selector} input[type="radio"]`);
      assert.equal(await checkedLabel(b.page, selector), protocol, path);
      await closeBoth(a, b, path);
    }
  });

  it("/gallery: the filters and the CAM toggle travel, and the same patches match", async () => {
    const a = await open("/gallery");
    await a.page.waitForSelector("#gallery-count");
    const truth = await chooseOther(a.page, "#gallery-filters form:nth-of-type(1) select", (l) => l === "CR");
    await a.page.locator("#cam-toggle input").check();
    await a.page.waitForFunction(() => {
      const p = new URLSearchParams(location.search);
      return p.get("truth") === "CR" && p.get("cam") === "true";
    });
    const count = (page: Page) => page.locator("#gallery-count").getAttribute("data-value");
    const b = await open(await linkOf(a.page));
    await b.page.waitForSelector("#gallery-count");
    assert.equal(await selected(b.page, "#gallery-filters form:nth-of-type(1) select"), truth);
    assert.ok(await b.page.locator("#cam-toggle input").isChecked());
    const expected = await count(b.page);
    await a.page.waitForFunction(
      (want: string | null) => document.querySelector("#gallery-count")?.getAttribute("data-value") === want,
      expected,
      {timeout: 10000},
    );
    await closeBoth(a, b, "/gallery");
  });

  it("/paper-vs-corrected: a link to the live recomputation opens with it recomputed", async () => {
    const a = await open("/paper-vs-corrected");
    await a.page.waitForSelector("#headline-table [data-value]");
    await a.page.getByRole("button", {name: /recompute live/i}).click();
    await a.page.waitForFunction(() => new URLSearchParams(location.search).get("recompute") === "true");
    const b = await open(await linkOf(a.page));
    await b.page.waitForSelector("#live-agreement[data-max-diff]", {timeout: 60000});
    assert.ok(Number(await b.page.locator("#live-agreement").getAttribute("data-max-diff")) < 1e-9);
    await closeBoth(a, b, "/paper-vs-corrected recompute");
  });

  it("/your-predictions: replicates and seed travel (a browser lets no link choose a file)", async () => {
    const a = await open("/your-predictions");
    await a.page.waitForSelector("#your-replicates input[type=number]");
    await a.page.fill("#your-replicates input[type=number]", "200");
    await a.page.locator("#your-replicates input[type=number]").dispatchEvent("input");
    await a.page.fill("#your-seed input", "7");
    await a.page.locator("#your-seed input").dispatchEvent("input");
    await a.page.waitForFunction(() => {
      const p = new URLSearchParams(location.search);
      return p.get("replicates") === "200" && p.get("seed") === "7";
    });
    const b = await open(await linkOf(a.page));
    await b.page.waitForSelector("#your-replicates input[type=number]");
    assert.equal(await b.page.locator("#your-replicates input[type=number]").inputValue(), "200");
    assert.equal(await b.page.locator("#your-seed input").inputValue(), "7");
    await closeBoth(a, b, "/your-predictions");
  });
});
