import {join} from "node:path";
import {writeDirectoryAtomically} from "../../output/writeOutputAtomically.js";
import {progressDisplay} from "../../runtime/stderrProgress.js";
import {generateStudy} from "../../synth/generateStudy.js";
import {SynthScales, synthCounts} from "../../synth/synthScales.js";
import {jobsOption} from "../clusterOptions.js";
import {type Command, UsageError} from "../command.js";
import {outputOption} from "../outputOption.js";
import {nonNegativeIntegerOption, parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench synth --out <dir> [--scale tiny|demo|paper] [--seed 1] [--jobs <n>]

Generates the synthetic three-centre demonstration study (arterial-phase CT volumes and tumour ROI masks as
NIfTI, study.csv manifest, clinical.csv, synth.json provenance). The same seed gives byte-identical files.

Options:
  --out <dir>      output folder: new, empty, or an earlier synth output (holding synth.json), which is replaced
                   whole once the new study is complete
  --scale <scale>  tiny: ${Object.values(synthCounts.tiny).join(" / ")} patients, demo volumes (tests, the Slurm check)
                   demo: ${Object.values(synthCounts.demo).join(" / ")} patients (NFH / ZHHAJU / SYUCC), small volumes (default)
                   paper: ${Object.values(synthCounts.paper).join(" / ")} patients, the paper's cohort sizes, full-size tumours
  --seed <n>       non-negative integer seed (default 1)
  --jobs <n>       worker threads, one patient per task (default: the number of cores); the files are the same for
                   any n
`;

export const synthCommand: Command = {
  name: "synth",
  summary: "generate the synthetic three-centre demo study (NIfTI CT + masks + manifest)",
  usage,
  async run(argv, io) {
    const {values, positionals} = parseCommandArgs({
      args: argv,
      options: {
        out: {type: "string"},
        scale: {type: "string", default: "demo"},
        seed: {type: "string", default: "1"},
        jobs: {type: "string"},
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument(s): ${positionals.join(" ")}`);
    if (!values.out) throw new UsageError("--out <dir> is required");
    const scale = SynthScales.find((s) => s === values.scale);
    if (!scale) throw new UsageError(`--scale: expected ${SynthScales.join(", ")}, got "${values.scale}"`);
    const seed = nonNegativeIntegerOption(values.seed, "--seed");
    const jobs = jobsOption(values.jobs);
    const target = await outputOption("--out", values.out, io.cwd, "directory", {ownedIf: "synth.json"});
    const display = progressDisplay({write: io.stderr, isTTY: io.stderrIsTTY});
    const result = await writeDirectoryAtomically(target, (dir) =>
      generateStudy(
        {outDir: dir, scale, seed, ...(jobs === undefined ? {} : {jobs})},
        {
          // Progress names the folder the user asked for, not the temporary one it is built in.
          log: (message) => display.log(message.split(dir).join(target.path)),
          progress: (done, total) => display.progress("synth", done, total),
        },
      ),
    );
    io.stdout(`${join(target.path, "study.csv")}\n`);
    return result.failures.length > 0 ? 1 : 0;
  },
};
