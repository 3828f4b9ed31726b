import type {Command} from "../command.js";
import {configCommand} from "./config.js";

/** Every subcommand, in the order `workbench --help` lists them. */
export const commands: readonly Command[] = [configCommand];
