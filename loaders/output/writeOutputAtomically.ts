import {randomBytes} from "node:crypto";
import {lstat, mkdir, rename, rm} from "node:fs/promises";
import type {OutputTarget} from "./validateOutput.js";
import {writeNewFile} from "./writeNoFollow.js";

/**
 * Outputs appear whole or not at all. Everything is written into a fresh temporary file or folder BESIDE the target
 * (same file system, so the final rename is atomic) and moved into place only when complete:
 *   - a failure (bad input, a full disk, a crash) leaves the previous output untouched, and the temporary is removed;
 *   - a rerun leaves no stale files from the previous run, since the new folder replaces the old one wholesale;
 *   - nothing inside a fresh folder can be a symbolic link, so no write goes through one.
 *
 * A folder cannot be swapped with another in one system call, so replacing one takes two renames: the old folder is
 * moved aside to `<out>.old-<random>`, the new one renamed to `<out>`, then the old one deleted. Between the two
 * renames (microseconds) `<out>` does not exist; a crash exactly there leaves the complete old output in
 * `<out>.old-<random>` and the complete new one in `<out>.tmp-<random>`, never a mixture. If the second rename
 * fails, the old folder is moved back.
 *
 * Error messages name the path the user gave, never the temporary name.
 */

const suffix = () => randomBytes(6).toString("hex");

/** Rewrites a file-system error so it names the user's path instead of the hidden temporary one. */
function renamed(error: unknown, temp: string, target: OutputTarget): unknown {
  if (!(error instanceof Error) || !error.message.includes(temp)) return error;
  const message = error.message.split(temp).join(target.given);
  const rewritten = new Error(message, {cause: error});
  const code = (error as NodeJS.ErrnoException).code;
  if (code) Object.assign(rewritten, {code});
  return rewritten;
}

/** Writes a file output: a temporary file beside it (O_EXCL | O_NOFOLLOW), then a rename over the target. */
export async function writeFileAtomically(target: OutputTarget, data: string | Uint8Array): Promise<void> {
  if (target.kind !== "file") throw new Error(`${target.given}: expected a file output`);
  const temp = `${target.path}.tmp-${suffix()}`;
  try {
    await writeNewFile(temp, data);
    await rename(temp, target.path);
  } catch (error) {
    await rm(temp, {force: true});
    throw renamed(error, temp, target);
  }
}

/**
 * Builds a folder output: `build(dir)` writes into a fresh empty folder beside the target, which then replaces the
 * target (see the module comment for the order). Returns what `build` returns.
 */
export async function writeDirectoryAtomically<T>(
  target: OutputTarget,
  build: (dir: string) => Promise<T>,
): Promise<T> {
  if (target.kind !== "directory") throw new Error(`${target.given}: expected a folder output`);
  const temp = `${target.path}.tmp-${suffix()}`;
  let value: T;
  try {
    // Not recursive: the parent was checked, and an existing name (a link planted there) must make this fail.
    await mkdir(temp);
    value = await build(temp);
  } catch (error) {
    await rm(temp, {recursive: true, force: true});
    throw renamed(error, temp, target);
  }
  const old = `${target.path}.old-${suffix()}`;
  let movedAside = false;
  try {
    // Checked again at the last moment: something other than a folder may have appeared since validation.
    const now = await lstat(target.path).catch(() => null);
    if (now && !now.isDirectory()) {
      throw new Error(`${target.given}: is no longer a folder (something replaced it while the command ran)`);
    }
    try {
      await rename(target.path, old);
      movedAside = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    await rename(temp, target.path);
  } catch (error) {
    if (movedAside) await rename(old, target.path).catch(() => {});
    await rm(temp, {recursive: true, force: true});
    throw renamed(renamed(error, temp, target), old, target);
  }
  // fs.rm removes links themselves, never what they point to.
  if (movedAside) await rm(old, {recursive: true, force: true});
  return value;
}
