import {relative, sep} from "node:path";
import {csvLine} from "../../src/components/csv/writeCsv.js";
import {clinicalCells, clinicalColumns} from "./hccTaceSegClinical.js";
import {isPatient, patientImages, scanDicom} from "./hccTaceSegDicom.js";
import {HccTaceSegNotes} from "./hccTaceSegNotes.js";
import type {Criterion, HccTaceSegOptions} from "./hccTaceSegOptions.js";
import {readersCsv, readersTable} from "./hccTaceSegReaders.js";
import {chooseReaders, type ReferenceOutcome, referenceLabels} from "./hccTaceSegReference.js";
import {type ColumnFound, findClinicalSheet, findColumn, squash} from "./hccTaceSegSheet.js";
import {studyFile} from "./hccTaceSegStudyFile.js";
import {survival, survivalColumns} from "./hccTaceSegSurvival.js";
import {ManifestColumns} from "./manifest.js";
import {readSheet} from "./readSheet.js";

/**
 * Adapter for the public TCIA HCC-TACE-Seg collection (images: hccTaceSegDicom.ts) and its clinical sheet keyed by
 * TCIA_ID → a study: the manifest (image, mask, the reference standard's label, the clinical columns), the readers'
 * responses (readers.csv), the survival endpoints (survival.csv) and the study file that ties them together
 * (study.json). Everything the sheet records that the workbench analyses is kept; what a coding assumes is listed.
 * Sheet patients without images, and imaged patients without a sheet row, are still written to the manifest (with an
 * empty path or label) so the preprocessing flow report counts them as exclusions instead of losing them.
 */
export const OutputNames = {readers: "readers.csv", survival: "survival.csv", study: "study.json"} as const;

const idCandidates = ["TCIA_ID", "patient_id", "ID"];

export interface HccTaceSegFiles {
  manifest: string;
  /** null when the criterion has fewer than two readers (a readers file needs two). */
  readers: string | null;
  survival: string | null;
  study: string;
}

export interface HccTaceSegReport {
  clinicalFile: string;
  root: string;
  columns: ColumnFound[];
  clinicalWritten: string[];
  /** The written columns study.json declares (those Table 1 does not know). */
  declaredColumns: string[];
  criterion: Criterion;
  readers: string[];
  /** Why there is no readers file, or null when there is one. */
  noReadersFile: string | null;
  /** Said when the reference rule is not the one asked for. */
  referenceFallback: string | null;
  reference: Omit<ReferenceOutcome, "labels">;
  /** Patients in the sheet (distinct ids), and manifest rows (they also hold imaged patients with no sheet row). */
  patients: number;
  manifestRows: number;
  withImages: number;
  withoutImages: string[];
  imagesWithoutRow: string[];
  survival: ReturnType<typeof survival>["counts"];
  assumedCodings: string[];
  /** Compact notes: one line per cause (with the first patients), then one-off messages. */
  notes: string[];
}

const posix = (p: string) => p.split(sep).join("/");

