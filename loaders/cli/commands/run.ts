import {mkdir, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import {writePredictionsCsv} from "../../../src/components/predictions/writePredictionsCsv.js";
import {Protocols} from "../../../src/components/study/vocabulary.js";
import {runOnCluster} from "../../cluster/runOnCluster.js";
import {projectPaths, repoRoot} from "../../paths.js";
import {runPipeline} from "../../pipeline/runPipeline.js";
import {stderrProgress} from "../../runtime/stderrProgress.js";
import {cacheOption, jobsOption} from "../clusterOptions.js";
import {type Command, UsageError} from "../command.js";
import {outputOption} from "../outputOption.js";
import {parseCommandArgs, positiveIntegerOption} from "../parseCommandArgs.js";

const usage = `Usage: workbench run [--study study.json] [--cache <dir>] [--jobs <n>] [--export <dir>]
       workbench run --executor slurm [--shards N] [--partition P] [--work <dir>] [--no-site] [--dry-run] …
       workbench run --executor k8s --dry-run [--shards N] [--image I] [--work <dir>] …

Runs the whole pipeline — study (the synthetic demo when no manifest is configured) → preprocess → features →
train → predict → evaluate — for the paper's and the corrected protocol, through the content-addressed cache:
a second run with nothing changed finishes in seconds. Prints a summary; the report site reads the same cache.

Options:
  --study <file>  study configuration (JSON); default: the built-in demo study
  --cache <dir>   artifact cache folder (default: .cache/artifacts in the repository)
  --jobs <n>      worker threads for demo generation and preprocessing, one patient per task (default: the number
                  of cores); with an executor, the CPUs each task asks for (default 1)
  --export <dir>  also write predictions-<protocol>.csv and metrics-<protocol>.json into this folder

Cluster executors (the cache, study and work folders must be on a folder every node shares):
  --executor <e>  local (default), slurm: sbatch job arrays, one per stage (prepare → preprocess[i] → merge /
                  embed[i] → train → evaluate → site), chained with afterok/aftercorr and followed until every job
                  is COMPLETED (exit 1 otherwise, naming each failed stage and shard with its log), or k8s: Indexed
                  Job manifests with a shared volume claim (--dry-run only)
  --shards <n>    shards of the preprocess and embed stages (default 4)
  --partition <p> Slurm partition
  --work <dir>    scripts, logs and results/ (default: .cache/cluster in the repository)
  --no-site       leave out the site build job
  --image <img>   container image for k8s (default tace-workbench:latest)
  --dry-run       write the scripts or manifests (and submit.sh / apply.sh) without submitting anything
`;

export const runCommand: Command = {
  name: "run",
  summary: "run the whole pipeline (cached) and print a summary",
  usage,
  async run(argv, io) {
    const {values} = parseCommandArgs({
      args: argv,
      options: {
        study: {type: "string"},
        cache: {type: "string"},
        jobs: {type: "string"},
        export: {type: "string"},
        executor: {type: "string", default: "local"},
        shards: {type: "string", default: "4"},
        partition: {type: "string"},
        work: {type: "string"},
        "no-site": {type: "boolean", default: false},
        image: {type: "string"},
        "dry-run": {type: "boolean", default: false},
      },
      strict: true,
    });
    const jobs = jobsOption(values.jobs);
    const executor = values.executor;
    if (executor !== "local" && executor !== "slurm" && executor !== "k8s") {
      throw new UsageError(`--executor: expected local, slurm or k8s, got "${executor}"`);
    }
    if (executor !== "local") {
      const shards = positiveIntegerOption(values.shards, "--shards");
      const paths = projectPaths(repoRoot);
      const workDir = values.work
        ? (await outputOption("--work", values.work, io.cwd, "directory", {writeInto: true})).path
        : join(paths.cache, "cluster");
      const cacheDir = (await cacheOption(values.cache, io.cwd)) ?? paths.artifacts;
      return runOnCluster(
        {
          executor,
          repo: repoRoot,
          workDir,
          dryRun: values["dry-run"],
          shards,
          cacheDir,
          studyPath: values.study ? resolve(io.cwd, values.study) : null,
          resultsDir: join(workDir, "results"),
          jobs: jobs ?? 1,
          site: !values["no-site"],
          ...(values.partition ? {partition: values.partition} : {}),
          ...(values.image ? {image: values.image} : {}),
        },
        (m) => io.stderr(`${m}\n`),
      );
    }
    if (values["dry-run"]) throw new UsageError("--dry-run goes with --executor slurm or k8s");
    const exportDir = values.export
      ? (await outputOption("--export", values.export, io.cwd, "directory", {writeInto: true})).path
      : undefined;
    const cacheDir = await cacheOption(values.cache, io.cwd);
    const result = await runPipeline(
      {
        repo: repoRoot,
        studyPath: values.study ? resolve(io.cwd, values.study) : null,
        cacheDir,
        ...(jobs === undefined ? {} : {jobs}),
      },
      {log: (m) => io.stderr(`${m}\n`), progress: stderrProgress({write: io.stderr, isTTY: io.stderrIsTTY})},
    );
    if (exportDir) {
      // What a sharded run is compared with byte for byte: the predictions and every statistic, per protocol.
      await mkdir(exportDir, {recursive: true});
      for (const protocol of Protocols) {
        await writeFile(
          join(exportDir, `predictions-${protocol}.csv`),
          writePredictionsCsv(result.models[protocol].predictions),
        );
        await writeFile(
          join(exportDir, `metrics-${protocol}.json`),
          `${JSON.stringify(result.evaluations[protocol])}\n`,
        );
      }
      io.stderr(`run: wrote predictions and metrics to ${exportDir}\n`);
    }
    for (const t of result.timings)
      io.stdout(`${t.stage.padEnd(22)} ${t.cached ? "cached" : `${t.seconds.toFixed(1)} s`}\n`);
    for (const protocol of Protocols) {
      const model = result.models[protocol];
      io.stdout(`\n${protocol} protocol — run ${model.runId}\n`);
      for (const [cohort, levels] of Object.entries(result.evaluations[protocol].cohorts)) {
        const acc = (x: number | null | undefined) => (x == null ? "—" : `${(100 * x).toFixed(1)}%`);
        const auc = levels.patient.objectiveResponse.auc;
        io.stdout(
          `  ${cohort.padEnd(10)} patients ${String(levels.patient.n).padStart(4)}  accuracy patch ${acc(levels.patch?.accuracy)} patient ${acc(levels.patient.accuracy)}  objective-response AUC (patient) ${auc == null ? "—" : auc.toFixed(3)}\n`,
        );
      }
    }
    return 0;
  },
};
