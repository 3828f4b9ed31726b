// Issue #25, print: a page printed (or saved as PDF from the browser) shows every figure and table, no controls, the
// view's settings in their place, each figure's provenance line, and folded <details> open (src/style.css).
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {inflateSync} from "node:zlib";
import type {Page} from "playwright-core";
import {closeClean, useBuiltSite} from "./builtSite.js";

/**
 * How many straight path segments (`x y l`) a PDF draws: the operators of its content streams (pages and form
 * XObjects, Flate-compressed by Chromium), not of its fonts or images. An SVG figure printed as vectors adds one per
 * segment of its paths; printed as a bitmap, none.
 */
function lineSegments(pdf: Buffer): number {
  let count = 0;
  let at = 0;
  for (;;) {
    const start = pdf.indexOf("stream", at);
    if (start < 0) return count;
    at = start + 6;
    if (pdf.subarray(start - 3, start).toString("latin1") === "end") continue;
    const dictionary = pdf.subarray(pdf.lastIndexOf("<<", start), start).toString("latin1");
    let dataStart = start + 6;
    if (pdf[dataStart] === 0x0d) dataStart++;
    if (pdf[dataStart] === 0x0a) dataStart++;
    const end = pdf.indexOf("endstream", dataStart);
    if (end < 0) return count;
    at = end + 9;
    // Fonts (/Length1, a /Subtype of their own) and images (/Subtype /Image) are data, not drawing.
    if (/\/Length1|\/Subtype\s*\/(?!Form)/.test(dictionary) || !/\/FlateDecode/.test(dictionary)) continue;
    const text = inflateSync(pdf.subarray(dataStart, end)).toString("latin1");
    count += (text.match(/(?:^|\s)-?[\d.]+ -?[\d.]+ l(?=\s)/g) ?? []).length;
  }
}

/** Whether the element is displayed with a box (not display: none, nor inside something that is). */
const shown = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((node) => {
      const box = node.getBoundingClientRect();
      // checkVisibility sees what display and boxes do not: content under a closed <details> is skipped by
      // content-visibility (its ::details-content slot), yet keeps its layout box in current Chromium.
      return (
        node.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true}) &&
        getComputedStyle(node).display !== "none" &&
        box.width > 0 &&
        box.height > 0
      );
    });

describe("print: figures and tables, no controls (issue #25)", () => {
  const {open} = useBuiltSite();

  it("/discrimination printed: inputs, buttons, sidebar and table of contents hidden; figures, provenance and the view shown", async () => {
    const {page, problems} = await open("/discrimination");
    await page.waitForSelector("#roc-chart svg .mark-line path");
    await page.waitForSelector("#auc-table td[data-class='CR']");
    // On screen, the controls show and the printed summary does not.
    assert.ok(await shown(page, "#cohort-select select"));
    assert.ok(await shown(page, "#copy-link"));
    assert.ok(!(await shown(page, "#view-summary")));

    await page.emulateMedia({media: "print"});
    for (const hidden of [
      "#cohort-select",
      "#level-select",
      "#ci-select",
      "#replicates-input",
      "#seed-input",
      "#band-select",
      "#copy-link",
      "#roc-chart .chart-actions",
      "#observablehq-sidebar",
      "#observablehq-toc",
      "#observablehq-footer nav",
    ]) {
      assert.ok(!(await shown(page, hidden)), `${hidden} is hidden in print`);
    }
    const formsShown = await page
      .locator("#observablehq-main form")
      .evaluateAll((forms) => forms.filter((f) => getComputedStyle(f).display !== "none").length);
    assert.equal(formsShown, 0, "no input of the page prints");
    for (const visible of [
      "#roc-chart svg",
      "#roc-chart .provenance",
      "#confusion-matrix",
      "#auc-table",
      "#view-summary",
      "#observablehq-footer",
    ]) {
      assert.ok(await shown(page, visible), `${visible} prints`);
    }
    const summary = (await page.locator("#view-summary").textContent()) ?? "";
    const cohort = await page
      .locator("#cohort-select select")
      .evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? "");
    assert.ok(summary.includes(`cohort ${cohort}`), summary);
    assert.ok(summary.includes(page.url()), `the printed link: ${summary}`);
    assert.equal(
      await page.locator("#roc-chart").evaluate((figure) => getComputedStyle(figure).breakInside),
      "avoid",
      "a figure is not split across pages",
    );
    await page.emulateMedia({media: "screen"});
    await closeClean(page, problems, "/discrimination printed");
  });

  it("/discrimination as PDF: the ROC figure is in it as vector paths", async () => {
    const {page, problems} = await open("/discrimination");
    await page.waitForSelector("#roc-chart svg .mark-line path");
    // The segments the figure's lines are drawn with (vega writes them "M x,y L x,y …", Chromium "x y l").
    const segments = await page
      .locator("#roc-chart svg path")
      .evaluateAll((paths) => paths.reduce((n, p) => n + ((p.getAttribute("d") ?? "").match(/L/g) ?? []).length, 0));
    assert.ok(segments > 20, `${segments} segments in the figure`);
    const withFigure = await page.pdf({format: "A4"});
    assert.equal(withFigure.subarray(0, 5).toString("latin1"), "%PDF-");
    await page.evaluate(() => document.querySelector("#roc-chart")?.remove());
    const withoutFigure = await page.pdf({format: "A4"});
    const drawn = lineSegments(withFigure) - lineSegments(withoutFigure);
    process.stdout.write(`# print: the ROC figure adds ${drawn} line segments to the PDF (its SVG has ${segments})\n`);
    // Half, not all: Chromium may merge or clip a few, but a figure printed as a bitmap (or not at all) adds none.
    assert.ok(drawn >= segments / 2, `the PDF draws ${drawn} segments for a figure of ${segments}`);
    await closeClean(page, problems, "/discrimination PDF");
  });

  it("/protocol printed: a folded section that holds results prints open", async () => {
    const {page, problems} = await open("/protocol");
    await page.waitForSelector("#timings-section");
    assert.equal(await page.locator("#timings-section").evaluate((d) => (d as HTMLDetailsElement).open), false);
    assert.ok(!(await shown(page, "#timings-section table")), "folded on screen");
    await page.emulateMedia({media: "print"});
    assert.ok(await shown(page, "#timings-section table"), "open in print");
    assert.ok(!(await shown(page, "#section-select")), "the filters do not print");
    assert.ok(await shown(page, "#protocol-table"));
    await page.emulateMedia({media: "screen"});
    await closeClean(page, problems, "/protocol printed");
  });
});
