import {createReadStream} from "node:fs";
import {createGunzip} from "node:zlib";
import {PatientError} from "../cohort/exclusion.js";

/** Streams the gzip data from byte `start` through zlib (constant memory); returns the decoded length and first bytes. */
export function gunzipChecked(path: string, what: string, start = 0): Promise<{bytes: number; head: Buffer}> {
  return new Promise((resolvePromise, reject) => {
    let bytes = 0;
    const chunks: Buffer[] = [];
    let kept = 0;
    const gunzip = createGunzip();
    gunzip.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (kept < 544) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    gunzip.on("end", () => resolvePromise({bytes, head: Buffer.concat(chunks).subarray(0, 544)}));
    const fail = (error: Error) =>
      reject(
        new PatientError(
          "unreadableImage",
          `${what}: gzip stream truncated or corrupt (${error.message}) after ${bytes} decoded bytes: ${path}`,
          path,
        ),
      );
    gunzip.on("error", fail);
    const input = createReadStream(path, {start});
    input.on("error", fail);
    input.pipe(gunzip);
  });
}
