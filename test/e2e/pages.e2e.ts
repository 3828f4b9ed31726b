// Content checks of the report pages on the built demo site: real content, not just the absence of errors.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import type {Page} from "playwright-core";
import type {MetricsArtifact, ProtocolArtifact} from "../../src/components/artifacts.js";
import {builtArtifact} from "./builtArtifacts.js";
import {dist, protocolPredictionsCsv, runWorkbench, useBuiltSite} from "./builtSite.js";

describe("report pages", () => {
  let protocol: ProtocolArtifact;

  const {open} = useBuiltSite(() => {
    protocol = JSON.parse(builtArtifact(dist, "protocol", "json")) as ProtocolArtifact;
  });

  const attr = async (page: Page, selector: string, name: string) => {
    const value = await page.locator(selector).first().getAttribute(name);
    assert.ok(value !== null, `${selector} has no ${name}`);
    return value;
  };

  it("every report page says it shows the synthetic demo study", async () => {
    for (const path of [
      "/",
      "/cohorts",
      "/training",
      "/discrimination",
      "/objective-response",
      "/clinical-utility",
      "/gallery",
      "/geometry",
      "/paper-vs-corrected",
      "/protocol",
      "/clinical-baseline",
      "/across-centres",
      "/tripod-ai",
      "/readers",
      "/survival",
    ]) {
      const {page} = await open(path);
      await page.waitForSelector("#demo-banner", {timeout: 20000});
      assert.match((await page.locator("#demo-banner").first().textContent()) ?? "", /synthetic/i, path);
      await page.close();
    }
  });

  it("protocol: methods table and the provenance of both runs", async () => {
    const {page} = await open("/protocol");
    await page.waitForSelector("#provenance-table .run-id");
    assert.ok((await page.locator("#protocol-table tbody tr").count()) >= 25);
    assert.match((await page.locator("#protocol-table").textContent()) ?? "", /Learning rate[\s\S]*0\.0001/);
    const runIds = await page.locator("#provenance-table .run-id").allTextContents();
    assert.deepEqual(runIds.sort(), [protocol.runs.paper.runId, protocol.runs.corrected.runId].sort());
    await page.close();
  });

  it("protocol: the paper-scale measurement as docs/paper-scale.json records it", async () => {
    const measured = JSON.parse(readFileSync(join(process.cwd(), "docs", "paper-scale.json"), "utf8")) as {
      steps: Array<{step: string; seconds: number}>;
      started: string;
    };
    const {page} = await open("/protocol");
    await page.waitForSelector("#paper-scale-steps tbody tr");
    const shown = await page.$$eval("#paper-scale-steps tbody tr", (rows) =>
      rows.map((r) => [
        r.querySelector("td")?.textContent ?? "",
        Number(r.querySelector("td[data-value]")?.getAttribute("data-value")),
      ]),
    );
    assert.deepEqual(
      shown,
      measured.steps.map((s) => [s.step, s.seconds]),
    );
    assert.equal(await page.locator("#paper-scale-targets li").count(), 2);
    assert.match(
      (await page.locator("#paper-scale-run").textContent()) ?? "",
      new RegExp(measured.started.slice(0, 10)),
    );
    assert.ok((await page.locator("#paper-scale-stages tbody tr").count()) >= 5);
    await page.close();
  });

  it("cohorts: Table 1 for the three centres and a flow diagram whose numbers add up", async () => {
    const {page} = await open("/cohorts");
    await page.waitForSelector("#table1 tbody tr");
    const header = (await page.locator("#table1 thead").textContent()) ?? "";
    for (const cohort of ["NFH", "ZHHAJU", "SYUCC"]) assert.match(header, new RegExp(cohort));
    const diagrams = page.locator(".flow-diagram[data-cohort]");
    assert.equal(await diagrams.count(), 3);
    for (let i = 0; i < 3; i++) {
      const eligible = Number(await diagrams.nth(i).getAttribute("data-eligible"));
      const analysed = Number(await diagrams.nth(i).getAttribute("data-analysed"));
      assert.ok(analysed > 0 && analysed <= eligible, `analysed ${analysed} of ${eligible}`);
    }
    await page.close();
  });

  it("training: loss and accuracy curves are drawn", async () => {
    const {page} = await open("/training");
    await page.waitForSelector("#training-chart svg .mark-line path");
    assert.ok((await page.locator("#training-chart svg .mark-line path").count()) >= 2);
    await page.close();
  });

  it("discrimination: four ROC curves with AUC legends, a confusion matrix summing to n, and the level control changes n", async () => {
    const {page} = await open("/discrimination");
    await page.waitForSelector("#roc-chart svg .mark-line path");
    assert.equal(await page.locator("#roc-chart svg .mark-line path").count(), 4);
    const legend = await page.locator("#roc-chart .role-legend-label text").allTextContents();
    assert.equal(legend.length, 4);
    for (const label of legend) assert.match(label, /^(CR|PR|SD|PD): AUC \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]$/);

    const n = Number(await attr(page, "#confusion-matrix", "data-n"));
    const counts = (await page
      .locator("#confusion-matrix [data-count]")
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-count"))))) as number[];
    assert.equal(counts.length, 16);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      n,
    );
    assert.equal(Number(await attr(page, "#n-rows", "data-value")), n);
    const ms = Number(await attr(page, "#recompute-ms", "data-value"));
    process.stdout.write(
      `# discrimination: every CI of one cohort (1000 replicates) recomputed in ${ms.toFixed(0)} ms in Chromium\n`,
    );

    // The page opens at the configuration's evaluation.primaryLevel (patch for the paper's protocol); switch level.
    const shown = await page
      .locator("#level-select select")
      .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? "");
    const other = shown === "patch" ? "patient" : "patch";
    await page.locator("#level-select select").selectOption({label: other});
    await page.waitForFunction(
      (before) => document.querySelector("#n-rows")?.getAttribute("data-value") !== before,
      String(n),
    );
    const switched = Number(await attr(page, "#n-rows", "data-value"));
    const [patches, patients] = other === "patch" ? [switched, n] : [n, switched];
    assert.ok(patches > patients, `patch level n (${patches}) exceeds patient level n (${patients})`);
    assert.equal(Number(await attr(page, "#confusion-matrix", "data-n")), switched);

    // The training cohort's numbers are in-sample: the page says so and puts Harrell's optimism-corrected values beside.
    const training = protocol.config.cohorts.training;
    assert.equal(await page.locator("#optimism-note").count(), 0, "no optimism note on a held-out cohort");
    await page.locator("#cohort-select select").selectOption({label: training});
    await page.waitForSelector("#optimism-note");
    assert.match((await page.locator("#in-sample-note").textContent()) ?? "", /^In-sample: /);
    assert.match(
      (await page.locator("#optimism-note").textContent()) ?? "",
      /^Optimism-corrected.*objective-response AUC \d\.\d{3} in-sample → \d\.\d{3} corrected \(optimism -?\d\.\d{3}/,
    );
    await page.close();
  });

  it("objective response: the Mann–Whitney numbers equal what `workbench evaluate` writes for the same predictions", async () => {
    const {page} = await open("/objective-response");
    await page.waitForSelector("#mw-W");
    // Observable Inputs' radio values are indices; the protocol's name is the label's text.
    const shownProtocol = await page
      .locator('input[type="radio"]:checked')
      .first()
      .evaluate((input) => input.parentElement?.textContent?.trim() ?? "");
    assert.ok(shownProtocol === "paper" || shownProtocol === "corrected", `protocol shown: "${shownProtocol}"`);
    const selected = (selector: string) =>
      page
        .locator(selector)
        .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? "");
    const cohort = await selected("#or-cohort-select select");
    const level = (await selected("#or-level-select select")) as "patch" | "patient";
    const W = Number(await attr(page, "#mw-W", "data-value"));
    const p = Number(await attr(page, "#mw-p", "data-value"));
    await page.close();

    // The predictions the site shows, for that protocol, through the command-line evaluator.
    const dir = mkdtempSync(join(tmpdir(), "workbench-evaluate-"));
    writeFileSync(join(dir, "preds.csv"), protocolPredictionsCsv(shownProtocol).csv);
    await runWorkbench(dir, ["evaluate", "--predictions", "preds.csv", "--out", "metrics.json", "--bootstrap", "100"]);
    const evaluated = JSON.parse(
      readFileSync(join(dir, "metrics.json"), "utf8"),
    ) as MetricsArtifact["protocols"]["paper"];
    const expected = evaluated.cohorts[cohort]?.[level]?.objectiveResponse.mannWhitney;
    assert.ok(expected, `no Mann–Whitney for ${cohort} ${level}`);
    assert.equal(W, expected.W);
    assert.ok(Math.abs(p - expected.p) <= 1e-12 * Math.max(1, expected.p), `p ${p} vs ${expected.p}`);
  });

  it("clinical utility: decision curve with model, treat-all and treat-none, and calibration numbers", async () => {
    const {page} = await open("/clinical-utility");
    await page.waitForSelector("#decision-curve svg .mark-line path");
    assert.ok((await page.locator("#decision-curve svg .mark-line path").count()) >= 3);
    for (const id of ["#cal-intercept", "#cal-slope", "#cal-brier"]) {
      assert.ok(Number.isFinite(Number(await attr(page, id, "data-value"))), id);
    }
    await page.close();
  });

  it("gallery: thumbnails load, and the CAM overlay toggles on", async () => {
    const {page} = await open("/gallery");
    await page.waitForSelector("#gallery .patch-card img");
    const cards = page.locator("#gallery .patch-card");
    assert.ok((await cards.count()) >= 8, `${await cards.count()} cards`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("#gallery .patch-card img")].every((img) => (img as HTMLImageElement).complete),
    );
    const widths = await page
      .locator("#gallery .patch-card img")
      .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    assert.ok(
      widths.every((w) => w > 0),
      "every thumbnail decodes",
    );
    // Fig 4 as the paper draws it: every card shows the CT around the tumour, the patch and its CAM, all decoded.
    const panels = await cards.evaluateAll((list) =>
      list.map((card) =>
        ["context-img", "patch-img", "cam-img"].map((kind) => {
          const img = card.querySelector(`img.${kind}`) as HTMLImageElement | null;
          return img !== null && img.complete && img.naturalWidth > 0;
        }),
      ),
    );
    panels.forEach((shown, i) => {
      assert.deepEqual(shown, [true, true, true], `card ${i}: context, patch, CAM`);
    });
    await page.locator("#cam-toggle input").check();
    await page.waitForSelector("#gallery img.cam");
    assert.ok((await page.locator("#gallery img.cam").count()) > 0);
    await page.close();
  });

  it("patch geometry: every geometry and cohort carries its patients lost and AUCs, and the figure draws", async () => {
    const {page} = await open("/geometry");
    await page.waitForSelector("#geometry-table tbody tr");
    const rows = await page.locator("#geometry-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        text: tr.textContent ?? "",
        values: [...tr.querySelectorAll("[data-value]")].map((td) => Number(td.getAttribute("data-value"))),
      })),
    );
    const geometries = new Set(rows.map((r) => /^(roi|fixed \d+(\.\d+)? mm)/.exec(r.text)?.[0]));
    assert.deepEqual([...geometries].sort(), ["fixed 16 mm", "fixed 32 mm", "roi"]);
    for (const r of rows) {
      assert.ok(r.values.length >= 3 && r.values.every(Number.isFinite), r.text);
      assert.ok(
        r.values.slice(1).every((v) => v >= 0 && v <= 1),
        `accuracy and AUCs in [0, 1]: ${r.text}`,
      );
    }
    await page.waitForSelector("#geometry-chart svg .mark-symbol path");
    assert.ok((await page.locator("#geometry-timings tbody tr").count()) >= 1);
    await page.close();
  });

  it("paper vs corrected: the live recomputation reproduces the build-time numbers", async () => {
    const {page} = await open("/paper-vs-corrected");
    await page.waitForSelector("#headline-table [data-value]");
    await page.getByRole("button", {name: /recompute live/i}).click();
    await page.waitForSelector("#live-agreement[data-max-diff]", {timeout: 60000});
    const diff = Number(await attr(page, "#live-agreement", "data-max-diff"));
    assert.ok(diff < 1e-9, `max difference ${diff}`);
    await page.close();
  });
});
