import {createReadStream} from "node:fs";
import {createGunzip} from "node:zlib";
import {PatientError} from "../cohort/exclusion.js";

/**
 * Streams the gzip data from byte `start` through zlib (constant memory); returns the decoded length and first bytes.
 * 1 MiB chunks (instead of 64 KiB reads and 16 KiB inflate chunks) halve the time on a 20 MB CT (about 0.2 → 0.1 s):
 * the check reads every byte of every volume, and reading dominates preprocessing.
 */
const chunkBytes = 1 << 20;
export function gunzipChecked(path: string, what: string, start = 0): Promise<{bytes: number; head: Buffer}> {
  return new Promise((resolvePromise, reject) => {
    let bytes = 0;
    const chunks: Buffer[] = [];
    let kept = 0;
    const gunzip = createGunzip({chunkSize: chunkBytes});
    gunzip.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (kept < 544) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    gunzip.on("end", () => resolvePromise({bytes, head: Buffer.concat(chunks).subarray(0, 544)}));
    let first: Buffer | undefined;
    const fail = (error: Error) =>
      reject(new PatientError("unreadableImage", `${what}: ${gzipProblem(error, bytes, first)}: ${path}`, path));
    gunzip.on("error", fail);
    const input = createReadStream(path, {start, highWaterMark: chunkBytes});
    input.once("data", (chunk) => {
      first ??= Buffer.from(chunk as Buffer).subarray(0, 8);
    });
    input.on("error", fail);
    input.pipe(gunzip);
  });
}

/** A renamed file (a PNG or a plain NIfTI called .gz) is not a truncated one: say which, from its first bytes. */
function gzipProblem(error: Error, decoded: number, first: Buffer | undefined): string {
  if (first !== undefined && first.length >= 2 && (first[0] !== 0x1f || first[1] !== 0x8b)) {
    const kind = first.subarray(1, 4).toString("latin1") === "PNG" ? " (it starts like a PNG image)" : "";
    return `not gzip-compressed although its name ends in .gz${kind}; was the file renamed?`;
  }
  return `gzip stream truncated or corrupt (${error.message}) after ${decoded} decoded bytes`;
}
