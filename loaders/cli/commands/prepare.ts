import {stderrProgress} from "../../runtime/stderrProgress.js";
import {defaultWeightsDir, ensureWeights} from "../../weights/fetchWeights.js";
import {clusterOptions, clusterUsage, studyContext} from "../clusterOptions.js";
import type {Command} from "../command.js";
import {parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench prepare [--study study.json] [--cache <dir>] [--jobs <n>]

The first step of a sharded run: resolves the study, generates the demo study into the cache when no manifest is
configured (on --jobs worker threads), and fetches the ImageNet weights, so the shards that follow start from a
complete cache. Prints the manifest path and the study's data hash.

Options:
${clusterUsage}
`;

export const prepareCommand: Command = {
  name: "prepare",
  summary: "prepare a sharded run: the demo study and the weights into the shared cache",
  usage,
  async run(argv, io) {
    const {values} = parseCommandArgs({args: argv, options: clusterOptions, strict: true});
    const ctx = await studyContext(values, io.cwd, {
      log: (m) => io.stderr(`${m}\n`),
      progress: stderrProgress({write: io.stderr, isTTY: io.stderrIsTTY}),
    });
    await ensureWeights(defaultWeightsDir, {log: (m) => io.stderr(`${m}\n`)});
    io.stdout(`manifest\t${ctx.manifestPath}\ndata hash\t${ctx.dataHash}\n`);
    return 0;
  },
};
