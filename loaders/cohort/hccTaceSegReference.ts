import type {ReadersTable} from "../../src/components/readers/readReadersCsv.js";
import {type ReferenceRule, referenceStandard} from "../../src/components/readers/referenceStandard.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {Criteria, type Criterion, HccTaceSegOptionError, type HccTaceSegOptions} from "./hccTaceSegOptions.js";
import {criterionOf, type ReaderColumn, readerColumns} from "./hccTaceSegReaders.js";
import {findColumn} from "./hccTaceSegSheet.js";

/**
 * Which readers the outputs hold and which reading labels the manifest: `--reference majority|unanimous` over the
 * criterion's readers, or `--reference <column>` (the old `--response`), one reader whose criterion the readers file
 * then holds. A sheet with one reader of the criterion (EASL) has no majority: by default that reader's reading is the
 * reference and the summary says so; asked for explicitly, a majority over one reader is refused.
 */
export interface ReaderChoice {
  criterion: Criterion;
  readers: ReaderColumn[];
  rule: ReferenceRule;
  /** Said in the summary when the rule is not the one asked for (one reader: no majority). */
  fallback?: string;
}

export function chooseReaders(header: readonly string[], options: HccTaceSegOptions, sheet: string): ReaderChoice {
  const asked = options.reference?.trim();
  const rule = asked === undefined ? "majority" : asked.toLowerCase();
  if (rule !== "majority" && rule !== "unanimous") return oneReader(header, asked ?? "", options, sheet);
  const criterion = options.criterion ?? "mRECIST";
  const readers = readerColumns(header, criterion);
  if (options.tie !== undefined && rule === "unanimous")
    throw new HccTaceSegOptionError('--tie applies to --reference majority, not "unanimous"');
  if (readers.length === 0) {
    const others = Criteria.filter((c) => readerColumns(header, c).length > 0);
    throw new HccTaceSegOptionError(
      `${sheet}: no ${criterion} reader columns (1_${criterion}, 2_${criterion}, …)` +
        (others.length > 0 ? `; the sheet has ${others.join(", ")} readers (--criterion)` : ""),
    );
  }
  const only = readers[0]!;
  if (readers.length === 1) {
    if (asked !== undefined || options.tie !== undefined) {
      throw new HccTaceSegOptionError(
        `--reference ${rule} needs at least two ${criterion} readers; ${sheet} has one (${only.name}): use --reference ${only.name}`,
      );
    }
    return {
      criterion,
      readers,
      rule: {rule: "reader", reader: only.name},
      fallback: `${criterion} has one reader in this sheet (${only.name}): no majority; its reading is the reference`,
    };
  }
  return {
    criterion,
    readers,
    rule: rule === "majority" ? {rule, tie: options.tie ?? "exclude"} : {rule},
  };
}

function oneReader(header: readonly string[], asked: string, options: HccTaceSegOptions, sheet: string): ReaderChoice {
  const index = findColumn(header, [asked]);
  if (index < 0) {
    const readers = Criteria.flatMap((c) => readerColumns(header, c).map((r) => r.name));
    throw new HccTaceSegOptionError(
      `--reference ${asked}: ${sheet} has no such column; give majority, unanimous or a reader column` +
        (readers.length > 0 ? ` (${readers.join(", ")})` : ""),
    );
  }
  if (options.tie !== undefined)
    throw new HccTaceSegOptionError("--tie applies to --reference majority, not to one reader");
  const name = header[index]!.trim();
  const own = criterionOf(name);
  if (own !== undefined && options.criterion !== undefined && own !== options.criterion)
    throw new HccTaceSegOptionError(`--reference ${name} is a ${own} reader, not ${options.criterion} (--criterion)`);
  // A column that is no criterion's reader (a sheet's own "response" column) is a criterion of one reader.
  const readers = own === undefined ? [{index, name}] : readerColumns(header, own);
  return {criterion: own ?? options.criterion ?? "mRECIST", readers, rule: {rule: "reader", reader: name}};
}

export interface ReferenceOutcome {
  /** Patient id → CR|PR|SD|PD; patients without a reference class are absent. */
  labels: Map<string, string>;
  assigned: number;
  /** Majorities tied (settled or excluded as the tie rule says) and those excluded for it. */
  ties: number;
  lostToTies: number;
  /** Too few readings for the rule (majority, unanimous) or the rule's reader did not read the patient. */
  lostToMissing: number;
  lostToDisagreement: number;
  /** How the reference was taken, for the summary. */
  description: string;
}

export function referenceLabels(table: ReadersTable, choice: ReaderChoice): ReferenceOutcome {
  const standard = referenceStandard(table, choice.rule);
  const labels = new Map<string, string>();
  for (const row of standard.rows)
    if (row.reference !== null) labels.set(row.patientId, ResponseLabels[row.reference] ?? "");
  const {excluded} = standard.counts;
  return {
    labels,
    assigned: standard.counts.assigned,
    ties: standard.counts.ties,
    lostToTies: excluded.tie,
    lostToMissing: excluded.notRead + excluded.tooFewReadings,
    lostToDisagreement: excluded.disagreement,
    description: describe(choice, standard.counts.ties),
  };
}

function describe({rule, readers, criterion}: ReaderChoice, ties: number): string {
  const names = `the ${readers.length} ${criterion} readers`;
  if (rule.rule === "reader") return `reader ${rule.reader}`;
  if (rule.rule === "unanimous") return `agreement of ${names}`;
  const tie = rule.tie === "exclude" ? "ties excluded" : `${ties} tie(s) settled to the ${rule.tie} class`;
  return `majority of ${names}, ${tie}`;
}
