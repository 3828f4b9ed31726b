import {type ParseArgsConfig, parseArgs} from "node:util";
import {UsageError} from "./command.js";

/**
 * node:util parseArgs for every subcommand, with one rule added for negative numbers.
 *
 * Node 20's parseArgs has no `allowNegative`, and `--seed -3` is refused as "ambiguous" (it cannot tell a value from
 * a flag) while `--seed=-3` is accepted. No flag of ours starts with a digit, so a token that reads as a negative
 * number right after a string option is unambiguously that option's value: it is passed on as `--seed=-3`, and the
 * option's own check then answers in its own words ("--seed expects a non-negative integer, got -3").
 */
const negativeNumber = /^-(?:\d|\.\d)/;

export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? [];
  const options = config.options ?? {};
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : null;
    if (name && options[name]?.type === "string" && next !== undefined && negativeNumber.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  // Only `args` changed, which the result type does not depend on.
  return parseArgs({...config, args: joined}) as ReturnType<typeof parseArgs<T>>;
}

/** A non-negative integer option (seeds, replicate counts), with a message naming the flag. */
export function nonNegativeIntegerOption(raw: string, flag: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value)) {
    throw new UsageError(`${flag} expects a non-negative integer, got ${raw === "" ? "nothing" : raw}`);
  }
  return value;
}

/** A positive integer option (worker threads), with a message naming the flag. */
export function positiveIntegerOption(raw: string, flag: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${flag} expects a positive integer, got ${raw === "" ? "nothing" : raw}`);
  }
  return value;
}
