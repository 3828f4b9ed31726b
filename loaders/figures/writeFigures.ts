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
import {galleryFigureSvg, galleryRows} from "./galleryFigure.js";
import {paperFigures} from "./paperFigures.js";
import type {PaperTable} from "./paperTable.js";
import {discriminationTable, table1Table} from "./paperTables.js";
import {pngWithDpi} from "./pngDpi.js";
import {rasterize} from "./rasterize.js";
import {fitSvg, PxPerMm, svgWithPhysicalSize} from "./renderSvg.js";
import {svgToPdf} from "./svgToPdf.js";
import {tableDocx} from "./tableDocx.js";
import {tableLatex} from "./tableLatex.js";

export interface FiguresOptions {
  widthMm: number;
  dpi: number;
  protocols: readonly Protocol[];
}

/** A figure no page draws, so this command cannot either: said in the manifest. */
const NotFromSpecs: SkippedFigure[] = [
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

  const galleryProtocol = inputs.gallery?.artifact.protocol;
  const fig4 = galleryFigure(inputs);
  if ("skipped" in fig4) skipped.push(fig4.skipped);
  else if (galleryProtocol && protocols.includes(galleryProtocol)) {
    await writeFigure(fig4.figure, runOf(galleryProtocol), options, write);
    log(`figures: ${fig4.figure.file} (svg, pdf, png, tiff)`);
  } else
    skipped.push({
      id: "fig4",
      protocol: galleryProtocol ?? null,
      reason: `the gallery shows the ${galleryProtocol} protocol's patches, which was not asked for`,
    });

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
  const rendered = "svg" in figure ? figure.svg(widthMm * PxPerMm) : await fitSvg(figure.spec, widthMm);
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

/** Fig 4 from the gallery (galleryFigure.ts), or why it cannot be drawn. */
function galleryFigure(inputs: FigureInputs): {figure: FigureDefinition} | {skipped: SkippedFigure} {
  const gallery = inputs.gallery;
  if (!gallery || gallery.artifact.items.length === 0)
    return {
      skipped: {
        id: "fig4",
        protocol: gallery?.artifact.protocol ?? null,
        reason: gallery?.artifact.emptyReason ?? "this build has no gallery (no patch images)",
      },
    };
  const training = inputs.protocol.config.cohorts.training;
  const rows = galleryRows(gallery, training);
  const protocol = gallery.artifact.protocol;
  return {
    figure: {
      id: "fig4",
      file: `fig4-${protocol}`,
      caption: `Fig 4. Correctly classified and misclassified patches with their class activation maps, one row per true mRECIST class (${rows.map((r) => r.label).join(", ")}), ${protocol} protocol; external cohorts first.`,
      protocol,
      cohort: null,
      level: "patch",
      svg: (widthPx) => galleryFigureSvg(rows, training, widthPx),
    },
  };
}
