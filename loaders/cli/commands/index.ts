import type {Command} from "../command.js";
import {configCommand} from "./config.js";
import {embedCommand} from "./embed.js";
import {evaluateCommand} from "./evaluate.js";
import {figuresCommand} from "./figures.js";
import {hccTaceSegCommand} from "./hccTaceSeg.js";
import {mergeCommand} from "./merge.js";
import {predictCommand} from "./predict.js";
import {prepareCommand} from "./prepare.js";
import {preprocessCommand} from "./preprocess.js";
import {reportCommand} from "./report.js";
import {runCommand} from "./run.js";
import {synthCommand} from "./synth.js";
import {weightsCommand} from "./weights.js";

/** Every subcommand, in the order `workbench --help` lists them. */
export const commands: readonly Command[] = [
  configCommand,
  evaluateCommand,
  reportCommand,
  figuresCommand,
  synthCommand,
  preprocessCommand,
  hccTaceSegCommand,
  runCommand,
  prepareCommand,
  embedCommand,
  mergeCommand,
  weightsCommand,
  predictCommand,
];
