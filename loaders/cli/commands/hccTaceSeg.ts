import {basename, dirname, join} from "node:path";
import {TieBreaks} from "../../../src/components/readers/referenceStandard.js";
import {Criteria, HccTaceSegOptionError} from "../../cohort/hccTaceSegOptions.js";
import {hccTaceSegStudy, OutputNames} from "../../cohort/hccTaceSegStudy.js";
import {hccTaceSegSummary} from "../../cohort/hccTaceSegSummary.js";
import {writeFileAtomically} from "../../output/writeOutputAtomically.js";
import {type Command, UsageError} from "../command.js";
import {inputOption} from "../inputOption.js";
import {outputOption} from "../outputOption.js";
import {parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench hcc-tace-seg --root <folder> --out study.csv [--clinical sheet.xlsx] [--criterion mRECIST]
                             [--reference majority|unanimous|<reader column>] [--tie exclude|worse|better] [--cohort name]

Writes a study for the public TCIA HCC-TACE-Seg collection as downloaded (NBIA layout: one folder per series,
CT series + DICOM SEG per patient) and its clinical sheet keyed by TCIA_ID. Beside the manifest (--out) it writes:
  readers.csv   patient_id + one column per reader of the criterion (1_mRECIST, 2_mRECIST, 3_mRECIST): CR/PR/SD/PD
                or empty (not read); not written when the criterion has one reader (EASL)
  survival.csv  patient_id, os_time, os_event (OS, Death_1_StillAliveorLostToFU_0), ttp_time, ttp_event (TTP,
                Censored_0_progressed_1); event 1 = died / progressed; a bad cell empties that endpoint, noted
  study.json    the study file to run: manifest, typed clinical columns, outcomes, and the codings assumed
The SEG's referenced CT series becomes the image, the SEG the mask, the reference standard the label. Clinical
columns keep a Table 1 name only when the sheet codes them that way (Sex coded 1/2 is written as sex_code).
Prints one screen: the sheet columns found, what each file holds, patient counts, the assumed codings; per-patient
notes go to stderr, one line per cause.

Options:
  --root <folder>        the downloaded collection (may be empty: the sheet alone gives the outcome files)
  --out <file>           manifest CSV to write (image paths relative to it; the other files go beside it)
  --clinical <file>      clinical sheet (.xlsx or .csv); default: *clinical* under --root
  --criterion <name>     readers' criterion: ${Criteria.join(", ")} (default mRECIST)
  --reference <rule>     the manifest label: majority (default), unanimous, or one reader's column (e.g. 1_mRECIST)
  --tie <rule>           a tied majority: exclude (default), worse or better (the class closer to PD, or to CR)
  --response <column>    the same as --reference <column> (one reader)
  --cohort <name>        cohort name written to the manifest (default HCC-TACE-Seg)
`;

export const hccTaceSegCommand: Command = {
  name: "hcc-tace-seg",
  summary: "write a study (manifest, readers, survival, study.json) from a TCIA HCC-TACE-Seg download",
  usage,
  async run(argv, io) {
    const {values, positionals} = parseCommandArgs({
      args: argv,
      options: {
        root: {type: "string"},
        out: {type: "string"},
        clinical: {type: "string"},
        criterion: {type: "string"},
        reference: {type: "string"},
        tie: {type: "string"},
        response: {type: "string"},
        cohort: {type: "string"},
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument(s): ${positionals.join(" ")}`);
    if (!values.root) throw new UsageError("--root <folder> is required");
    if (!values.out) throw new UsageError("--out <file> is required");
    const criterion = Criteria.find((c) => c.toLowerCase() === values.criterion?.toLowerCase());
    if (values.criterion !== undefined && criterion === undefined)
      throw new UsageError(`--criterion must be one of ${Criteria.join(", ")}, not "${values.criterion}"`);
    const tie = TieBreaks.find((t) => t === values.tie);
    if (values.tie !== undefined && tie === undefined)
      throw new UsageError(`--tie must be one of ${TieBreaks.join(", ")}, not "${values.tie}"`);
    if (values.response !== undefined && values.reference !== undefined && values.response !== values.reference)
      throw new UsageError("--response <column> is --reference <column>: give one of them");
    const reference = values.reference ?? values.response;
    const name = basename(values.out);
    if ((Object.values(OutputNames) as string[]).includes(name))
      throw new UsageError(`--out ${values.out}: ${name} is written beside the manifest; name the manifest otherwise`);

    // Checked before the collection is scanned: every output, since all four are written beside each other.
    const root = await inputOption("--root", values.root, io.cwd, "folder");
    const clinical = values.clinical ? await inputOption("--clinical", values.clinical, io.cwd, "file") : undefined;
    const beside = (file: string) => outputOption("--out", join(dirname(values.out ?? ""), file), io.cwd, "file");
    const targets = {
      manifest: await outputOption("--out", values.out, io.cwd, "file"),
      readers: await beside(OutputNames.readers),
      survival: await beside(OutputNames.survival),
      study: await beside(OutputNames.study),
    };
    let result: Awaited<ReturnType<typeof hccTaceSegStudy>>;
    try {
      result = await hccTaceSegStudy({
        root,
        manifestDir: dirname(targets.manifest.path),
        manifestName: name,
        ...(clinical ? {clinical} : {}),
        ...(criterion ? {criterion} : {}),
        ...(reference !== undefined ? {reference} : {}),
        ...(tie ? {tie} : {}),
        ...(values.cohort ? {cohort: values.cohort} : {}),
      });
    } catch (error) {
      if (error instanceof HccTaceSegOptionError) throw new UsageError(error.message);
      throw error;
    }
    const {files, report} = result;
    // The study file names the others, so it is written last: it never points at a file not yet there.
    if (files.readers !== null) await writeFileAtomically(targets.readers, files.readers);
    if (files.survival !== null) await writeFileAtomically(targets.survival, files.survival);
    await writeFileAtomically(targets.manifest, files.manifest);
    await writeFileAtomically(targets.study, files.study);
    const summary = hccTaceSegSummary(report, {
      manifest: targets.manifest.given,
      readers: files.readers === null ? null : targets.readers.given,
      survival: files.survival === null ? null : targets.survival.given,
      study: targets.study.given,
    });
    io.stdout(`${summary.join("\n")}\n`);
    for (const note of report.notes) io.stderr(`${note}\n`);
    return 0;
  },
};
