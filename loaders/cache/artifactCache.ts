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
  /** The artifact when it is complete, without computing it (a merge checks its shards with this). */
  peek<T>(stage: string, keyParts: unknown): Promise<{dir: string; key: string; value: T} | undefined>;
}

/**
 * Concurrency: several processes (Slurm shards, two builds) may compute the same artifact at once. Each builds in its
 * own random temporary folder and renames it into place; a rename onto a complete artifact fails (the target is a
 * non-empty folder), and the loser then discards its copy and returns the winner's — the content is the same by
 * construction, since the key hashes everything it depends on. A complete artifact is never removed, so a reader can
 * never see it vanish; only a folder without done.json (foreign or damaged) is moved aside and deleted.
 */

export function createArtifactCache(root: string, log: (message: string) => void = () => {}): ArtifactCache {
  return {
    root,
    async peek<T>(stage: string, keyParts: unknown) {
      const key = hashJson(keyParts).slice(0, 20);
      const dir = join(root, stage, key);
      const value = await readDone<T>(dir);
      return value === undefined ? undefined : {dir, key, value: value.value};
    },
    async get<T>(stage: string, keyParts: unknown, make: (dir: string) => Promise<T>) {
      const key = hashJson(keyParts).slice(0, 20);
      const dir = join(root, stage, key);
      // A miss, or an incomplete folder from an interrupted run: recompute from scratch.
      const done = await readDone<T>(dir);
      if (done) {
        log(`${stage}: cached (${key})`);
        return {dir, key, value: done.value, hit: true};
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
      for (let attempt = 0; ; attempt++) {
        try {
          await rename(tmp, dir);
          break;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
          const winner = await readDone<T>(dir);
          if (winner) {
            await rm(tmp, {recursive: true, force: true});
            log(`${stage}: computed by another process meanwhile (${key})`);
            return {dir, key, value: winner.value, hit: true};
          }
          if (attempt > 3) throw error;
          // Not an artifact: move it aside first (atomic), so a concurrent writer's rename can land meanwhile.
          const aside = `${dir}.stale-${randomBytes(6).toString("hex")}`;
          await rename(dir, aside).catch(() => {});
          await rm(aside, {recursive: true, force: true});
        }
      }
      log(`${stage}: computed in ${((Date.now() - started) / 1000).toFixed(1)} s (${key})`);
      return {dir, key, value, hit: false};
    },
  };
}

async function readDone<T>(dir: string): Promise<{value: T} | undefined> {
  try {
    return {value: JSON.parse(await readFile(join(dir, "done.json"), "utf8")) as T};
  } catch {
    return undefined;
  }
}
