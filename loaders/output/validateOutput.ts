import {constants} from "node:fs";
import {access, lstat, readdir, stat} from "node:fs/promises";
import {dirname, isAbsolute, relative, resolve, sep} from "node:path";

/**
 * Checks an output location BEFORE a command does any work, so a bad `--out` fails in a second with a message that
 * names the path the user typed, instead of after an hour of preprocessing with a raw ENOENT about a hidden temp name.
 */
export type OutputKind = "file" | "directory";

/** A checked output location: `given` is what the user typed (for messages), `path` the absolute path. */
export interface OutputTarget {
  given: string;
  path: string;
  kind: OutputKind;
  /** Whether something is there now (to be replaced only once the new output is complete). */
  exists: boolean;
}

/** An output location that cannot be used; the message starts with the path the user gave. */
export class OutputLocationError extends Error {
  override name = "OutputLocationError";
  constructor(
    readonly given: string,
    readonly problem: string,
  ) {
    super(`${given}: ${problem}`);
  }
}

export interface ValidateOutputOptions {
  /**
   * For a directory output: a file that a previous run of the same command leaves at the top of its folder
   * (`study.json`, `synth.json`). An existing non-empty folder is replaced only when it holds this file, so a
   * mistyped `--out ~` can never wipe a home folder.
   */
  ownedIf?: string;
  /**
   * For a folder that is written into rather than replaced (an artifact cache): an existing folder is accepted
   * whatever it holds; the code writing into it checks each name it writes (see writeNoFollow.ts).
   */
  writeInto?: boolean;
}

function code(error: unknown): string | undefined {
  const c = (error as {code?: unknown} | null)?.code;
  return typeof c === "string" ? c : undefined;
}

export async function validateOutput(
  given: string,
  cwd: string,
  kind: OutputKind,
  options: ValidateOutputOptions = {},
): Promise<OutputTarget> {
  const fail = (problem: string): never => {
    throw new OutputLocationError(given, problem);
  };
  if (given.trim() === "") fail("the output path is empty");
  if (given.includes("\0")) fail("the output path contains a NUL character");
  const path = resolve(cwd, given);
  const parent = dirname(path);
  if (parent === path) fail("is the root of the file system; give a file or folder inside it");
  const fromCwd = relative(path, resolve(cwd));
  const outside = fromCwd === ".." || fromCwd.startsWith(`..${sep}`) || isAbsolute(fromCwd);
  if (!outside) {
    fail("is the current folder or contains it; give a separate output folder");
  }

  // The parent must be a real, writable folder: the temporary output is created beside the target.
  const parentName = dirname(given) === "." ? "the current folder" : `the folder ${dirname(given)}`;
  try {
    if (!(await stat(parent)).isDirectory()) fail(`${parentName} is not a folder`);
  } catch (error) {
    if (error instanceof OutputLocationError) throw error;
    if (code(error) === "ENOENT") fail(`${parentName} does not exist (create it first)`);
    if (code(error) === "ENOTDIR") fail("a part of the path is a file, not a folder");
    fail(`${parentName} cannot be read (${code(error) ?? String(error)})`);
  }
  try {
    await access(parent, constants.W_OK | constants.X_OK);
  } catch {
    fail(`${parentName} is not writable`);
  }

  // The target itself: lstat, so a symbolic link is seen as a link and never followed.
  let info: Awaited<ReturnType<typeof lstat>> | null = null;
  try {
    info = await lstat(path);
  } catch (error) {
    if (code(error) !== "ENOENT") fail(`cannot be inspected (${code(error) ?? String(error)})`);
  }
  if (info === null) return {given, path, kind, exists: false};
  if (info.isSymbolicLink()) fail("is a symbolic link; outputs are never written through links (give the real path)");
  if (kind === "file") {
    if (info.isDirectory()) fail("is a folder, not a file (give a file name)");
    if (!info.isFile()) fail("exists and is not a regular file");
    return {given, path, kind, exists: true};
  }
  if (!info.isDirectory()) fail("is a file, not a folder");
  if (options.writeInto) {
    try {
      await access(path, constants.W_OK | constants.X_OK);
    } catch {
      fail("the folder is not writable");
    }
    return {given, path, kind, exists: true};
  }
  const entries = await readdir(path);
  if (entries.length > 0 && options.ownedIf !== undefined) {
    // lstat, and a link counts: an earlier output whose marker was replaced by a link is still ours to replace (the
    // link is removed with the old folder, never followed).
    const marker = await lstat(resolve(path, options.ownedIf)).catch(() => null);
    if (!(marker?.isFile() || marker?.isSymbolicLink())) {
      fail(
        `the folder exists, is not empty and holds no ${options.ownedIf} from an earlier run; refusing to replace it (give a new or empty folder)`,
      );
    }
  } else if (entries.length > 0) {
    fail("the folder exists and is not empty; refusing to replace it (give a new or empty folder)");
  }
  return {given, path, kind, exists: true};
}
