import {dirname, resolve} from "node:path";
import {hccTaceSegManifest} from "../../cohort/hccTaceSeg.js";
import {writeFileAtomically} from "../../output/writeOutputAtomically.js";
import {type Command, UsageError} from "../command.js";
import {inputOption} from "../inputOption.js";
import {outputOption} from "../outputOption.js";
import {parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench hcc-tace-seg --root <folder> --out study.csv [--clinical sheet.xlsx] [--response 1_mRECIST] [--cohort name]

Writes a study manifest for the public TCIA HCC-TACE-Seg collection as downloaded (NBIA layout: one folder per
series, CT series + DICOM SEG per patient) and its clinical spreadsheet keyed by TCIA_ID. The SEG's referenced
CT series becomes the image, the SEG the mask, the response column (coded 1-4 = CR, PR, SD, PD) the label.
Prints which spreadsheet columns were found (names are matched case-insensitively) and every patient left
without images or label; those rows are still written so the preprocessing flow report counts them.

Options:
  --root <folder>      the downloaded collection
  --out <file>         manifest CSV to write (image paths relative to it)
  --clinical <file>    clinical spreadsheet (.xlsx or .csv); default: *clinical* under --root
  --response <column>  response column (default 1_mRECIST; also 1_RECIST, 1_EASL)
  --cohort <name>      cohort name written to the manifest (default HCC-TACE-Seg)
`;

export const hccTaceSegCommand: Command = {
  name: "hcc-tace-seg",
  summary: "write a study manifest from a TCIA HCC-TACE-Seg download (DICOM CT + SEG + clinical sheet)",
  usage,
  async run(argv, io) {
    const {values, positionals} = parseCommandArgs({
      args: argv,
      options: {
        root: {type: "string"},
        out: {type: "string"},
        clinical: {type: "string"},
        response: {type: "string"},
        cohort: {type: "string"},
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument(s): ${positionals.join(" ")}`);
    if (!values.root) throw new UsageError("--root <folder> is required");
    if (!values.out) throw new UsageError("--out <file> is required");
    // Checked before the collection is scanned.
    const root = await inputOption("--root", values.root, io.cwd, "folder");
    const target = await outputOption("--out", values.out, io.cwd, "file");
    const out = target.path;
    const {csv, report} = await hccTaceSegManifest(
      {
        root,
        manifestDir: dirname(out),
        ...(values.clinical ? {clinical: resolve(io.cwd, values.clinical)} : {}),
        ...(values.response ? {responseColumn: values.response} : {}),
        ...(values.cohort ? {cohort: values.cohort} : {}),
      },
      {log: (m) => io.stderr(`${m}\n`)},
    );
    await writeFileAtomically(target, csv);
    io.stdout(`clinical sheet: ${report.clinicalFile}\n`);
    for (const c of report.columns) {
      io.stdout(
        `  ${c.field.padEnd(24)} ${c.found === null ? `not found (looked for ${c.looked_for.join(", ")})` : `← ${c.found}`}\n`,
      );
    }
    io.stdout(
      `${report.patients} patients written to ${out}: ${report.withImages} with CT + SEG, ${report.labelled} with a response label\n`,
    );
    return 0;
  },
};
