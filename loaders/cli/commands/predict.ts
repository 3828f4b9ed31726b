import {resolve} from "node:path";
import {writePredictionsCsv} from "../../../src/components/predictions/writePredictionsCsv.js";
import {backboneSpec} from "../../features/backboneSpec.js";
import {createEngine} from "../../features/createEngine.js";
import {preprocessStudy} from "../../imaging/preprocessStudy.js";
import {writeFileAtomically} from "../../output/writeOutputAtomically.js";
import {paths} from "../../paths.js";
import {predictWithRun} from "../../predict/predictWithRun.js";
import {loadRun} from "../../runs/runStore.js";
import {type Command, ExitCode, UsageError} from "../command.js";
import {outputOption} from "../outputOption.js";
import {parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench predict --run <id> --manifest new.csv --out preds.csv [--runs <dir>]

Applies a trained run (models/runs/<id>/) to the patients of a manifest: the same preprocessing as the run's
configuration, the frozen ResNet50 (the run's weights and BatchNorm epsilon), the run's head. Writes patch-level
predictions: patient_id, cohort, patch_id, label, p_CR, p_PR, p_SD, p_PD (sigmoid heads: outputs normalised to sum
to 1). Patients that cannot be preprocessed are excluded and listed on stderr.

Options:
  --run <id>         run id (folder name under models/runs)
  --manifest <file>  manifest CSV of the patients to predict
  --out <file>       output CSV
  --runs <dir>       runs folder (default models/runs)
`;

export const predictCommand: Command = {
  name: "predict",
  summary: "apply a trained run to a new manifest (patch-level probabilities CSV)",
  usage,
  async run(argv, io) {
    const {values, positionals} = parseCommandArgs({
      args: argv,
      options: {run: {type: "string"}, manifest: {type: "string"}, out: {type: "string"}, runs: {type: "string"}},
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument(s): ${positionals.join(" ")}`);
    if (!values.run) throw new UsageError("--run <id> is required");
    if (!values.manifest) throw new UsageError("--manifest <file> is required");
    if (!values.out) throw new UsageError("--out <file> is required");
    // Checked before the run is loaded or any patient read.
    const out = await outputOption("--out", values.out, io.cwd, "file");
    const log = (m: string) => io.stderr(`${m}\n`);
    const run = await loadRun(values.runs ? resolve(io.cwd, values.runs) : paths.runs, values.run);
    const study = await preprocessStudy(resolve(io.cwd, values.manifest), run.config, {log});
    for (const f of Object.values(study.flow)) {
      for (const e of f.excluded) log(`excluded (${f.cohort}): ${e.reason}`);
    }
    // An int8 run is predicted with the very graph its embeddings came from (found by the run's model id).
    const runModelId = run.provenance.modelId;
    const int8 = typeof runModelId === "string" ? {runModelId} : undefined;
    const engine = await createEngine(backboneSpec(run.config), run.config.model.engine, {log}, int8);
    try {
      const rows = await predictWithRun(run, study.cohorts, engine, paths.embeddings, log);
      await writeFileAtomically(out, writePredictionsCsv(rows));
      log(`predict: ${rows.length} patches → ${values.out}`);
      return rows.length > 0 ? ExitCode.ok : ExitCode.failure;
    } finally {
      await engine.dispose();
    }
  },
};
