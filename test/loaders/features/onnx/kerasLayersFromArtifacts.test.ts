import assert from "node:assert/strict";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import {kerasLayersFromArtifacts} from "../../../../loaders/features/onnx/kerasLayersFromArtifacts.js";
import {exportOnnx} from "../../../../loaders/features/onnxExport.js";
import {readModelFiles} from "../../../../loaders/weights/readModelFiles.js";
import {writeModelFiles} from "../../../../loaders/weights/writeModelFiles.js";
import {buildResNet, TinyResNetShape} from "../../../../models/resNetTopology.js";

describe("kerasLayersFromArtifacts({topology, weightSpecs, weightData})", () => {
  it("exporting from the files gives the same ONNX bytes as exporting from the loaded tfjs model", async () => {
    await tf.setBackend("cpu");
    const dir = await mkdtemp(join(tmpdir(), "onnx-artifacts-"));
    try {
      const model = buildResNet({...TinyResNetShape, seed: 5});
      await writeModelFiles(model, dir);
      const files = await readModelFiles(dir);
      const fromFiles = exportOnnx(files);
      const fromModel = exportOnnx(model);
      assert.deepEqual(fromFiles.info, fromModel.info);
      assert.ok(Buffer.from(fromFiles.onnx).equals(Buffer.from(fromModel.onnx)), "byte-identical graphs");
      const layers = kerasLayersFromArtifacts(files);
      const conv1 = layers.find((l) => l.name === "conv1");
      assert.deepEqual(conv1?.config.kernelSize, [7, 7]);
      assert.equal(conv1?.config.dataFormat, "channelsLast");
      assert.deepEqual([...(conv1?.weights.keys() ?? [])], ["kernel", "bias"]);
      model.dispose();
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it("rejects weight bytes that do not match the manifest, and quantized weights", () => {
    const topology = {model_config: {config: {layers: []}}};
    const weightSpecs = [{name: "a/kernel", shape: [2], dtype: "float32"}];
    assert.throws(
      () => kerasLayersFromArtifacts({topology, weightSpecs, weightData: new ArrayBuffer(12)}),
      /expected 8 bytes for the manifest, got 12/,
    );
    assert.throws(
      () => kerasLayersFromArtifacts({topology, weightSpecs, weightData: new ArrayBuffer(4)}),
      /weight a\/kernel: expected 8 bytes at offset 0, got 4/,
    );
    assert.throws(
      () =>
        kerasLayersFromArtifacts({
          topology,
          weightSpecs: [{...weightSpecs[0]!, quantization: {dtype: "uint8"}}],
          weightData: new ArrayBuffer(8),
        }),
      /expected unquantized float32/,
    );
    assert.throws(
      () => kerasLayersFromArtifacts({topology: {}, weightSpecs: [], weightData: new ArrayBuffer(0)}),
      /model_config\.config\.layers/,
    );
  });
});
