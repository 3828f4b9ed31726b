import {readdir, readFile, stat} from "node:fs/promises";
import {join, relative, sep} from "node:path";
import {csvLine} from "../../src/components/csv/writeCsv.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {type DicomHeader, parseDicomHeader, Tags, tagValue} from "./dicomHeader.js";
import {ManifestColumns} from "./manifest.js";
import {readSheet} from "./readSheet.js";

/**
 * Adapter for the public TCIA HCC-TACE-Seg layout (NBIA download: <root>/<patient>/<study>/<series>/*.dcm, one series
 * per folder) plus its clinical spreadsheet keyed by TCIA_ID → a study manifest. Each patient's DICOM SEG gives the
 * mask; the CT series it references (ReferencedSeriesSequence) gives the image; the response column (default
 * `1_mRECIST`, coded 1–4 = CR, PR, SD, PD) gives the label. Column names are matched case-insensitively, ignoring
 * punctuation, and the report says which were found: they come from third-party code, not from the sheet itself.
 * Spreadsheet patients without images, and imaged patients without a spreadsheet row, are still written (with an
 * empty path or label) so the manifest reader counts them as exclusions instead of losing them.
 */
export interface HccTaceSegOptions {
  root: string;
  /** Folder the manifest will be written to (image paths are relative to it). */
  manifestDir: string;
  /** Clinical spreadsheet (.xlsx or .csv); default: the one under root whose name contains "clinical". */
  clinical?: string;
  /** Response column; default "1_mRECIST" (alternatives in the sheet: 1_RECIST, 1_EASL). */
  responseColumn?: string;
  cohort?: string;
}

export interface HccTaceSegReport {
  clinicalFile: string;
  columns: Array<{field: string; found: string | null; looked_for: string[]}>;
  patients: number;
  withImages: number;
  labelled: number;
  notes: string[];
}

/**
 * The manifest columns taken from the clinical spreadsheet: the id, and Table 1's known variables only
 * (clinicalColumns.ts). The spreadsheet's other columns (BCLC, TTP, OS, censoring…) are not written, since a manifest
 * column outside the allow-list is refused unless the study configuration declares it.
 */
