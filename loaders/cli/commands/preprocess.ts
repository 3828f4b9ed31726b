import {resolve} from "node:path";
import {parseShard} from "../../cluster/shard.js";
import {loadStudyConfig} from "../../config/loadStudyConfig.js";
import {writePatchStore} from "../../imaging/patchStore.js";
import {preprocessStudy} from "../../imaging/preprocessStudy.js";
import {writeDirectoryAtomically} from "../../output/writeOutputAtomically.js";
import {preprocessShard} from "../../pipeline/shardStages.js";
import {progressDisplay} from "../../runtime/stderrProgress.js";
import {jobsOption, studyContext} from "../clusterOptions.js";
import {type CliIO, type Command, ExitCode, UsageError} from "../command.js";
import {outputOption} from "../outputOption.js";
import {parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench preprocess --manifest study.csv --out <dir> [--study study.json] [--no-thumbnails] [--jobs <n>]
       workbench preprocess --shard i/n [--study study.json] [--cache <dir>] [--jobs <n>]

Reads every patient of the manifest (CT + tumour mask), validates them, resamples, picks the largest tumour
slice and its neighbours and cuts the patches (parameters from the study configuration). Writes the patch store:
<dir>/study.json (flow report, clinical rows, geometry), <dir>/cohorts/*.bin + *.json, <dir>/thumbnails/.
Patients that cannot be used are excluded with a reason, never dropped. Progress goes to stderr; stdout gets the
flow summary.

Options:
  --manifest <file>  study manifest CSV (default: the manifest named by --study)
  --out <dir>        output folder: new, empty, or an earlier patch store (holding study.json), which is replaced
                     whole once the new store is complete; a failure leaves it as it was
  --study <file>     study configuration JSON (default: the paper's protocol)
  --no-thumbnails    skip the PNG thumbnails
  --jobs <n>         worker threads, one patient per task (default: the number of cores); the output is the same
                     for any n

With --shard i/n (0-based), preprocesses only the i-th of n slices of the study's patients into the shared cache
(--cache, default .cache/artifacts) instead of writing --out; \`workbench merge --shards n\` then assembles the study.
A failed shard is rerun alone; a finished one is a cache hit.
`;

export const preprocessCommand: Command = {
  name: "preprocess",
  summary: "read, validate and preprocess a study's CT volumes into patches (patch store + flow report)",
  usage,
  async run(argv, io) {
    const {values, positionals} = parseCommandArgs({
      args: argv,
      options: {
        manifest: {type: "string"},
        out: {type: "string"},
        study: {type: "string"},
        "no-thumbnails": {type: "boolean", default: false},
        jobs: {type: "string"},
        shard: {type: "string"},
        cache: {type: "string"},
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument(s): ${positionals.join(" ")}`);
    const jobs = jobsOption(values.jobs);
    if (values.shard !== undefined) return preprocessOneShard(values, io);
    if (values.cache !== undefined) throw new UsageError("--cache goes with --shard i/n");
    if (!values.out) throw new UsageError("--out <dir> is required");
    // Checked before any work: a bad --out fails now, not after every patient has been read.
    const target = await outputOption("--out", values.out, io.cwd, "directory", {ownedIf: "study.json"});
    const {config, manifestPath} = await loadStudyConfig(values.study, io.cwd);
    const manifest = values.manifest ? resolve(io.cwd, values.manifest) : manifestPath;
    if (!manifest) throw new UsageError("--manifest <file> is required (or a --study file that names one)");
    const display = progressDisplay({write: io.stderr, isTTY: io.stderrIsTTY});
    const study = await preprocessStudy(
      manifest,
      config,
      {log: (m) => display.log(m), progress: (done, total) => display.progress("preprocess", done, total)},
      jobs === undefined ? {} : {jobs},
    );
    await writeDirectoryAtomically(target, (dir) =>
      writePatchStore(dir, study, {thumbnails: !values["no-thumbnails"]}),
    );
    let analysed = 0;
    io.stdout("cohort\teligible\texcluded\tanalysed patients\tpatches\tfallback\n");
    for (const f of Object.values(study.flow)) {
      analysed += f.analysedPatients;
      io.stdout(
        `${f.cohort}\t${f.eligible}\t${f.excluded.length}\t${f.analysedPatients}\t${f.analysedPatches}\t${f.fallbackPatients.length}\n`,
      );
      for (const g of f.excludedByKind) io.stdout(`  excluded ${g.kind}: ${g.count} (${g.patientIds.join(", ")})\n`);
    }
    io.stderr(`preprocess: wrote ${target.path}\n`);
    return analysed > 0 ? ExitCode.ok : ExitCode.failure;
  },
};

/** `--shard i/n`: one slice of the patients into the shared cache, for `workbench merge`. */
async function preprocessOneShard(
  values: {shard?: string; out?: string; manifest?: string; study?: string; cache?: string; jobs?: string},
  io: CliIO,
): Promise<number> {
  if (values.out !== undefined || values.manifest !== undefined) {
    throw new UsageError(
      "--shard writes into the shared cache: give --study (for a manifest) and --cache, not --out/--manifest",
    );
  }
  const shard = parseShard(values.shard ?? "");
  const display = progressDisplay({write: io.stderr, isTTY: io.stderrIsTTY});
  const ctx = await studyContext(values, io.cwd, {log: (m) => display.log(m)});
  const done = await preprocessShard(
    ctx,
    shard,
    {log: (m) => display.log(m), progress: display.progress},
    jobsOption(values.jobs),
  );
  io.stdout(
    `preprocess shard ${shard.index}/${shard.count}: patients ${done.summary.start}…${done.summary.end - 1} of ${done.summary.patients}${done.hit ? " (cached)" : ""}\n`,
  );
  return 0;
}
