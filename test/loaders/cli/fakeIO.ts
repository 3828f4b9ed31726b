import type {CliIO} from "../../../loaders/cli/command.js";

/** The command line's effects in memory: what a command writes to stdout and stderr, run in `cwd`. */
export function fakeIO(cwd = process.cwd()): CliIO & {out: string; err: string} {
  const io = {
    out: "",
    err: "",
    cwd,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}
