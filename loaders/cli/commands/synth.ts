import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {generateStudy} from "../../synth/generateStudy.js";
import {synthCounts} from "../../synth/synthScales.js";
import {type Command, UsageError} from "../command.js";

const scales = ["demo", "paper"] as const;

const usage = `Usage: workbench synth --out <dir> [--scale demo|paper] [--seed 1]

Generates the synthetic three-centre demonstration study (arterial-phase CT volumes and tumour ROI masks as
NIfTI, study.csv manifest, clinical.csv, synth.json provenance). The same seed gives byte-identical files.

Options:
  --out <dir>      output folder (created if missing)
  --scale <scale>  demo: ${Object.values(synthCounts.demo).join(" / ")} patients (NFH / ZHHAJU / SYUCC), small volumes (default)
                   paper: ${Object.values(synthCounts.paper).join(" / ")} patients, the paper's cohort sizes, full-size tumours
  --seed <n>       non-negative integer seed (default 1)
`;

export const synthCommand: Command = {
  name: "synth",
  summary: "generate the synthetic three-centre demo study (NIfTI CT + masks + manifest)",
  usage,
  async run(argv, io) {
    const {values, positionals} = parseArgs({
      args: argv,
      options: {out: {type: "string"}, scale: {type: "string", default: "demo"}, seed: {type: "string", default: "1"}},
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument(s): ${positionals.join(" ")}`);
    if (!values.out) throw new UsageError("--out <dir> is required");
    const scale = scales.find((s) => s === values.scale);
    if (!scale) throw new UsageError(`--scale: expected demo or paper, got "${values.scale}"`);
    const seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) {
      throw new UsageError(`--seed: expected a non-negative integer, got "${values.seed}"`);
    }
    let last = -1;
    const result = await generateStudy(
      {outDir: resolve(io.cwd, values.out), scale, seed},
      {
        log: (message) => io.stderr(`${message}\n`),
        progress: (done, total) => {
          const pct = Math.floor((100 * done) / total);
          if (pct >= last + 10 || done === total) {
            last = pct;
            io.stderr(`synth: ${done}/${total}\n`);
          }
        },
      },
    );
    io.stdout(`${result.manifestPath}\n`);
    return result.failures.length > 0 ? 1 : 0;
  },
};
