import {writeCsv} from "../../src/components/csv/writeCsv.js";
import type {ReadersTable} from "../../src/components/readers/readReadersCsv.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import type {HccTaceSegNotes} from "./hccTaceSegNotes.js";
import {Criteria, type Criterion} from "./hccTaceSegOptions.js";

/**
 * The readers of one response criterion: the sheet has a column per reader and criterion, `<n>_<criterion>`
 * (1_mRECIST, 2_mRECIST, 3_mRECIST; 1_EASL only), coded 1–4 = CR, PR, SD, PD, empty when that reader did not read
 * the patient. The readers' baseline and follow-up sums beside them (1_mRECIST_BL, 1_mRECIST_FU) are not readings.
 */
export interface ReaderColumn {
  index: number;
  name: string;
}

const readerPattern = (criterion: Criterion) => new RegExp(`^(\\d+)[\\s_-]*${criterion}$`, "i");

/** The criterion's reader columns, by reader number (the header's spelling kept: it names the reader). */
export function readerColumns(header: readonly string[], criterion: Criterion): ReaderColumn[] {
  const pattern = readerPattern(criterion);
  return header
    .map((name, index) => ({name, index, number: Number(pattern.exec(name.trim())?.[1] ?? Number.NaN)}))
    .filter((c) => Number.isFinite(c.number))
    .sort((a, b) => a.number - b.number || a.index - b.index)
    .map(({name, index}) => ({name: name.trim(), index}));
}

/** The criterion a column is a reader of, from its name alone. */
export function criterionOf(column: string): Criterion | undefined {
  return Criteria.find((c) => readerPattern(c).test(column.trim()));
}

/** A reading → class index (CR 0 … PD 3): the sheet's codes 1–4 ("2.0" as Excel may write it) or a spelled label. */
export function responseClass(raw: string): number | undefined {
  const t = raw.trim();
  if (/^[1-4](\.0+)?$/.test(t)) return Number(t) - 1;
  const k = (ResponseLabels as readonly string[]).indexOf(t.toUpperCase());
  return k >= 0 ? k : undefined;
}

/** The readers table of the given patients; a reading that is not a code is counted as not read, and noted. */
export function readersTable(
  patients: ReadonlyArray<{id: string; row: readonly string[]}>,
  readers: readonly ReaderColumn[],
  notes: HccTaceSegNotes,
): ReadersTable {
  return {
    readers: readers.map((r) => r.name),
    rows: patients.map(({id, row}) => ({
      patientId: id,
      labels: readers.map(({index, name}) => {
        const raw = (row[index] ?? "").trim();
        if (raw === "") return null;
        const k = responseClass(raw);
        if (k === undefined) notes.patient(`${name}: not a code 1–4, counted as not read`, id, JSON.stringify(raw));
        return k ?? null;
      }),
    })),
  };
}

/** readers.csv: patient_id and one column per reader, CR|PR|SD|PD or empty (the contract of readReadersCsv). */
export function readersCsv(table: ReadersTable): string {
  return writeCsv(
    ["patient_id", ...table.readers],
    table.rows.map((r) => [r.patientId, ...r.labels.map((l) => (l === null ? "" : ResponseLabels[l]))]),
  );
}
