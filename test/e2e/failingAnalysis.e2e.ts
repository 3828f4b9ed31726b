// A failing analysis blanks only its own page (issue #21): in a copy of the built site, the across-centres data file
// is replaced by what the pipeline writes when that analysis throws. Across centres then states the failure and its
// reason and still shows the ordinal agreement (another analysis's data file); Clinical baseline and the Protocol
// page's sample size are whole.
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {unavailable} from "../../src/components/analysis/availability.js";
import {closeClean, dist, useBuiltSite} from "./builtSite.js";

const Reason = "across centres: cohort ZZZ of run r1 is not in the study (forced by the test)";

describe("a failing analysis", () => {
  const copy = mkdtempSync(join(tmpdir(), "workbench-failing-"));
  const {open} = useBuiltSite(
    () => {
      cpSync(dist, copy, {recursive: true});
      const data = join(copy, "_file", "data");
      const file = readdirSync(data).find((f) => /^across-centres\.[0-9a-f]+\.json$/.test(f));
      assert.ok(file, "no across-centres data file in the build");
      writeFileSync(join(data, file), JSON.stringify(unavailable("failed", Reason)));
    },
    () => copy,
  );

  it("shows its reason on its own page, and the page's other analysis still renders", async () => {
    const {page, problems} = await open("/across-centres");
    const note = page.locator("#across-missing");
    await note.waitFor();
    assert.equal(await note.getAttribute("data-status"), "failed");
    assert.equal(await note.textContent(), `Failed: ${Reason}.`);
    assert.equal(await page.locator("#centre-table").count(), 0);
    assert.equal(await page.locator("#forest-auc").count(), 0);
    await page.waitForSelector("#ordinal-table tbody tr");
    await closeClean(page, problems, "/across-centres");
  });

  it("leaves the other analyses' pages whole", async () => {
    for (const [path, selector] of [
      ["/clinical-baseline", "#clinical-auc-table tbody tr"],
      ["/clinical-utility", "#calibration-ci-table tbody tr"],
      ["/protocol", "#sample-size-table tbody tr"],
    ] as const) {
      const {page, problems} = await open(path);
      await page.waitForSelector(selector);
      assert.equal(await page.locator("p.note[data-status]").count(), 0, path);
      await closeClean(page, problems, path);
    }
  });
});
