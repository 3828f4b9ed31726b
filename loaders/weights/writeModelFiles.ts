import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import * as tf from "@tensorflow/tfjs";

/**
 * Writes a tfjs layers model as model.json + one weight shard (the format readModelFiles reads), so tests and the
 * `weights --from` path use the same on-disk layout as the downloaded ImageNet model.
 */
export async function writeModelFiles(model: tf.LayersModel, dir: string): Promise<void> {
  await mkdir(dir, {recursive: true});
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      if (!(data instanceof ArrayBuffer)) throw new Error("writeModelFiles: expected one weight ArrayBuffer");
      const shard = "group1-shard1of1.bin";
      const json = {
        format: "layers-model",
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{paths: [shard], weights: artifacts.weightSpecs}],
      };
      await writeFile(join(dir, "model.json"), JSON.stringify(json));
      await writeFile(join(dir, shard), new Uint8Array(data));
      return {modelArtifactsInfo: {dateSaved: new Date(0), modelTopologyType: "JSON"}};
    }),
  );
}
