/**
 * Every itk-wasm call goes through here, for two of its habits (../shared/imaging.md):
 * - it console.logs diagnostics (dcmqi "Row direction…", "Exception while running pipeline") to stdout, and a data
 *   loader's stdout is its artifact, so console.log/info are sent to stderr for the duration of the call;
 * - it throws bare numbers (wasm exception pointers), so every failure becomes an Error naming what was being read;
 * - a failing pipeline sets `process.exitCode` to 1 (emscripten's exit status), which would fail a data loader or a
 *   CLI run whose failure was already reported as one patient's exclusion, so the exit code is restored.
 */
let depth = 0;
let saved: {log: typeof console.log; info: typeof console.info} | undefined;

function toStderr(...args: unknown[]): void {
  process.stderr.write(`[itk-wasm] ${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}\n`);
}

export class ImageReadError extends Error {
  override name = "ImageReadError";
}

/** Runs `fn` with stdout protected; rethrows any failure as ImageReadError(`${context}: …`). */
export async function itkCall<T>(context: string, fn: () => Promise<T>): Promise<T> {
  const exitCode = process.exitCode;
  if (depth++ === 0) {
    saved = {log: console.log, info: console.info};
    console.log = toStderr;
    console.info = toStderr;
  }
  try {
    return await fn();
  } catch (error) {
    throw new ImageReadError(`${context}: ${describeItkError(error)}`);
  } finally {
    process.exitCode = exitCode;
    if (--depth === 0 && saved) {
      console.log = saved.log;
      console.info = saved.info;
      saved = undefined;
    }
  }
}

export function describeItkError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "number") {
    return `itk-wasm failed (wasm exception ${error}; the file is unreadable or not of the expected kind)`;
  }
  return `itk-wasm failed (${String(error)})`;
}
