import {stat} from "node:fs/promises";
import {resolve} from "node:path";
import {UsageError} from "./command.js";

/**
 * Checks an input flag that names a folder or a file before any work, so a path that was never downloaded or was
 * mistyped is a usage error (exit 2) naming the flag and the path as typed, not a raw ENOENT from deep inside a scan.
 * Returns the absolute path.
 */
export async function inputOption(flag: string, given: string, cwd: string, kind: "file" | "folder"): Promise<string> {
  const path = resolve(cwd, given);
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new UsageError(`${flag} ${given}: no such ${kind}`);
    throw new UsageError(`${flag} ${given}: cannot be read (${code ?? (error as Error).message})`);
  }
  if (kind === "folder" && !isFolder) throw new UsageError(`${flag} ${given}: is a file, not a folder`);
  if (kind === "file" && isFolder) throw new UsageError(`${flag} ${given}: is a folder, not a file`);
  return path;
}