export async function hccTaceSegStudy(
  options: HccTaceSegOptions,
): Promise<{files: HccTaceSegFiles; report: HccTaceSegReport}> {
  const {root, manifestDir} = options;
  const cohort = options.cohort ?? "HCC-TACE-Seg";
  const notes = new HccTaceSegNotes();
  const clinicalFile = options.clinical ?? (await findClinicalSheet(root));
  const sheet = await readSheet(clinicalFile);
  const idIndex = findColumn(sheet.header, idCandidates);
  if (idIndex < 0) {
    throw new Error(
      `${clinicalFile}: no patient ID column; expected one of ${idCandidates.join(", ")}, got ${sheet.header.join(", ")}`,
    );
  }
  // Checked before the (slow) image scan: a reference the sheet cannot give is the command line's mistake.
  const choice = chooseReaders(sheet.header, options, clinicalFile);

  // One row per patient: a repeated id would make the readers and survival files unreadable (and be ambiguous).
  const patients: Array<{id: string; row: string[]}> = [];
  const seen = new Set<string>();
  let noId = 0;
  for (const row of sheet.rows) {
    const id = (row[idIndex] ?? "").trim();
    if (!id) {
      if (row.some((c) => c.trim() !== "")) noId++;
      continue;
    }
    if (seen.has(squash(id))) notes.patient(`repeated ${sheet.header[idIndex]}: later rows skipped`, id);
    else {
      seen.add(squash(id));
      patients.push({id, row});
    }
  }
  if (noId > 0) notes.add(`${noId} sheet row(s) without a ${sheet.header[idIndex]} skipped`);

  const clinical = clinicalColumns(
    sheet.header,
    patients.map((p) => p.row),
    notes,
  );
  const survivalFound = survivalColumns(sheet.header);
  const scan = await scanDicom(root, notes);

  const table = readersTable(patients, choice.readers, notes);
  const reference = referenceLabels(table, choice);
  const outcome = survival(survivalFound.endpoints, patients, notes);

  const header = [...ManifestColumns, ...clinical.written.map((c) => c.coding.field)];
  const lines = [csvLine(header)];
  const rel = (p: string) => (p === "" ? "" : posix(relative(manifestDir, p) || "."));
  const withoutImages: string[] = [];
  let withImages = 0;
  for (const {id, row} of patients) {
    const images = patientImages(scan, id, notes);
    if (images?.image && images.mask) withImages++;
    else withoutImages.push(id);
    const label = reference.labels.get(id) ?? "";
    const cells = clinicalCells(clinical, row, id, notes);
    lines.push(csvLine([id, cohort, rel(images?.image ?? ""), rel(images?.mask ?? ""), label, ...cells]));
  }
  const imagesWithoutRow: string[] = [];
  for (const seg of scan.segs) {
    if (patients.some((p) => isPatient(seg, p.id))) continue;
    const id = seg.ids[0] ?? seg.file;
    imagesWithoutRow.push(id);
    const ct = scan.cts.get(seg.referencedUid) ?? "";
    lines.push(csvLine([id, cohort, rel(ct), rel(seg.file), "", ...clinical.written.map(() => "")]));
  }

  const noReadersFile =
    table.readers.length >= 2
      ? null
      : `${choice.criterion} has one reader in this sheet (${table.readers.join(", ")}); a readers file needs two or more`;
  const assumedCodings = [...clinical.assumed, ...(outcome.assumed ? [outcome.assumed] : [])];
  const files: HccTaceSegFiles = {
    manifest: `${lines.join("\n")}\n`,
    readers: noReadersFile === null ? readersCsv(table) : null,
    survival: outcome.csv,
    study: studyFile({
      name: "HCC-TACE-Seg",
      manifest: options.manifestName ?? "study.csv",
      cohort,
      declared: clinical.declared,
      readers: noReadersFile === null ? OutputNames.readers : null,
      survival: outcome.csv === null ? null : OutputNames.survival,
      referenceStandard: choice.rule,
      endpoints: outcome.specs,
      assumedCodings,
    }),
  };
  return {
    files,
    report: {
      clinicalFile,
      root,
      columns: [
        {field: "patient_id", found: [sheet.header[idIndex]!], lookedFor: idCandidates},
        ...clinical.found,
        {field: `readers (${choice.criterion})`, found: table.readers, lookedFor: [`<n>_${choice.criterion}`]},
        ...survivalFound.found,
      ],
      clinicalWritten: clinical.written.map((c) => c.coding.field),
      declaredColumns: Object.keys(clinical.declared),
      criterion: choice.criterion,
      readers: table.readers,
      noReadersFile,
      referenceFallback: choice.fallback ?? null,
      reference: {
        assigned: reference.assigned,
        ties: reference.ties,
        lostToTies: reference.lostToTies,
        lostToMissing: reference.lostToMissing,
        lostToDisagreement: reference.lostToDisagreement,
        description: reference.description,
      },
      patients: patients.length,
      manifestRows: lines.length - 1,
      withImages,
      withoutImages,
      imagesWithoutRow,
      survival: outcome.counts,
      assumedCodings,
      notes: notes.lines(),
    },
  };
}
