import {loadResNet50, type ResNet50} from "../../models/resnet50.js";
import {readModelFiles} from "./readModelFiles.js";
import {ResNetPackage} from "./resNetPackage.js";

/**
 * Reads the weights folder and loads the frozen backbone. A missing or corrupted file is an error, never a silent
 * random initialisation: shards are checked against the manifest sizes, values must be finite, and when model.json
 * is the official one the concatenated weights must hash to the value weights.md records.
 */
export async function loadBackbone(dir: string, options: {batchNormEpsilon: number}): Promise<ResNet50> {
  const files = await readModelFiles(dir);
  if (files.modelJsonSha256 === ResNetPackage.modelJsonSha256 && files.weightsHash !== ResNetPackage.weightsSha256) {
    throw new Error(
      `${dir}: the weight shards are corrupted: expected weights sha256 ${ResNetPackage.weightsSha256}, got ${files.weightsHash}; run \`npx workbench weights\` again`,
    );
  }
  return loadResNet50(files, options);
}
