import {parseShard} from "../../cluster/shard.js";
import {embedShard} from "../../pipeline/shardStages.js";
import {stderrProgress} from "../../runtime/stderrProgress.js";
import {clusterOptions, clusterUsage, jobsOption, studyContext} from "../clusterOptions.js";
import {type Command, UsageError} from "../command.js";
import {parseCommandArgs, positiveIntegerOption} from "../parseCommandArgs.js";

const usage = `Usage: workbench embed --shard i/n [--study study.json] [--cache <dir>] [--jobs <n>] [--threads <n>]

The backbone stage on its own: computes the ResNet50 embeddings of shard i's patches (every variant either protocol
trains on) into the shared embedding cache beside --cache, which the model stage then reads. Preprocesses shard i
first when \`workbench preprocess --shard i/n\` has not. A rerun of a finished shard is a cache hit.

Options:
  --shard i/n     this shard (0-based), e.g. $SLURM_ARRAY_TASK_ID/4
  --threads <n>   ONNX Runtime intra-op threads / tfjs workers (default: one per core)
${clusterUsage}
`;

export const embedCommand: Command = {
  name: "embed",
  summary: "compute one shard's backbone embeddings into the shared cache",
  usage,
  async run(argv, io) {
    const {values} = parseCommandArgs({
      args: argv,
      options: {...clusterOptions, shard: {type: "string"}, threads: {type: "string"}},
      strict: true,
    });
    if (!values.shard) throw new UsageError("--shard i/n is required");
    const shard = parseShard(values.shard);
    const threads = values.threads === undefined ? undefined : positiveIntegerOption(values.threads, "--threads");
    const log = (m: string) => io.stderr(`${m}\n`);
    const ctx = await studyContext(values, io.cwd, {log});
    const jobs = jobsOption(values.jobs);
    const done = await embedShard(
      ctx,
      shard,
      {log, progress: stderrProgress({write: io.stderr, isTTY: io.stderrIsTTY})},
      {
        ...(jobs === undefined ? {} : {jobs}),
        ...(threads === undefined ? {} : {threads}),
      },
    );
    io.stdout(`embed shard ${shard.index}/${shard.count}: ${done.patches} patches\n`);
    return 0;
  },
};
