import {readFile} from "node:fs/promises";
import {resolve} from "node:path";
import {evaluateOutcomes} from "../../../src/components/outcomes/evaluateOutcomes.js";
import {pairedComparison} from "../../../src/components/predictions/pairedComparison.js";
import {protocolPair} from "../../../src/components/predictions/protocolPair.js";
import {readPredictionsCsv} from "../../../src/components/predictions/readPredictionsCsv.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {evaluateClinical} from "../../clinicalBaseline/evaluateClinical.js";
import {checkOutcomeFiles} from "../../cohort/checkOutcomeFiles.js";
import {loadStudyConfig} from "../../config/loadStudyConfig.js";
import {normalizeStudyConfig} from "../../config/normalizeStudyConfig.js";
import {writeFileAtomically} from "../../output/writeOutputAtomically.js";
import {printWarnings} from "../../printWarnings.js";
import {type Command, ExitCode, UsageError} from "../command.js";
import {outputOption} from "../outputOption.js";
import {nonNegativeIntegerOption, parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench evaluate --predictions preds.csv --out metrics.json [--bootstrap 1000] [--seed 1] [--ci-level 0.95]
       workbench evaluate --predictions preds.csv [--survival survival.csv] [--readers readers.csv] --out m.json
       workbench evaluate --predictions preds.csv --paired A,B --out comparison.json

Computes every metric of the report per cohort, at patch level (when the CSV has a patch_id column) and at
patient level (mean of the patient's patch probabilities): confusion matrix, accuracy, kappa, per-class
one-vs-rest ROC/AUC with DeLong and bootstrap CIs (patient-cluster bootstrap at patch level, with the paper's
naive patch bootstrap beside it), objective response P(CR)+P(PR) with Mann-Whitney U, decision curve and
calibration. Writes JSON; ROC thresholds ±∞ appear as the strings "Infinity" / "-Infinity".

CSV columns: patient_id, cohort, label (CR|PR|SD|PD), p_CR, p_PR, p_SD, p_PD [, patch_id]. Strict: a duplicated
column, a patient under two cohorts, or a probability that is not a plain decimal (0x1, 1e, Infinity, empty) refuses
the file, listing every bad row by line and patient; labels are read in any case, with a warning. Probabilities
summing to 1 ± 0.000001 are read as written; rows off by what rounding to their printed precision explains (6
decimals, MATLAB's 5 significant digits) are renormalised, with one warning; any other row refuses the file.

Options:
  --predictions <file>  predictions CSV (required)
  --out <file>          output JSON (required); written atomically, nothing is written on error
  --bootstrap <n>       bootstrap replicates, integer ≥ 0 (default 1000, as the paper)
  --seed <n>            seed of every bootstrap (default 1)
  --ci-level <x>        confidence level in (0, 1) (default 0.95)
  --paired <A,B>        compare two protocols of the file (its protocol column: the site's paper,corrected, or two
                        rungs of ablation-predictions.csv) on the patients both scored, per cohort at patient level:
                        paired DeLong ΔAUC (A − B) of each class and of objective response with CI and p, and ΔNB
                        of objective response at 0.2…0.6 with a paired patient bootstrap band
  --clinical <file>     clinical CSV (patient_id and Table 1 columns, or columns the --study file declares; cohort
                        and label are ignored, any other column is refused by name): adds "clinical", the Clinical
                        baseline comparison — a ridge multinomial clinical model fitted on the training cohort, the
                        predictions, and clinical + predictions, on every other cohort at patient level (AUCs,
                        paired DeLong ΔAUC, ΔNB with bootstrap bands, likelihood-ratio test for the image term)
  --train-cohort <name> the cohort the clinical model is fitted on (default: the one with the most patients)
  --study <file>        study JSON whose "clinical": {"columns": …} declares further clinical columns, and whose
                        "outcomes" section gives the responder threshold, the reference standard and each survival
                        endpoint's time-dependent AUC times
  --survival <file>     survival CSV: patient_id plus <endpoint>_time, <endpoint>_event pairs (event 1 = the event
                        happened, 0 = censored; both cells empty = not recorded); adds "survival": per endpoint and
                        cohort, at patient level, predicted responders (P(CR) + P(PR) ≥ 0.5, or the study's
                        outcomes.responderThreshold) against non-responders: Kaplan–Meier medians, log-rank, Cox on
                        the score and on the group (HR, CI, Wald, likelihood-ratio and score tests, cox.zph), Harrell's
                        and Uno's C, time-dependent AUC
  --readers <file>      readers CSV: patient_id plus one column per reader (CR/PR/SD/PD; empty = not read); adds
                        "readers": Fleiss' κ, unanimous share, each pair's Cohen, linear and quadratic κ with bootstrap
                        CIs and confusion matrix, and the model against each reader, the majority and unanimous only
`;

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: "compute per-cohort metrics (ROC/AUC with CIs, confusion, DCA, ...) from a predictions CSV",
  usage,
  async run(argv, io) {
    const {values} = parseCommandArgs({
      args: argv,
      options: {
        predictions: {type: "string"},
        out: {type: "string"},
        bootstrap: {type: "string", default: "1000"},
        seed: {type: "string", default: "1"},
        "ci-level": {type: "string", default: "0.95"},
        paired: {type: "string"},
        clinical: {type: "string"},
        "train-cohort": {type: "string"},
        study: {type: "string"},
        survival: {type: "string"},
        readers: {type: "string"},
      },
      strict: true,
      allowPositionals: false,
    });
    if (!values.predictions) throw new UsageError("--predictions is required");
    if (
      values.study !== undefined &&
      values.clinical === undefined &&
      values.survival === undefined &&
      values.readers === undefined
    )
      throw new UsageError(
        "--study declares clinical columns and outcomes: it goes with --clinical, --survival or --readers",
      );
    if (!values.out) throw new UsageError("--out is required");
    const bootstrap = nonNegativeIntegerOption(values.bootstrap, "--bootstrap");
    const seed = nonNegativeIntegerOption(values.seed, "--seed");
    const ciLevel = Number(values["ci-level"]);
    if (!(ciLevel > 0 && ciLevel < 1))
      throw new UsageError(`--ci-level must be in (0, 1), not "${values["ci-level"]}"`);

    const input = resolve(io.cwd, values.predictions);
    // Checked before reading or computing anything, so a bad --out fails at once and names the path as typed.
    const out = await outputOption("--out", values.out, io.cwd, "file");
    // The study file only declares clinical columns; read (and checked) before any work, like --out.
    const study = values.study ? (await loadStudyConfig(resolve(io.cwd, values.study))).config : null;
    const declared = study?.clinical.columns ?? {};
    // Read strictly before any work: a bad row is refused by line and patient.
    const outcomes = await checkOutcomeFiles(
      values.readers === undefined ? null : resolve(io.cwd, values.readers),
      values.survival === undefined ? null : resolve(io.cwd, values.survival),
    );
    for (const read of [outcomes.readers, outcomes.survival]) if (read) printWarnings(read.warnings, io.stderr);
    const started = Date.now();
    const text = await readFile(input, "utf8");
    const {rows, warnings} = readPredictionsCsv(text, values.predictions);
    printWarnings(warnings, io.stderr);
    if (values.paired !== undefined) {
      const pair = protocolPair(rows, values.paired, values.predictions);
      const cohorts = pairedComparison(pair.rowsA, pair.rowsB, {bootstrap, seed, ciLevel});
      const json = {
        input: values.predictions,
        paired: {a: pair.a, b: pair.b, difference: `${pair.a} − ${pair.b}`},
        cohorts,
      };
      await writeFileAtomically(out, `${JSON.stringify(json, null, 1)}\n`);
      io.stderr(`evaluate: ${pair.a} against ${pair.b} in ${cohorts.length} cohort(s) → ${values.out}\n`);
      return ExitCode.ok;
    }
    const protocols = [...new Set(rows.flatMap((r) => (r.protocol === undefined ? [] : [r.protocol])))];
    if (protocols.length > 1) {
      throw new Error(
        `${values.predictions}: rows of ${protocols.length} protocols (${protocols.join(", ")}); evaluate one at a time (keep one protocol's rows)`,
      );
    }
    const patches = rows.some((r) => r.patchId !== undefined);
    io.stderr(
      `evaluate: ${rows.length} ${patches ? "patches" : "patients"} from ${values.predictions}; ${bootstrap} bootstrap replicates, seed ${seed}\n`,
    );
    const evaluation = evaluatePredictions(rows, {bootstrap, seed, ciLevel});
    const clinical =
      values.clinical === undefined
        ? undefined
        : evaluateClinical(
            rows,
            await readFile(resolve(io.cwd, values.clinical), "utf8"),
            values.clinical,
            {
              ...(values["train-cohort"] ? {trainCohort: values["train-cohort"]} : {}),
              bootstrap,
              seed,
              ciLevel,
              declared,
            },
            (w) => io.stderr(`warning: ${w}\n`),
          );
    // Without a study file no endpoint is described: the demo's units, AUC times and landmark would be a guess.
    const outcomeBlocks = evaluateOutcomes(rows, outcomes, study ?? normalizeStudyConfig({outcomes: {endpoints: {}}}), {
      bootstrap,
      seed,
      ciLevel,
    });
    const json = `${JSON.stringify({input: values.predictions, ...evaluation, ...(clinical ? {clinical} : {}), ...outcomeBlocks}, null, 1)}\n`;
    await writeFileAtomically(out, json);
    const cohorts = Object.keys(evaluation.cohorts);
    io.stderr(
      `evaluate: ${cohorts.length} cohort(s) [${cohorts.join(", ")}] → ${values.out} in ${Date.now() - started} ms\n`,
    );
    return ExitCode.ok;
  },
};
