import {open, readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {readDicomHeader} from "../cohort/dicomHeader.js";

/** The DICOM Part 10 magic: "DICM" at byte 128. Files without it (LICENSE, .DS_Store, thumbnails) break series reads. */
export async function dicomHead(path: string, bytes = 4096): Promise<Buffer | undefined> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(bytes);
    const {bytesRead} = await handle.read(head, 0, bytes, 0);
    if (bytesRead < 132 || head.toString("latin1", 128, 132) !== "DICM") return undefined;
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** SOP Class UID of DICOM Segmentation Storage, found in the file meta header of every DICOM SEG. */
const segSopClass = "1.2.840.10008.5.1.4.1.1.66.4";

export function isDicomSegHead(head: Buffer): boolean {
  return head.toString("latin1").includes(segSopClass);
}

/** The DICOM files of a series folder (sorted by name), and the non-DICOM files that were skipped. */
export async function listDicomFolder(folder: string): Promise<{files: string[]; skipped: string[]}> {
  const entries = await readdir(folder, {withFileTypes: true});
  const files: string[] = [];
  const skipped: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isFile()) continue;
    const path = join(folder, entry.name);
    if (await dicomHead(path, 132)) files.push(path);
    else skipped.push(path);
  }
  return {files, skipped};
}

/**
 * Why a DICOM file cannot be trusted, or undefined: its pixel data element promises more bytes than the file holds
 * (itk-wasm reads a half-truncated slice without error), or the header itself is cut short.
 */
export async function dicomTruncation(path: string, bytes?: Uint8Array): Promise<string | undefined> {
  const data = bytes ?? (await readFile(path));
  try {
    const {pixelData} = readDicomHeader(data, path);
    if (pixelData === undefined) return `${path}: no pixel data element`;
    if (pixelData.length !== undefined && pixelData.offset + pixelData.length > data.length) {
      return `${path}: DICOM file truncated (pixel data needs ${pixelData.length} bytes, the file has ${data.length - pixelData.offset})`;
    }
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
