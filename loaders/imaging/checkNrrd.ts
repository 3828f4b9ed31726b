import {open} from "node:fs/promises";
import {PatientError} from "../cohort/exclusion.js";
import {gunzipChecked} from "./gunzipChecked.js";

/**
 * A single-file NRRD must hold sizes × type bytes after its header: raw data by file length, gzip data by decoding it
 * to the end (itk-wasm may zero-fill what is missing). Detached data ("data file:") and other encodings are left to
 * itk-wasm.
 */
const typeBytes: Array<[RegExp, number]> = [
  [/^(signed |unsigned )?char$|^u?int8(_t)?$|^uchar$/, 1],
  [/^(signed |unsigned )?short( int)?$|^u?int16(_t)?$|^ushort$/, 2],
  [/^(signed |unsigned )?int$|^u?int32(_t)?$|^uint$|^float$/, 4],
  [/^(signed |unsigned )?long long( int)?$|^u?int64(_t)?$|^u?longlong$|^double$/, 8],
];

export async function checkNrrd(path: string, size: number, what: string): Promise<void> {
  const handle = await open(path, "r");
  let head: Buffer;
  try {
    head = Buffer.alloc(Math.min(size, 65536));
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const text = head.toString("latin1");
  if (!text.startsWith("NRRD")) {
    throw new PatientError("unreadableImage", `${what}: not a NRRD file (no "NRRD" magic): ${path}`, path);
  }
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return;
  const dataStart = end + (text.slice(end).match(/^\r?\n\r?\n/)?.[0].length ?? 2);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*?)\\s*$`, "mi").exec(text.slice(0, end))?.[1];
  if (field("data ?file") !== undefined || field("datafile") !== undefined) return;
  const type = (field("type") ?? "").toLowerCase();
  const bytes = typeBytes.find(([re]) => re.test(type))?.[1];
  const sizes = (field("sizes") ?? "").split(/\s+/).map(Number);
  if (bytes === undefined || sizes.length === 0 || !sizes.every((n) => Number.isInteger(n) && n > 0)) return;
  const needed = sizes.reduce((a, b) => a * b, 1) * bytes;
  const encoding = (field("encoding") ?? "raw").toLowerCase();
  let got: number;
  if (encoding === "gzip" || encoding === "gz") got = (await gunzipChecked(path, what, dataStart)).bytes;
  else if (encoding === "raw") got = size - dataStart;
  else return;
  if (got < needed) {
    throw new PatientError(
      "unreadableImage",
      `${what}: NRRD data shorter than its header says (expected ${needed} bytes for ${sizes.join("×")} voxels of ${type}, got ${got}): ${path}`,
      path,
    );
  }
}
