import {readdir, readFile, stat} from "node:fs/promises";
import {join, relative, sep} from "node:path";
import {type DicomHeader, parseDicomHeader, Tags, tagValue} from "./dicomHeader.js";
import type {HccTaceSegNotes} from "./hccTaceSegNotes.js";
import {squash} from "./hccTaceSegSheet.js";

/**
 * The images of an HCC-TACE-Seg download (NBIA layout: <root>/<patient>/<study>/<series>/*.dcm, one series per
 * folder): each patient's DICOM SEG is the mask and the CT series it references (ReferencedSeriesSequence) the image.
 * Only headers are read here; the pixels are read at preprocessing.
 */
export interface DicomSeg {
  file: string;
  /** The PatientID tag and the top folder's name: either may be how the sheet's TCIA_ID appears. */
  ids: string[];
  referencedUid: string;
  segments: string[];
}

export interface DicomScan {
  /** CT series folder by SeriesInstanceUID. */
  cts: Map<string, string>;
  segs: DicomSeg[];
}

/** Every CT series folder and every DICOM SEG file under root. */
export async function scanDicom(root: string, notes: HccTaceSegNotes): Promise<DicomScan> {
  const cts = new Map<string, string>();
  const segs: DicomSeg[] = [];
  const visit = async (dir: string) => {
    const entries = (await readdir(dir, {withFileTypes: true}))
      .filter((e) => !e.name.startsWith("."))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const topFolder = relative(root, dir).split(sep)[0] ?? "";
    let ctSeen = false;
    for (const e of entries) {
      if (!e.isFile()) continue;
      const file = join(dir, e.name);
      const bytes = await readIfDicom(file);
      if (!bytes) continue;
      let tags: DicomHeader;
      try {
        tags = parseDicomHeader(bytes, file);
      } catch (error) {
        notes.add((error as Error).message);
        continue;
      }
      const ids = [tagValue(tags, Tags.patientId) ?? "", topFolder].filter((x) => x !== "");
      const modality = tagValue(tags, Tags.modality);
      if (modality === "SEG") {
        const segments = tags.get("0062,0002>0062,0005") ?? [];
        segs.push({file, ids, referencedUid: tagValue(tags, Tags.referencedSeriesUid) ?? "", segments});
      } else if (!ctSeen && modality === "CT") {
        // One series per folder (the NBIA layout): the first CT file names the folder's series.
        ctSeen = true;
        const uid = tagValue(tags, Tags.seriesInstanceUid) ?? "";
        if (!cts.has(uid)) cts.set(uid, dir);
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

export const isPatient = (seg: DicomSeg, id: string) => seg.ids.some((x) => squash(x) === squash(id));

/**
 * A patient's CT folder and SEG file, or null when the download has no SEG for them (the caller counts those). A SEG
 * whose CT series is absent, several SEGs, or segments none of which is named like a tumour are noted by cause.
 */
export function patientImages(
  scan: DicomScan,
  id: string,
  notes: HccTaceSegNotes,
): {image: string; mask: string} | null {
  const matches = scan.segs.filter((s) => isPatient(s, id)).sort((a, b) => (a.file < b.file ? -1 : 1));
  if (matches.length === 0) return null;
  const withCt = matches.filter((s) => scan.cts.has(s.referencedUid));
  const seg = withCt[0];
  if (seg === undefined) {
    notes.patient("the DICOM SEG's referenced CT series is not in the download; no image", id, matches[0]!.file);
    return {image: "", mask: matches[0]!.file};
  }
  if (withCt.length > 1) notes.patient("several DICOM SEGs; the first by name is used", id, seg.file);
  if (!seg.segments.some((s) => /tumou?r|mass|lesion|hcc/i.test(s)))
    notes.patient("no SEG segment is named like a tumour", id, seg.segments.join(", ") || "no segment labels");
  return {image: scan.cts.get(seg.referencedUid)!, mask: seg.file};
}
