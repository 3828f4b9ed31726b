import {join} from "node:path";
import {DemoScales} from "../../../src/components/study/vocabulary.js";
import {writeDirectoryAtomically} from "../../output/writeOutputAtomically.js";
import {generateStudy} from "../../synth/generateStudy.js";
import {synthCounts} from "../../synth/synthScales.js";
import {type Command, UsageError} from "../command.js";
import {outputOption} from "../outputOption.js";
import {nonNegativeIntegerOption, parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench synth --out <dir> [--scale demo|paper] [--seed 1]

Generates the synthetic three-centre demonstration study (arterial-phase CT volumes and tumour ROI masks as
NIfTI, study.csv manifest, clinical.csv, synth.json provenance). The same seed gives byte-identical files.

Options:
  --out <dir>      output folder: new, empty, or an earlier synth output (holding synth.json), which is replaced
                   whole once the new study is complete
  --scale <scale>  demo: ${Object.values(synthCounts.demo).join(" / ")} patients (NFH / ZHHAJU / SYUCC), small volumes (default)
                   paper: ${Object.values(synthCounts.paper).join(" / ")} patients, the paper's cohort sizes, full-size tumours
  --seed <n>       non-negative integer seed (default 1)
`;

export const synthCommand: Command = {
  name: "synth",
  summary: "generate the synthetic three-centre demo study (NIfTI CT + masks + manifest)",
  usage,
  async run(argv, io) {
    const {values, positionals} = parseCommandArgs({
      args: argv,
      options: {out: {type: "string"}, scale: {type: "string", default: "demo"}, seed: {type: "string", default: "1"}},
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument(s): ${positionals.join(" ")}`);
    if (!values.out) throw new UsageError("--out <dir> is required");
    const scale = DemoScales.find((s) => s === values.scale);
    if (!scale) throw new UsageError(`--scale: expected demo or paper, got "${values.scale}"`);
    const seed = nonNegativeIntegerOption(values.seed, "--seed");
    const target = await outputOption("--out", values.out, io.cwd, "directory", {ownedIf: "synth.json"});
    let last = -1;
    const result = await writeDirectoryAtomically(target, (dir) =>
      generateStudy(
        {outDir: dir, scale, seed},
        {
          // Progress names the folder the user asked for, not the temporary one it is built in.
          log: (message) => io.stderr(`${message.split(dir).join(target.path)}\n`),
          progress: (done, total) => {
            const pct = Math.floor((100 * done) / total);
            if (pct >= last + 10 || done === total) {
              last = pct;
              io.stderr(`synth: ${done}/${total}\n`);
            }
          },
        },
      ),
    );
    io.stdout(`${join(target.path, "study.csv")}\n`);
    return result.failures.length > 0 ? 1 : 0;
  },
};
