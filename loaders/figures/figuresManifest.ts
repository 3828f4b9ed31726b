import type {Level, Protocol} from "../../src/components/study/vocabulary.js";
import type {SkippedFigure} from "./figureDefinition.js";

export const FigureFormats = ["svg", "pdf", "png", "tiff"] as const;
export const TableFormats = ["docx", "tex", "csv"] as const;
export const JournalWidthsMm = [84, 129, 174] as const;

/** The run a file's numbers come from (protocol.json's provenance of that protocol). */
export interface ManifestRun {
  protocol: Protocol;
  runId: string;
  configHash: string;
  dataHash: string;
}

/** One file `workbench figures` wrote. */
export interface ManifestFile {
  file: string;
  kind: "figure" | "table";
  /** The paper's name: "fig3", "suppfig2", "table1", "discrimination". */
  id: string;
  format: (typeof FigureFormats)[number] | (typeof TableFormats)[number];
  caption: string;
  protocol: Protocol | null;
  cohort: string | null;
  level: Level | null;
  /** Printed size; null for a table. */
  widthMm: number | null;
  heightMm: number | null;
  /** Dots per inch of a PNG or TIFF; null for vector files and tables. */
  dpi: number | null;
  /** Pixel size of a PNG or TIFF. */
  pixels: {width: number; height: number} | null;
  bytes: number;
  sha256: string;
  run: ManifestRun;
}

/** manifest.json: every file of the folder, what was asked, and which figures were not drawn and why. */
export interface FiguresManifest {
  generator: "workbench figures";
  widthMm: number;
  dpi: number;
  font: string;
  protocols: Protocol[];
  files: ManifestFile[];
  skipped: SkippedFigure[];
}
