import {join} from "node:path";
import {writeCsv} from "../../src/components/csv/writeCsv.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";
import {sha256} from "../hash.js";
import {writeNewFile} from "../output/writeNoFollow.js";
import {encodeTiff} from "./encodeTiff.js";
import type {FigureDefinition, SkippedFigure} from "./figureDefinition.js";
import {FigureFontFamily} from "./figureFont.js";
import type {FigureInputs} from "./figureInputs.js";
import type {FiguresManifest, ManifestFile, ManifestRun} from "./figuresManifest.js";
import {paperFigures} from "./paperFigures.js";
import type {PaperTable} from "./paperTable.js";
import {discriminationTable, table1Table} from "./paperTables.js";
import {pngWithDpi} from "./pngDpi.js";
import {rasterize} from "./rasterize.js";
import {fitSvg, svgWithPhysicalSize} from "./renderSvg.js";
import {svgToPdf} from "./svgToPdf.js";
import {tableDocx} from "./tableDocx.js";
import {tableLatex} from "./tableLatex.js";

export interface FiguresOptions {
  widthMm: number;
  dpi: number;
  protocols: readonly Protocol[];
}

/** Figures the pages do not draw from a Vega-Lite spec, so this command cannot either: said in the manifest. */
const NotFromSpecs: SkippedFigure[] = [
  {
    id: "fig4",
    protocol: null,
    reason:
      "Fig 4 is the Gallery page's grid of CT patches and class activation maps (images in gallery.zip), not a Vega-Lite figure",
  },
  {
    id: "suppfig1",
    protocol: null,
    reason: "no page of the site draws the paper's Supplementary Fig 1, so there is no spec to draw it from",
  },
];

/**
 * Writes every figure (SVG, PDF, PNG, TIFF) and table (.docx, .tex, .csv) of the requested protocols into `dir`
 * (a fresh, empty folder) and returns the manifest, which it also writes as manifest.json.
 */
export async function writeFigures(
  inputs: FigureInputs,
  dir: string,
  options: FiguresOptions,
  log: (message: string) => void = () => {},
): Promise<FiguresManifest> {
  const {widthMm, dpi, protocols} = options;
  const files: ManifestFile[] = [];
  const skipped: SkippedFigure[] = [...NotFromSpecs];
  const runOf = (protocol: Protocol): ManifestRun => {
    const run = inputs.protocol.runs[protocol];
    if (!run || !inputs.metrics.protocols[protocol]) {
      const present = Object.keys(inputs.metrics.protocols).join(", ") || "none";
      throw new Error(`protocol "${protocol}" was not run in this build (protocols with results: ${present})`);
    }
    return {protocol, runId: run.runId, configHash: run.configHash, dataHash: run.dataHash};
  };
  const write = async (entry: Omit<ManifestFile, "bytes" | "sha256">, data: string | Uint8Array) => {
    await writeNewFile(join(dir, entry.file), data);
    const bytes = typeof data === "string" ? Buffer.byteLength(data) : data.length;
    files.push({...entry, bytes, sha256: sha256(data)});
  };

  for (const protocol of protocols) {
    const run = runOf(protocol);
    const drawn = paperFigures(inputs, protocol);
    skipped.push(...drawn.skipped);
    for (const figure of drawn.figures) {
      await writeFigure(figure, run, options, write);
      log(`figures: ${figure.file} (svg, pdf, png, tiff)`);
    }
  }

  const primary = protocols.includes(inputs.protocol.primary) ? inputs.protocol.primary : (protocols[0] as Protocol);
  const tables: Array<{id: string; file: string; protocol: Protocol | null; run: ManifestRun; table: PaperTable}> = [
    // Table 1 describes the patients, whichever protocol: its provenance is the primary run's data.
    {id: "table1", file: "table1", protocol: null, run: runOf(primary), table: table1Table(inputs)},
    ...protocols.map((p) => ({
      id: "discrimination",
      file: `discrimination-${p}`,
      protocol: p,
      run: runOf(p),
      table: discriminationTable(inputs, p),
    })),
  ];
  for (const t of tables) {
    const base = {
      kind: "table" as const,
      id: t.id,
      caption: t.table.title,
      protocol: t.protocol,
      cohort: null,
      level: null,
    };
    const none = {widthMm: null, heightMm: null, dpi: null, pixels: null, run: t.run} as const;
    await write({...base, ...none, file: `${t.file}.docx`, format: "docx"} as const, await tableDocx(t.table));
    await write({...base, ...none, file: `${t.file}.tex`, format: "tex"} as const, tableLatex(t.table));
    const csv = writeCsv(
      t.table.columns,
      t.table.rows.map((r) => r.cells),
    );
    await write({...base, ...none, file: `${t.file}.csv`, format: "csv"} as const, csv);
    log(`figures: ${t.file} (docx, tex, csv)`);
  }

  const manifest: FiguresManifest = {
    generator: "workbench figures",
    widthMm,
    dpi,
    font: `${FigureFontFamily} (embedded in every PDF)`,
    protocols: [...protocols],
    files,
    skipped,
  };
  await writeNewFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** One figure in its four formats, each listed with its printed size and the run it came from. */
async function writeFigure(
  figure: FigureDefinition,
  run: ManifestRun,
  {widthMm, dpi}: FiguresOptions,
  write: (entry: Omit<ManifestFile, "bytes" | "sha256">, data: string | Uint8Array) => Promise<void>,
): Promise<void> {
  const rendered = await fitSvg(figure.spec, widthMm);
  const {svg, heightMm} = svgWithPhysicalSize(rendered, widthMm);
  const base = {
    kind: "figure",
    id: figure.id,
    caption: figure.caption,
    protocol: figure.protocol,
    cohort: figure.cohort,
    level: figure.level,
    widthMm,
    heightMm: Math.round(heightMm * 100) / 100,
    run,
  } as const;
  await write({...base, file: `${figure.file}.svg`, format: "svg", dpi: null, pixels: null}, svg);
  const pdf = await svgToPdf(rendered, {widthMm, heightMm}, figure.caption);
  await write({...base, file: `${figure.file}.pdf`, format: "pdf", dpi: null, pixels: null}, pdf);
  const raster = rasterize(rendered, widthMm, dpi);
  const pixels = {width: raster.width, height: raster.height};
  await write({...base, file: `${figure.file}.png`, format: "png", dpi, pixels}, pngWithDpi(raster.png, dpi));
  const tiff = encodeTiff(raster.rgb, raster.width, raster.height, dpi);
  await write({...base, file: `${figure.file}.tiff`, format: "tiff", dpi, pixels}, tiff);
}
