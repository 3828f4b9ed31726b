import {randomBytes} from "node:crypto";
import {constants} from "node:fs";
import {lstat, open, rename, rm} from "node:fs/promises";
import {basename, dirname, join} from "node:path";

/**
 * Writing files without ever following a symbolic link.
 *
 * Inside a fresh temporary output folder nothing can be a link, but the O_EXCL | O_NOFOLLOW flags make that a
 * property of every write rather than an assumption: a file that already exists (a link included) makes the write fail
 * instead of writing through it. For folders that already exist and are shared between runs (the artifact cache, a
 * site's data folder) `replaceFile` checks the target with lstat and refuses a link with a message.
 */

/** O_NOFOLLOW is POSIX; on Windows it is absent and links there need privileges, so 0 keeps the flags valid. */
const noFollow = constants.O_NOFOLLOW ?? 0;

/** Creates `path`, which must not exist yet (not even as a link), and writes `data` to it. */
export async function writeNewFile(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow, 0o644);
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/** A single path component we created: no separators, no NUL, not `.` or `..`. Anything else is a caller's bug. */
export function assertEntryName(name: string): string {
  if (name === "" || name === "." || name === ".." || /[/\\\0]/.test(name)) {
    throw new Error(`not a safe file name: ${JSON.stringify(name)}`);
  }
  return name;
}

/** A symbolic link where a file was to be written. */
export class LinkRefusedError extends Error {
  override name = "LinkRefusedError";
}

/** Throws a LinkRefusedError when `path` is a symbolic link (a missing path is fine: it will be created). */
export async function refuseLink(path: string): Promise<void> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (info?.isSymbolicLink()) {
    throw new LinkRefusedError(`${path} is a symbolic link; refusing to write through it (remove the link)`);
  }
}

/**
 * Writes `folder/name` in a folder that already exists: refuses when `name` is a symbolic link (or not a regular file),
 * writes a temporary file beside it with O_EXCL | O_NOFOLLOW and renames it into place (rename replaces a name, it
 * never follows one), so readers see the old file or the new one, never half of either.
 */
export async function replaceFile(folder: string, name: string, data: string | Uint8Array): Promise<void> {
  const target = join(folder, assertEntryName(name));
  await refuseLink(target);
  const info = await lstat(target).catch(() => null);
  if (info && !info.isFile()) throw new Error(`${target} exists and is not a regular file; refusing to replace it`);
  const temp = join(dirname(target), `.${basename(target)}.tmp-${randomBytes(6).toString("hex")}`);
  try {
    await writeNewFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, {force: true});
    throw error;
  }
}
