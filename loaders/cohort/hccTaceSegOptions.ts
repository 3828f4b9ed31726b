import type {TieBreak} from "../../src/components/readers/referenceStandard.js";

/** The response criteria the HCC-TACE-Seg sheet records, each read by numbered readers (`1_mRECIST`, `2_mRECIST`…). */
export const Criteria = ["mRECIST", "RECIST", "EASL"] as const;
export type Criterion = (typeof Criteria)[number];

export interface HccTaceSegOptions {
  root: string;
  /** Folder the outputs are written to (image paths are relative to it). */
  manifestDir: string;
  /** The manifest's file name, as study.json names it (default "study.csv"). */
  manifestName?: string;
  /** Clinical spreadsheet (.xlsx or .csv); default: the one under root whose name contains "clinical". */
  clinical?: string;
  /** Whose readings the readers file holds (default mRECIST). */
  criterion?: Criterion;
  /** "majority" (default), "unanimous", or one reader's column (then the criterion is that column's). */
  reference?: string;
  /** How a majority tie is settled (default "exclude"); only with the majority rule. */
  tie?: TieBreak;
  cohort?: string;
}

/**
 * Options that do not fit the sheet (a reference column it does not have, a majority over one reader): the command
 * turns it into a usage error, since the command line is what must change.
 */
export class HccTaceSegOptionError extends Error {
  override name = "HccTaceSegOptionError";
}
