import {mergePreprocess} from "../../pipeline/shardStages.js";
import {clusterOptions, clusterUsage, studyContext} from "../clusterOptions.js";
import type {Command} from "../command.js";
import {parseCommandArgs, positiveIntegerOption} from "../parseCommandArgs.js";

const usage = `Usage: workbench merge --shards <n> [--study study.json] [--cache <dir>]

Assembles the preprocessed study from the n shards written by \`workbench preprocess --shard i/n\` into the shared
cache, under the same key a single-process run uses: \`workbench run\` then carries on from it, and the merged patch
store is byte-identical to a single-process one. Refuses, naming every shard that has not finished, when any is
missing; rerun just those.

Options:
  --shards <n>    how many preprocess shards there are
${clusterUsage}
`;

export const mergeCommand: Command = {
  name: "merge",
  summary: "merge preprocess shards into the study's patch store (shared cache)",
  usage,
  async run(argv, io) {
    const {values} = parseCommandArgs({
      args: argv,
      options: {...clusterOptions, shards: {type: "string"}},
      strict: true,
    });
    const count = positiveIntegerOption(values.shards ?? "", "--shards");
    const log = (m: string) => io.stderr(`${m}\n`);
    const ctx = await studyContext(values, io.cwd, {log});
    const merged = await mergePreprocess(ctx, count, {log});
    io.stdout(`${merged.dir}\n`);
    return 0;
  },
};
