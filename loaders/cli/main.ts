import {readFileSync} from "node:fs";
import {type CliIO, type Command, ExitCode, UsageError} from "./command.js";
import {commands} from "./commands/index.js";

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {version: string};
  return pkg.version;
}

export function helpText(list: readonly Command[] = commands): string {
  const width = Math.max(...list.map((c) => c.name.length));
  return [
    "Usage: workbench <command> [options]",
    "",
    "Reproduce, audit and extend Peng et al. (Eur Radiol 2020): TACE response from CT with ResNet50.",
    "",
    "Commands:",
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  --help     show this help (or `workbench <command> --help`)",
    "  --version  print the workbench version",
    "",
  ].join("\n");
}

/** Runs the CLI in-process and returns the exit code (0 ok, 1 failure, 2 usage error). */
export async function runCli(argv: string[], io: CliIO, list: readonly Command[] = commands): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    io.stdout(helpText(list));
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === "--version" || first === "-v") {
    io.stdout(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const command = list.find((c) => c.name === first);
  if (!command) {
    io.stderr(`workbench: unknown command "${first}"\n\n${helpText(list)}`);
    return ExitCode.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.usage.trimEnd()}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`workbench ${command.name}: ${error.message}\n\n${command.usage.trimEnd()}\n`);
      return ExitCode.usage;
    }
    // Node's parseArgs reports unknown or malformed options with these codes: they are usage errors too.
    const code = (error as {code?: unknown} | null)?.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`workbench ${command.name}: ${(error as Error).message}\n\n${command.usage.trimEnd()}\n`);
      return ExitCode.usage;
    }
    io.stderr(`workbench ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failure;
  }
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
};
