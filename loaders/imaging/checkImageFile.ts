import {open, readFile, stat} from "node:fs/promises";
import {dirname, join} from "node:path";
import {PatientError} from "../cohort/exclusion.js";
import {checkNrrd} from "./checkNrrd.js";
import {gunzipChecked} from "./gunzipChecked.js";

/**
 * Integrity checks itk-wasm does not make (../shared/imaging.md): it zero-fills a truncated .nii.gz, returns an all-zero
 * volume for a header-only .nii, and throws a bare number for a missing file. So before any itk-wasm call: the file
 * exists, a gzip stream decodes to its end, and a NIfTI, NRRD or MetaImage file holds the bytes its header promises.
 */
export async function checkImageFile(path: string, what: string): Promise<void> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return;
    size = s.size;
  } catch {
    throw new PatientError("fileMissing", `${what}: file missing: ${path}`, path);
  }
  if (size === 0) throw new PatientError("unreadableImage", `${what}: empty file: ${path}`, path);
  const lower = path.toLowerCase();
  if (lower.endsWith(".gz")) {
    const {bytes, head} = await gunzipChecked(path, what);
    if (lower.endsWith(".nii.gz")) checkNiftiLength(head, bytes, path, what);
  } else if (lower.endsWith(".nrrd")) {
    await checkNrrd(path, size, what);
  } else if (lower.endsWith(".mhd")) {
    await checkMetaImageData(path, what);
  } else if (lower.endsWith(".nii")) {
    const handle = await open(path, "r");
    try {
      const head = Buffer.alloc(Math.min(size, 544));
      await handle.read(head, 0, head.length, 0);
      checkNiftiLength(head, size, path, what);
    } finally {
      await handle.close();
    }
  }
}

/** Compares the data length with vox_offset + voxels × bitpix / 8 from a NIfTI-1 or NIfTI-2 header (either endianness). */
export function checkNiftiLength(head: Buffer, length: number, path: string, what: string): void {
  if (head.length < 348) {
    throw new PatientError(
      "unreadableImage",
      `${what}: NIfTI file too short for a header (${head.length} bytes, expected ≥ 348): ${path}`,
      path,
    );
  }
  const le = head.readInt32LE(0);
  const be = head.readInt32BE(0);
  const little = le === 348 || le === 540;
  const sizeofHdr = little ? le : be;
  if (sizeofHdr !== 348 && sizeofHdr !== 540) {
    throw new PatientError(
      "unreadableImage",
      `${what}: not a NIfTI file (sizeof_hdr expected 348 or 540, got ${le}): ${path}`,
      path,
    );
  }
  const i16 = (o: number) => (little ? head.readInt16LE(o) : head.readInt16BE(o));
  let dims: number[];
  let bitpix: number;
  let voxOffset: number;
  if (sizeofHdr === 348) {
    dims = Array.from({length: 8}, (_, i) => i16(40 + 2 * i));
    bitpix = i16(72);
    voxOffset = little ? head.readFloatLE(108) : head.readFloatBE(108);
    // A detached .hdr/.img pair has vox_offset 0 and no data here; only the single-file magic "n+1" is checked.
    if (head.toString("latin1", 344, 347) !== "n+1") return;
  } else {
    if (head.length < 540)
      throw new PatientError("unreadableImage", `${what}: NIfTI-2 header truncated: ${path}`, path);
    const i64 = (o: number) => Number(little ? head.readBigInt64LE(o) : head.readBigInt64BE(o));
    dims = Array.from({length: 8}, (_, i) => i64(16 + 8 * i));
    bitpix = i16(14);
    voxOffset = i64(168);
  }
  const rank = dims[0] ?? 0;
  let voxels = 1;
  for (let d = 1; d <= rank && d < 8; d++) voxels *= Math.max(1, dims[d] ?? 1);
  const needed = Math.max(voxOffset, sizeofHdr) + (voxels * bitpix) / 8;
  if (length < needed) {
    throw new PatientError(
      "unreadableImage",
      `${what}: NIfTI data shorter than its header says (expected ${needed} bytes for ${dims.slice(1, rank + 1).join("×")} voxels of ${bitpix} bits, got ${length}): ${path}`,
      path,
    );
  }
}

const metaTypeBytes: Record<string, number> = {
  MET_CHAR: 1,
  MET_UCHAR: 1,
  MET_SHORT: 2,
  MET_USHORT: 2,
  MET_INT: 4,
  MET_UINT: 4,
  MET_LONG: 4,
  MET_ULONG: 4,
  MET_LONG_LONG: 8,
  MET_ULONG_LONG: 8,
  MET_FLOAT: 4,
  MET_DOUBLE: 8,
};

/** A MetaImage header (.mhd) names a separate data file: it must exist and, uncompressed, hold every voxel. */
async function checkMetaImageData(path: string, what: string): Promise<void> {
  const text = await readFile(path, "latin1");
  const field = (name: string) => new RegExp(`^\\s*${name}\\s*=\\s*(.*?)\\s*$`, "mi").exec(text)?.[1];
  const dataFile = field("ElementDataFile");
  if (!dataFile || dataFile === "LOCAL" || dataFile.startsWith("LIST") || dataFile.includes("%")) return;
  const dataPath = join(dirname(path), dataFile);
  let size: number;
  try {
    size = (await stat(dataPath)).size;
  } catch {
    throw new PatientError(
      "fileMissing",
      `${what}: MetaImage data file missing: ${dataPath} (named by ${path})`,
      dataPath,
    );
  }
  if (/^true$/i.test(field("CompressedData") ?? "")) return;
  const dims = (field("DimSize") ?? "").split(/\s+/).map(Number);
  const bytes = metaTypeBytes[field("ElementType") ?? ""];
  const channels = Number(field("ElementNumberOfChannels") ?? 1);
  if (bytes === undefined || dims.length === 0 || !dims.every((d) => Number.isInteger(d) && d > 0)) return;
  const needed = dims.reduce((a, b) => a * b, 1) * bytes * channels + Number(field("HeaderSize") ?? 0);
  if (size < needed) {
    throw new PatientError(
      "unreadableImage",
      `${what}: MetaImage data shorter than its header says (expected ${needed} bytes for ${dims.join("×")} voxels, got ${size}): ${dataPath}`,
      dataPath,
    );
  }
}
