import {resolve} from "node:path";
import {Protocols} from "../../../src/components/study/vocabulary.js";
import {repoRoot} from "../../paths.js";
import {runPipeline} from "../../pipeline/runPipeline.js";
import {stderrProgress} from "../../pipeline/stderrProgress.js";
import type {Command} from "../command.js";
import {outputOption} from "../outputOption.js";
import {parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench run [--study study.json] [--cache <dir>]

Runs the whole pipeline — study (the synthetic demo when no manifest is configured) → preprocess → features →
train → predict → evaluate — for the paper's and the corrected protocol, through the content-addressed cache:
a second run with nothing changed finishes in seconds. Prints a summary; the report site reads the same cache.

Options:
  --study <file>  study configuration (JSON); default: the built-in demo study
  --cache <dir>   artifact cache folder (default: .cache/artifacts in the repository)
`;

export const runCommand: Command = {
  name: "run",
  summary: "run the whole pipeline (cached) and print a summary",
  usage,
  async run(argv, io) {
    const {values} = parseCommandArgs({
      args: argv,
      options: {study: {type: "string"}, cache: {type: "string"}},
      strict: true,
    });
    // The cache is written into, not replaced: any existing folder will do, but not a link or a file.
    const cacheDir = values.cache
      ? (await outputOption("--cache", values.cache, io.cwd, "directory", {writeInto: true})).path
      : undefined;
    const result = await runPipeline(
      {repo: repoRoot, studyPath: values.study ? resolve(io.cwd, values.study) : null, cacheDir},
      {log: (m) => io.stderr(`${m}\n`), progress: stderrProgress()},
    );
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
