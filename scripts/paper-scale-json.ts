// Turns what scripts/measure-paper-scale.sh recorded in its work folder into the measurement JSON (stdout):
// the three timed steps (steps.tsv), the pipeline's stage times (`workbench run`'s stdout), the study's cohorts
// (study.csv) and this machine. Every step needs a successful run: a failed run is not a measurement.
// Usage: node --import tsx scripts/paper-scale-json.ts <work-dir> <jobs>
import {readFileSync} from "node:fs";
import {availableParallelism, cpus, release, totalmem, type} from "node:os";
import {join} from "node:path";
import {parseCsv} from "../src/components/csv/parseCsv.js";
import {
  PaperScaleSchema,
  type PaperScaleMeasurement,
  PaperScaleSteps,
  parsePaperScaleMeasurement,
} from "../src/components/scale/paperScaleMeasurement.js";

const [work, jobsArg] = process.argv.slice(2);
if (!work || !jobsArg) {
  process.stderr.write("usage: paper-scale-json.ts <work-dir> <jobs>\n");
  process.exit(2);
}
const started = readFileSync(join(work, "started"), "utf8").trim();
const jobs = Number(jobsArg);
const commands: Record<string, string> = {
  generation: `npx workbench synth --scale paper --out <work>/study --jobs ${jobs}`,
  pipeline: `npx workbench run --study <work>/paper.json --cache <work>/cache --jobs ${jobs}`,
  site: "WORKBENCH_STUDY=<work>/paper.json WORKBENCH_CACHE=<work>/cache npm run build",
};

// The last successful row of each step (a failed attempt, rerun, leaves its row before the successful one).
const stepRows = readFileSync(join(work, "steps.tsv"), "utf8")
  .trim()
  .split("\n")
  .map((line) => line.split("\t"));
const steps = PaperScaleSteps.map((name) => {
  const row = stepRows.filter((r) => r[0] === name && r[3] === "0").at(-1);
  if (!row) throw new Error(`${work}/steps.tsv: no successful ${name} step; see ${work}/logs/${name}.err`);
  const [, seconds = "", rssKiB = "", , commit = ""] = row;
  return {step: name, command: commands[name] ?? name, seconds: Number(seconds), peakRssMiB: Number(rssKiB) / 1024, commit};
});

// `workbench run` prints one line per stage ("preprocess             512.3 s" or "… cached"), then a blank line.
const stageLines = readFileSync(join(work, "logs", "pipeline.out"), "utf8").split("\n\n")[0] ?? "";
const stages = stageLines
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const match = /^(.+?)\s+(cached|(\d+(?:\.\d+)?) s)$/.exec(line);
    if (!match) throw new Error(`${work}/logs/pipeline.out: not a stage line: ${line}`);
    return {stage: match[1] as string, seconds: match[3] === undefined ? 0 : Number(match[3]), cached: match[2] === "cached"};
  });

const [header = [], ...rows] = parseCsv(readFileSync(join(work, "study", "study.csv"), "utf8"), "study.csv");
const cohortColumn = header.indexOf("cohort");
if (cohortColumn < 0) throw new Error(`${work}/study/study.csv: no cohort column`);
const patients: Record<string, number> = {};
for (const row of rows) {
  const cohort = row[cohortColumn] ?? "";
  patients[cohort] = (patients[cohort] ?? 0) + 1;
}

const measurement: PaperScaleMeasurement = {
  schema: PaperScaleSchema,
  started,
  finished: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  machine: {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
  },
  jobs,
  patients,
  steps,
  stages,
};
// The same check the site's loader applies, so a malformed measurement fails here, not at build time.
parsePaperScaleMeasurement(JSON.parse(JSON.stringify(measurement)), "paper-scale measurement");
process.stdout.write(`${JSON.stringify(measurement, null, 2)}\n`);
