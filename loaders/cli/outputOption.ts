import {
  type OutputKind,
  OutputLocationError,
  type OutputTarget,
  type ValidateOutputOptions,
  validateOutput,
} from "../output/validateOutput.js";
import {UsageError} from "./command.js";

/**
 * Checks an output flag (`--out`, `--dir`, `--cache`) before the command does any work. An unusable location is a
 * usage error (exit 2): the argument is what must change. The message names the flag and the path as typed, e.g.
 * `--out results/metrics.json: the folder results does not exist (create it first)`.
 */
export async function outputOption(
  flag: string,
  given: string,
  cwd: string,
  kind: OutputKind,
  options: ValidateOutputOptions = {},
): Promise<OutputTarget> {
  try {
    return await validateOutput(given, cwd, kind, options);
  } catch (error) {
    if (error instanceof OutputLocationError) throw new UsageError(`${flag} ${error.message}`);
    throw error;
  }
}
