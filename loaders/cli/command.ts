/**
 * The contract every `workbench` subcommand fulfils. Commands receive their arguments and their effects (streams,
 * working directory) so tests can run them in-process with in-memory fakes.
 */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars redraw in place only there). */
  stderrIsTTY?: boolean;
  cwd: string;
}

export interface Command {
  /** Subcommand name as typed on the command line, e.g. "evaluate". */
  name: string;
  /** One line for `workbench --help`. */
  summary: string;
  /** Full usage text for `workbench <name> --help`. */
  usage: string;
  /** Returns the process exit code: 0 ok, 1 failure, 2 usage error. */
  run: (argv: string[], io: CliIO) => Promise<number>;
}

export const ExitCode = {ok: 0, failure: 1, usage: 2} as const;

// Thrown for bad command-line usage; it lives below the CLI so the cluster code can throw it too.
export {UsageError} from "../runtime/usageError.js";
