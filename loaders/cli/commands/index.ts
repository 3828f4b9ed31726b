import type {Command} from "../command.js";
import {configCommand} from "./config.js";
import {evaluateCommand} from "./evaluate.js";

/** Every subcommand, in the order `workbench --help` lists them. */
export const commands: readonly Command[] = [configCommand, evaluateCommand];
