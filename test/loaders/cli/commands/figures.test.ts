import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {inflateSync} from "node:zlib";
import JSZip from "jszip";
import UTIF from "utif2";
import {UsageError} from "../../../../loaders/cli/command.js";
import {figuresCommand} from "../../../../loaders/cli/commands/figures.js";
import type {FiguresManifest} from "../../../../loaders/figures/figuresManifest.js";
import {sha256} from "../../../../loaders/hash.js";
import {parseCsv} from "../../../../src/components/csv/parseCsv.js";
import {formatEstimate} from "../../../../src/components/format/formatStat.js";
import {cohortLabel} from "../../../../src/components/tables/inSample.js";
import {ciOf} from "../../../../src/components/tables/levelInputs.js";
import {figureFixture, writeFixtureSite} from "../../figures/figureFixture.js";
import {fakeIO} from "../fakeIO.js";

const dir = mkdtempSync(join(tmpdir(), "figures-"));
after(() => rmSync(dir, {recursive: true, force: true}));
const inputs = figureFixture();
const widthMm = 84;
const dpi = 150;
let manifest: FiguresManifest;
const file = (name: string) => readFileSync(join(dir, "out", name));

/** PDF objects' dictionaries are plain text in PDFKit's output; only their streams are compressed. */
function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  // From an object's start to its stream, never across an "endobj" (an object without a stream).
  for (const m of text.matchAll(/\d+ 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(m[1] ?? "")?.[1]);
    const raw = pdf.subarray(start, start + length);
    out.push(/\/FlateDecode/.test(m[1] ?? "") ? inflateSync(raw).toString("latin1") : raw.toString("latin1"));
  }
  return out;
}

