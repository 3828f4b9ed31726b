import {randomBytes} from "node:crypto";
import {mkdir, readFile, rename, rm} from "node:fs/promises";
import {join} from "node:path";
import {hashJson} from "../hash.js";
import {refuseLink, writeNewFile} from "../output/writeNoFollow.js";

/**
 * A content-addressed artifact cache. An artifact lives in <root>/<stage>/<key>/, where key hashes everything the
 * stage's output depends on (inputs' hashes, the relevant configuration, the code version). A folder is complete
 * only once its `done.json` exists: it is written last, after an atomic rename of the whole folder, so a killed
 * build never leaves a half-written artifact that looks finished.
 */
export interface ArtifactCache {
  root: string;
  /** Returns the folder of the artifact, computing it with `make(dir)` on a miss. */
  get<T>(
    stage: string,
    keyParts: unknown,
    make: (dir: string) => Promise<T>,
  ): Promise<{dir: string; key: string; value: T; hit: boolean}>;
}

export function createArtifactCache(root: string, log: (message: string) => void = () => {}): ArtifactCache {
  return {
    root,
    async get<T>(stage: string, keyParts: unknown, make: (dir: string) => Promise<T>) {
      const key = hashJson(keyParts).slice(0, 20);
      const dir = join(root, stage, key);
      try {
        const value = JSON.parse(await readFile(join(dir, "done.json"), "utf8")) as T;
        log(`${stage}: cached (${key})`);
        return {dir, key, value, hit: true};
      } catch {
        // A miss, or an incomplete folder from an interrupted run: recompute from scratch.
      }
      const tmp = `${dir}.tmp-${randomBytes(6).toString("hex")}`;
      // The stage folder is shared between runs: a link planted there or at the artifact's name is refused, never
      // written through; the temporary folder is fresh (a non-recursive mkdir fails on anything already there).
      await mkdir(join(root, stage), {recursive: true});
      await refuseLink(join(root, stage));
      await refuseLink(dir);
      await mkdir(tmp);
      const started = Date.now();
      let value: T;
      try {
        value = await make(tmp);
      } catch (error) {
        await rm(tmp, {recursive: true, force: true});
        throw error;
      }
      await writeNewFile(join(tmp, "done.json"), JSON.stringify(value ?? null));
      await rm(dir, {recursive: true, force: true});
      await rename(tmp, dir);
      log(`${stage}: computed in ${((Date.now() - started) / 1000).toFixed(1)} s (${key})`);
      return {dir, key, value, hit: false};
    },
  };
}