const columnCandidates: Record<string, string[]> = {
  patient_id: ["TCIA_ID", "patient_id", "ID"],
  age: ["age"],
  sex: ["sex", "gender"],
  hbsag: ["hbsag", "HBV", "hepatitis_b"],
  child_pugh: ["child_pugh", "CPS", "child_pugh_class"],
  alt: ["alt"],
  ast: ["ast"],
  afp: ["AFP"],
  cirrhosis: ["cirrhosis"],
  tumour_size_cm: ["tumour_size_cm", "tumor_size_cm", "tumor_size"],
  tumour_number: ["tumour_number", "tumor_number", "tumor_nodul", "nodules"],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Index of the first header matching one of the candidates (case- and punctuation-insensitive), or -1. */
export function findColumn(header: readonly string[], candidates: readonly string[]): number {
  const names = header.map(squash);
  for (const c of candidates) {
    const i = names.indexOf(squash(c));
    if (i >= 0) return i;
  }
  return -1;
}

/** mRECIST/RECIST/EASL code 1–4 → CR, PR, SD, PD; a label already spelled out is kept; anything else verbatim. */
export function responseLabel(raw: string): string {
  const t = raw.trim();
  const n = Number(t);
  if (/^\d+(\.0+)?$/.test(t) && n >= 1 && n <= 4) return ResponseLabels[n - 1]!;
  return t;
}

const codings: Record<string, (v: string) => string> = {
  sex: (v) => ({m: "M", male: "M", f: "F", female: "F"})[v.toLowerCase()] ?? v,
  hbsag: (v) =>
    ({
      "1": "positive",
      yes: "positive",
      pos: "positive",
      positive: "positive",
      "0": "negative",
      no: "negative",
      neg: "negative",
      negative: "negative",
    })[v.toLowerCase()] ?? v,
  cirrhosis: (v) => ({"1": "yes", yes: "yes", "0": "no", no: "no"})[v.toLowerCase()] ?? v,
  child_pugh: (v) => (/^[abc]\d*$/i.test(v) ? v[0]!.toUpperCase() : v),
};

interface Series {
  folder: string;
  files: string[];
  ids: string[];
}

export async function hccTaceSegManifest(
  options: HccTaceSegOptions,
  effects: {log(message: string): void},
): Promise<{csv: string; report: HccTaceSegReport}> {
  const {root, manifestDir} = options;
  const responseColumn = options.responseColumn ?? "1_mRECIST";
  const cohort = options.cohort ?? "HCC-TACE-Seg";
  const notes: string[] = [];
  const note = (m: string) => {
    notes.push(m);
    effects.log(m);
  };

  const clinicalFile = options.clinical ?? (await findClinicalSheet(root));
  const sheet = await readSheet(clinicalFile);
  const columns = Object.entries(columnCandidates).map(([field, candidates]) => {
    const i = findColumn(sheet.header, candidates);
    return {field, index: i, found: i >= 0 ? sheet.header[i]! : null, looked_for: candidates};
  });
  const responseIndex = findColumn(sheet.header, [responseColumn]);
  columns.push({
    field: "label",
    index: responseIndex,
    found: responseIndex >= 0 ? sheet.header[responseIndex]! : null,
    looked_for: [responseColumn],
  });
  const idIndex = columns[0]!.index;
  if (idIndex < 0) {
    throw new Error(
      `${clinicalFile}: no patient ID column; expected one of ${columnCandidates.patient_id!.join(", ")}, got ${sheet.header.join(", ")}`,
    );
  }
  if (responseIndex < 0) {
    throw new Error(`${clinicalFile}: no response column "${responseColumn}"; columns are ${sheet.header.join(", ")}`);
  }

  const {cts, segs} = await scanDicom(root, note);
  const ctByUid = new Map(cts.map((s) => [s.uid, s]));
  const clinicalFields = columns.filter((c) => c.index >= 0 && c.field !== "patient_id" && c.field !== "label");
  const header = [...ManifestColumns, ...clinicalFields.map((c) => c.field)];
  const lines = [csvLine(header)];
  const seen = new Set<string>();
  let withImages = 0;
  let labelled = 0;
  for (const row of sheet.rows) {
    const id = (row[idIndex] ?? "").trim();
    if (!id) continue;
    seen.add(squash(id));
    const matches = segs
      .filter((s) => s.ids.some((x) => squash(x) === squash(id)))
      .sort((a, b) => (a.file < b.file ? -1 : 1));
    let image = "";
    let mask = "";
    const withCt = matches.filter((s) => ctByUid.has(s.referencedUid));
    if (matches.length === 0) note(`patient ${id}: no DICOM SEG found under ${root}`);
    else if (withCt.length === 0)
      note(
        `patient ${id}: the DICOM SEG ${matches[0]!.file} references series ${matches[0]!.referencedUid}, not found under ${root}`,
      );
    else {
      const seg = withCt[0]!;
      if (withCt.length > 1) note(`patient ${id}: ${withCt.length} DICOM SEGs; using ${seg.file}`);
      if (!seg.segments.some((s) => /tumou?r|mass|lesion|hcc/i.test(s))) {
        note(`patient ${id}: SEG segments ${seg.segments.join(", ")} include none named like a tumour`);
      }
      image = relative(manifestDir, ctByUid.get(seg.referencedUid)!.folder) || ".";
      mask = relative(manifestDir, seg.file);
      withImages++;
    }
    const label = responseLabel(row[responseIndex] ?? "");
    if ((ResponseLabels as readonly string[]).includes(label)) labelled++;
    else note(`patient ${id}: response "${row[responseIndex] ?? ""}" in ${responseColumn} is not a code 1–4`);
    const clinical = clinicalFields.map((c) => {
      const raw = (row[c.index] ?? "").trim();
      return codings[c.field]?.(raw) ?? raw;
    });
    lines.push(csvLine([id, cohort, posix(image), posix(mask), label, ...clinical]));
  }
  for (const seg of segs) {
    if (!seg.ids.some((x) => seen.has(squash(x)))) {
      note(
        `DICOM SEG ${seg.file} (patient ${seg.ids.join(" / ")}) has no row in ${clinicalFile}; written without a label`,
      );
      const ct = ctByUid.get(seg.referencedUid);
      lines.push(
        csvLine(
          [
            seg.ids[0] ?? seg.file,
            cohort,
            ct ? posix(relative(manifestDir, ct.folder)) : "",
            posix(relative(manifestDir, seg.file)),
            "",
          ].concat(clinicalFields.map(() => "")),
        ),
      );
    }
  }
  return {
    csv: `${lines.join("\n")}\n`,
    report: {
      clinicalFile,
      columns: columns.map(({field, found, looked_for}) => ({field, found, looked_for})),
      patients: lines.length - 1,
      withImages,
      labelled,
      notes,
    },
  };
}

const posix = (p: string) => p.split(sep).join("/");

async function findClinicalSheet(root: string): Promise<string> {
  const found: string[] = [];
  const visit = async (dir: string, depth: number) => {
    for (const e of await readdir(dir, {withFileTypes: true})) {
      if (e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory() && depth < 2) await visit(p, depth + 1);
      else if (/\.(xlsx|csv)$/i.test(e.name) && /clinical/i.test(e.name)) found.push(p);
    }
  };
  await visit(root, 0);
  found.sort();
  if (found.length === 0)
    throw new Error(`${root}: no clinical spreadsheet (*clinical*.xlsx or .csv) found; pass --clinical <file>`);
  return found[0]!;
}

/** Every CT series folder (by SeriesInstanceUID) and every DICOM SEG file under root, with the patient IDs they answer to. */
async function scanDicom(root: string, note: (m: string) => void) {
  const cts: Array<Series & {uid: string}> = [];
  const segs: Array<{file: string; ids: string[]; referencedUid: string; segments: string[]}> = [];
  const visit = async (dir: string) => {
    const entries = (await readdir(dir, {withFileTypes: true}))
      .filter((e) => !e.name.startsWith("."))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const files = entries.filter((e) => e.isFile()).map((e) => join(dir, e.name));
    const topFolder = relative(root, dir).split(sep)[0] ?? "";
    let ctSeen = false;
    for (const file of files) {
      const bytes = await readIfDicom(file);
      if (!bytes) continue;
      let tags: DicomHeader;
      try {
        tags = parseDicomHeader(bytes, file);
      } catch (error) {
        note((error as Error).message);
        continue;
      }
      const ids = [tagValue(tags, Tags.patientId) ?? "", topFolder].filter((x) => x !== "");
      if (tagValue(tags, Tags.modality) === "SEG") {
        const segments = tags.get("0062,0002>0062,0005") ?? [];
        segs.push({file, ids, referencedUid: tagValue(tags, Tags.referencedSeriesUid) ?? "", segments});
      } else if (!ctSeen && tagValue(tags, Tags.modality) === "CT") {
        // One series per folder (the NBIA layout): the first CT file names the folder's series.
        ctSeen = true;
        cts.push({folder: dir, files: [], ids, uid: tagValue(tags, Tags.seriesInstanceUid) ?? ""});
      }
    }
    for (const e of entries) if (e.isDirectory()) await visit(join(dir, e.name));
  };
  if (!(await stat(root)).isDirectory()) throw new Error(`${root}: expected a folder (the HCC-TACE-Seg download)`);
  await visit(root);
  return {cts, segs};
}

async function readIfDicom(file: string): Promise<Uint8Array | undefined> {
  const bytes = await readFile(file);
  return bytes.length >= 132 && bytes.toString("latin1", 128, 132) === "DICM" ? bytes : undefined;
}
