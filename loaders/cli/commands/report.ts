import {writeFile} from "node:fs/promises";
import {basename, join, resolve} from "node:path";
import {checkOutcomeFiles} from "../../cohort/checkOutcomeFiles.js";
import {loadStudyConfig} from "../../config/loadStudyConfig.js";
import {writeDirectoryAtomically} from "../../output/writeOutputAtomically.js";
import {repoRoot} from "../../paths.js";
import {printWarnings} from "../../printWarnings.js";
import {buildReportSite} from "../../site/buildReportSite.js";
import type {PatientIdPolicy} from "../../site/predictionsOnly/predictionsMode.js";
import {loadPredictionsStudy} from "../../site/predictionsOnly/predictionsStudy.js";
import {type Command, ExitCode, UsageError} from "../command.js";
import {outputOption} from "../outputOption.js";
import {parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench report --predictions preds.csv [--clinical clinical.csv] [--readers readers.csv] [--survival survival.csv] [--out site] [--study study.json] [--patient-ids pseudonymous|as-is]

Builds the whole static report site from a predictions CSV (the format \`workbench evaluate\` reads: patient_id,
cohort, label, p_CR, p_PR, p_SD, p_PD, optional patch_id, protocol, split), with no images and no model. Every
statistic, figure and download is computed as \`evaluate\` computes it (1000 bootstrap replicates, seed 1, 95%, unless
a study file says otherwise); the Gallery and the Training curves say why they are empty; every provenance footer
names the CSV and its sha256. The same as \`WORKBENCH_PREDICTIONS=preds.csv npm run build\`, without touching dist/.

Options:
  --predictions <file>  predictions CSV (required); read strictly, every bad row listed by line and patient
  --clinical <file>     clinical CSV: patient_id plus Table 1 columns (age, sex, hbsag, child_pugh, alt, ast, afp,
                        cirrhosis, tumour_size_cm, tumour_number, or columns the study file declares)
  --readers <file>      readers CSV: patient_id plus one column per reader (CR/PR/SD/PD, empty = not read); adds
                        the Readers page (agreement, the model against each reference standard)
  --survival <file>     survival CSV: patient_id plus <endpoint>_time, <endpoint>_event pairs (event 1 = happened);
                        adds the Survival page (Kaplan–Meier and Cox by predicted response); the study file's
                        outcomes.endpoints names their units
  --out <dir>           output folder (default site): new, empty, or an earlier report (holding report.json), which
                        is replaced whole once the new site is complete
  --study <file>        study JSON: evaluation settings, study name, protocol of rows without a protocol column
  --patient-ids <mode>  pseudonymous (default: P- + a salted hash, as for a real study) or as-is
`;

/** The marker that makes a folder an earlier report, which a rerun may replace. */
const Marker = "report.json";

export const reportCommand: Command = {
  name: "report",
  summary: "build the static report site from a predictions CSV alone (no images, no model)",
  usage,
  async run(argv, io) {
    const {values} = parseCommandArgs({
      args: argv,
      options: {
        predictions: {type: "string"},
        clinical: {type: "string"},
        readers: {type: "string"},
        survival: {type: "string"},
        out: {type: "string", default: "site"},
        study: {type: "string"},
        "patient-ids": {type: "string", default: "pseudonymous"},
      },
      strict: true,
      allowPositionals: false,
    });
    if (!values.predictions) throw new UsageError("--predictions is required");
    const ids = values["patient-ids"];
    if (ids !== "pseudonymous" && ids !== "as-is")
      throw new UsageError(`--patient-ids: expected pseudonymous or as-is, got "${ids}"`);
    const patientIds: PatientIdPolicy = ids;
    // Checked before reading or building anything, so a bad --out fails at once and names the path as typed.
    const target = await outputOption("--out", values.out ?? "site", io.cwd, "directory", {ownedIf: Marker});
    const predictions = resolve(io.cwd, values.predictions);
    const clinical = values.clinical ? resolve(io.cwd, values.clinical) : null;
    const study = values.study ? resolve(io.cwd, values.study) : null;
    const readers = values.readers ? resolve(io.cwd, values.readers) : null;
    const survival = values.survival ? resolve(io.cwd, values.survival) : null;

    // Validated here first: a bad row is reported once, by line and patient, before a minute of site building.
    const started = Date.now();
    const loaded = await loadStudyConfig(study);
    const checked = await loadPredictionsStudy({predictions, clinical, patientIds}, loaded, null);
    printWarnings(checked.warnings, io.stderr);
    // Refused here, by line and patient, rather than as a page that says "failed" after a minute of building.
    await checkOutcomeFiles(readers, survival);
    io.stderr(
      `report: ${checked.rows.length} ${checked.level === "patch" ? "patches" : "patients"} from ${values.predictions} (sha256 ${checked.predictions.sha256.slice(0, 12)}), protocol(s) ${checked.protocols.join(", ")}; building the site…\n`,
    );
    await writeDirectoryAtomically(target, async (dir) => {
      await buildReportSite({
        repo: repoRoot,
        predictions,
        clinical,
        readers,
        survival,
        patientIds,
        study,
        outDir: dir,
        log: (line) => io.stderr(`  ${line.split(dir).join(target.path)}\n`),
      });
      const marker = {
        command: "workbench report",
        predictions: checked.predictions,
        clinical: checked.clinicalFile,
        readers: readers === null ? null : basename(readers),
        survival: survival === null ? null : basename(survival),
        patientIds,
        protocols: checked.protocols,
      };
      await writeFile(join(dir, Marker), `${JSON.stringify(marker, null, 1)}\n`, {flag: "wx"});
    });
    io.stderr(`report: site written to ${values.out ?? "site"} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    io.stdout(`${join(target.path, "index.html")}\n`);
    return ExitCode.ok;
  },
};