describe("workbench figures", () => {
  before(async () => {
    await writeFixtureSite(join(dir, "dist"), inputs);
    const io = fakeIO(dir);
    const code = await figuresCommand.run(
      ["--site", "dist", "--out", "out", "--width", String(widthMm), "--dpi", String(dpi), "--protocol", "both"],
      io,
    );
    assert.equal(code, 0, io.err);
    manifest = JSON.parse(file("manifest.json").toString("utf8"));
  });

  it("writes every figure in four formats and every table in three, each file as the manifest lists it", () => {
    const ids = (protocol: string) =>
      [
        ...new Set(manifest.files.filter((f) => f.protocol === protocol && f.kind === "figure").map((f) => f.id)),
      ].sort();
    for (const protocol of ["paper", "corrected"]) {
      // Fig 4 is the gallery's, whose patches are the primary (corrected) protocol's.
      const fig4 = protocol === "corrected" ? ["fig4"] : [];
      assert.deepEqual(ids(protocol), ["fig2", "fig3", ...fig4, "fig5a", "fig5b", "fig5cd", "suppfig2"]);
      const perCohort = manifest.files.filter((f) => f.protocol === protocol && f.id === "fig3" && f.format === "pdf");
      assert.equal(perCohort.length, 3);
    }
    const figureFiles = manifest.files.filter((f) => f.kind === "figure");
    assert.equal(figureFiles.length, (2 * (1 + 3 + 2 + 3 + 3) + 1) * 4);
    const tables = manifest.files.filter((f) => f.kind === "table").map((f) => f.file);
    for (const t of ["table1", "discrimination-paper", "discrimination-corrected"]) {
      for (const ext of ["docx", "tex", "csv"]) assert.ok(tables.includes(`${t}.${ext}`), `${t}.${ext}`);
    }
    for (const f of manifest.files) {
      const bytes = file(f.file);
      assert.equal(bytes.length, f.bytes, f.file);
      assert.equal(sha256(bytes), f.sha256, f.file);
      assert.equal(f.run.runId, `run-${f.protocol ?? "corrected"}`, f.file);
      assert.equal(f.run.dataHash, "data0123456789ab");
      if (f.kind === "figure") assert.equal(f.widthMm, widthMm);
    }
    assert.deepEqual(manifest.skipped.map((s) => s.id).sort(), ["suppfig1"]);
  });

  it("draws Fig 4 from gallery.zip: one row per class with an example, its patches as images, its labels as text", () => {
    const svg = file("fig4-corrected.svg").toString("utf8");
    // CR (correct and misclassified), PR (correct), SD (misclassified); PD has no example and no row.
    assert.equal((svg.match(/<image /g) ?? []).length, 2 * 4);
    assert.equal((svg.match(/none in the gallery/g) ?? []).length, 2);
    for (const label of ["CR", "PR", "SD"]) assert.match(svg, new RegExp(`font-weight="bold"[^>]*>${label}<`));
    assert.doesNotMatch(svg, />PD</);
    const pdf = file("fig4-corrected.pdf");
    const text = pdf.toString("latin1");
    assert.equal((text.match(/\/Subtype\s*\/Image/g) ?? []).length, 8, "each patch and map once, as an image");
    assert.match(text, /\/FontFile2/);
    assert.match(pdfStreams(pdf).join("\n"), /\bBT\b[\s\S]*\b(Tj|TJ)\b/, "labels drawn as text");
  });

  it("writes a vector PDF of the column width with its fonts embedded", () => {
    for (const f of manifest.files.filter((x) => x.format === "pdf")) {
      const pdf = file(f.file);
      const text = pdf.toString("latin1");
      // Fig 4 is a grid of patch images (tested below); every other figure has no image at all.
      if (f.id !== "fig4") assert.doesNotMatch(text, /\/Subtype\s*\/Image/, `${f.file}: an image XObject`);
      assert.match(text, /\/FontFile2/, `${f.file}: no embedded TrueType font`);
      assert.doesNotMatch(text, /\/BaseFont\s*\/(Helvetica|Times|Courier)/, `${f.file}: a standard, unembedded font`);
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
      assert.ok(box, f.file);
      assert.ok(Math.abs(Number(box[1]) - (widthMm / 25.4) * 72) < 0.01, `${f.file}: width ${box[1]} pt`);
      assert.ok(Math.abs(Number(box[2]) - ((f.heightMm as number) / 25.4) * 72) < 0.1, `${f.file}: height`);
      const content = pdfStreams(pdf).join("\n");
      assert.match(content, /\bBT\b[\s\S]*\b(Tj|TJ)\b[\s\S]*\bET\b/, `${f.file}: no text drawn as text`);
      assert.match(content, /\d \d+(\.\d+)? l\b|\bre\b/, `${f.file}: no vector path`);
    }
  });

  it("writes PNGs width × dpi pixels wide, saying their dpi", () => {
    const pixels = Math.round((widthMm / 25.4) * dpi);
    for (const f of manifest.files.filter((x) => x.format === "png")) {
      const png = file(f.file);
      assert.equal(png.readUInt32BE(16), pixels, f.file);
      assert.equal(f.pixels?.width, pixels);
      assert.equal(f.dpi, dpi);
      const phys = png.indexOf("pHYs");
      assert.ok(phys > 0 && phys < png.indexOf("IDAT"), `${f.file}: pHYs before the image data`);
      assert.equal(png.readUInt32BE(phys + 4), Math.round(dpi / 0.0254));
      assert.equal(png[phys + 12], 1);
    }
  });

  it("writes TIFFs a reference decoder reads at the same size and resolution", () => {
    for (const f of manifest.files.filter((x) => x.format === "tiff")) {
      const bytes = file(f.file);
      const [ifd] = UTIF.decode(bytes);
      assert.ok(ifd, f.file);
      UTIF.decodeImage(bytes, ifd);
      assert.equal(ifd.width, f.pixels?.width, f.file);
      assert.equal(ifd.height, f.pixels?.height, f.file);
      assert.equal(ifd.width, Math.round((widthMm / 25.4) * dpi));
      assert.deepEqual(ifd.t282, [[dpi, 1]], `${f.file}: XResolution (a rational, dpi / 1)`);
      assert.deepEqual(ifd.t296, [2], `${f.file}: resolution in inches`);
      const rgba = UTIF.toRGBA8(ifd);
      assert.equal(rgba.length, ifd.width * ifd.height * 4);
      assert.equal(rgba[0], 255, "white background");
      assert.ok(
        rgba.some((v, i) => i % 4 !== 3 && v < 100),
        `${f.file}: nothing drawn`,
      );
    }
  });

  it("writes Word tables that hold the table's rows", async () => {
    const xml = async (name: string) =>
      (await (await JSZip.loadAsync(file(name))).file("word/document.xml")?.async("string")) ?? "";
    const table1 = await xml("table1.docx");
    assert.match(table1, /<w:tbl>/);
    for (const text of ["Characteristic", "Age (years)", "NFH (n = 12)", "SYUCC &amp; co (n = 12)", "Kruskal–Wallis"]) {
      assert.ok(table1.includes(`>${text}<`), `table1.docx: no cell "${text}"`);
    }
    const discrimination = await xml("discrimination-corrected.docx");
    const rows = discrimination.match(/<w:tr\b/g) ?? [];
    assert.equal(rows.length, 1 + 3 * 4, "header and one row per cohort and class");
    const cr = inputs.metrics.protocols.corrected.cohorts.ZHHAJU?.patient.perClass.CR;
    assert.ok(cr);
    const cell = formatEstimate(cr.auc, ciOf(cr, inputs.protocol.config.evaluation.ciMethod));
    assert.ok(discrimination.includes(`>${cell}<`), `no cell "${cell}"`);
  });

  it("writes the tables as escaped LaTeX and as CSV", () => {
    const tex = file("table1.tex").toString("utf8");
    assert.match(tex, /\\begin\{tabular\}\{l{7}\}/);
    assert.ok(tex.includes("SYUCC \\& co (n = 12)"));
    assert.ok(!/[^\\]&amp;|[^\\]% /.test(tex));
    const csv = parseCsv(file("discrimination-paper.csv").toString("utf8"));
    assert.deepEqual(csv[0], ["Cohort", "Class", "AUC (95% CI)", "Cases", "Controls"]);
    assert.equal(csv.length, 1 + 3 * 4);
    assert.equal(csv[1]?.[0], cohortLabel("NFH", "NFH"));
  });

  it("replaces its own output folder and refuses a folder it did not write", async () => {
    const io = fakeIO(dir);
    const args = ["--site", "dist", "--out", "out", "--width", "84", "--dpi", "72", "--protocol", "paper"];
    assert.equal(await figuresCommand.run(args, io), 0, io.err);
    const again: FiguresManifest = JSON.parse(file("manifest.json").toString("utf8"));
    assert.deepEqual(again.protocols, ["paper"]);
    mkdirSync(join(dir, "other"));
    writeFileSync(join(dir, "other", "thesis.docx"), "mine");
    await assert.rejects(figuresCommand.run(["--site", "dist", "--out", "other"], fakeIO(dir)), UsageError);
  });

  it("refuses a width, dpi or protocol it does not offer, naming the flag", async () => {
    const run = (...args: string[]) => figuresCommand.run(["--site", "dist", "--out", "x", ...args], fakeIO(dir));
    await assert.rejects(run("--width", "100"), /--width: expected 84, 129, 174/);
    await assert.rejects(run("--dpi", "10"), /--dpi: expected 72 to 2400/);
    await assert.rejects(run("--protocol", "both,paper"), /--protocol: expected paper, corrected or both/);
    await assert.rejects(figuresCommand.run(["--site", "dist"], fakeIO(dir)), /--out <dir> is required/);
  });
});
