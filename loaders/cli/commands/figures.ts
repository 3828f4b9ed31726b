import {resolve} from "node:path";
import {type Protocol, Protocols} from "../../../src/components/study/vocabulary.js";
import {builtSiteInputs, type FigureInputs, pipelineInputs} from "../../figures/figureInputs.js";
import {JournalWidthsMm} from "../../figures/figuresManifest.js";
import {writeDirectoryAtomically} from "../../output/writeOutputAtomically.js";
import {stderrProgress} from "../../runtime/stderrProgress.js";
import {cacheOption} from "../clusterOptions.js";
import {type Command, ExitCode, UsageError} from "../command.js";
import {outputOption} from "../outputOption.js";
import {parseCommandArgs, positiveIntegerOption} from "../parseCommandArgs.js";

const usage = `Usage: workbench figures --out <dir> [--study study.json | --site dist] [--width 84|129|174] [--dpi 600]
                         [--protocol paper|corrected|both] [--cache <dir>]

Writes the paper's figures and tables as a journal asks for them, drawn with the same Vega-Lite specs as the site's
pages: Fig 2 (training curves), Fig 3 (one-vs-rest ROC per cohort), Fig 5a/b (objective-response ROC, patch and
patient level), Fig 5c/d (decision curve per cohort) and Supplementary Fig 2 (responders' and non-responders'
scores), each as SVG, vector PDF (DejaVu Sans embedded), and PNG and TIFF at --dpi; Table 1 and the discrimination
table (per-class AUC with CI per cohort) as .docx, .tex and .csv. manifest.json lists every file with its size in
mm, its dpi and the run it came from (run id, config hash, data hash), and the figures not drawn, with why.

Options:
  --out <dir>        output folder (required); replaced whole, and only if a previous run wrote it (manifest.json)
  --study <file>     study configuration (JSON): its cached pipeline, as the site builds from it (default: the demo)
  --site <dir>       a built site (dist/) to draw from instead of running the pipeline
  --width <mm>       figure width: 84 (single column), 129 (1.5 columns) or 174 (double column; default)
  --dpi <n>          resolution of the PNG and TIFF files (default 600); their pixel width is width / 25.4 × dpi
  --protocol <p>     paper, corrected or both (default: every protocol the build ran)
  --cache <dir>      artifact cache folder (default: .cache/artifacts in the repository)
`;

export const figuresCommand: Command = {
  name: "figures",
  summary: "write the paper's figures (SVG, PDF, PNG, TIFF) and tables (docx, tex, csv) for a journal",
  usage,
  async run(argv, io) {
    const {values} = parseCommandArgs({
      args: argv,
      options: {
        out: {type: "string"},
        study: {type: "string"},
        site: {type: "string"},
        width: {type: "string", default: "174"},
        dpi: {type: "string", default: "600"},
        protocol: {type: "string"},
        cache: {type: "string"},
      },
      strict: true,
    });
    if (!values.out) throw new UsageError("--out <dir> is required");
    if (values.study && values.site) throw new UsageError("--study and --site are two sources: give one");
    const widthMm = Number(values.width);
    if (!JournalWidthsMm.some((w) => w === widthMm)) {
      throw new UsageError(`--width: expected ${JournalWidthsMm.join(", ")} (mm), got ${values.width}`);
    }
    const dpi = positiveIntegerOption(values.dpi, "--dpi");
    if (dpi < 72 || dpi > 2400) throw new UsageError(`--dpi: expected 72 to 2400, got ${dpi}`);
    const asked = values.protocol;
    if (asked !== undefined && asked !== "both" && !Protocols.some((p) => p === asked)) {
      throw new UsageError(`--protocol: expected paper, corrected or both, got "${asked}"`);
    }
    const target = await outputOption("--out", values.out, io.cwd, "directory", {ownedIf: "manifest.json"});
    const inputs: FigureInputs = values.site
      ? await builtSiteInputs(resolve(io.cwd, values.site))
      : await pipelineInputs(
          values.study ? resolve(io.cwd, values.study) : null,
          await cacheOption(values.cache, io.cwd),
          {log: (m) => io.stderr(`${m}\n`), progress: stderrProgress({write: io.stderr, isTTY: io.stderrIsTTY})},
        );
    const ran = Protocols.filter((p) => inputs.metrics.protocols[p] !== undefined);
    const protocols: Protocol[] = asked === undefined ? ran : asked === "both" ? [...Protocols] : [asked as Protocol];
    // The renderers (PDFKit, resvg, docx) load only here, so no other command pays for them at start-up.
    const {writeFigures} = await import("../../figures/writeFigures.js");
    const manifest = await writeDirectoryAtomically(target, (dir) =>
      writeFigures(inputs, dir, {widthMm, dpi, protocols}, (m) => io.stderr(`${m}\n`)),
    );
    io.stdout(
      `figures: wrote ${manifest.files.length} files and manifest.json to ${target.given}` +
        `${manifest.skipped.length > 0 ? ` (not drawn: ${manifest.skipped.map((s) => (s.protocol ? `${s.id} ${s.protocol}` : s.id)).join(", ")})` : ""}\n`,
    );
    return ExitCode.ok;
  },
};
