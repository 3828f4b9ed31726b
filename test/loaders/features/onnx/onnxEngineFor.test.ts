import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import {tryCreateOnnxEngineFor} from "../../../../loaders/features/onnx/onnxEngineFor.js";
import {writeModelFiles} from "../../../../loaders/weights/writeModelFiles.js";
import {buildResNet, TinyResNetShape} from "../../../../models/resNetTopology.js";

describe("tryCreateOnnxEngineFor(backbone, {log})", () => {
  let dir = "";
  before(async () => {
    await tf.setBackend("cpu");
    dir = await mkdtemp(join(tmpdir(), "onnx-engine-for-"));
    const model = buildResNet(TinyResNetShape);
    await writeModelFiles(model, join(dir, "tiny"));
    model.dispose();
  });
  after(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  it("exports backbone.onnx beside the weights on first use, reuses it after, and embeds", async () => {
    const logs: string[] = [];
    const backbone = {weightsDir: join(dir, "tiny"), batchNormEpsilon: 1e-3, backend: "wasm", threads: 1} as const;
    const effects = {log: (m: string) => logs.push(m)};
    const first = await tryCreateOnnxEngineFor(backbone, effects);
    assert.ok(first.engine, first.reason ?? "");
    assert.ok(existsSync(join(dir, "tiny", "backbone.onnx")));
    assert.equal(logs.filter((m) => m.startsWith("exporting the ONNX backbone")).length, 1);
    const out = await first.engine.embed(new Uint8Array(2 * 32 * 32 * 3).fill(128), 2, 32, "flipH");
    assert.equal(out.length, 2 * 2048);
    assert.ok(out.every(Number.isFinite));
    await first.engine.dispose();
    const second = await tryCreateOnnxEngineFor(backbone, effects);
    assert.ok(second.engine);
    assert.equal(
      logs.filter((m) => m.startsWith("exporting the ONNX backbone")).length,
      1,
      "the cached export is reused",
    );
    await second.engine.dispose();
  });

  it("returns null and a one-line reason when the weights folder is missing", async () => {
    const absent = {weightsDir: join(dir, "absent"), batchNormEpsilon: 1e-3, backend: "wasm"} as const;
    const r = await tryCreateOnnxEngineFor(absent, {log: () => {}});
    assert.equal(r.engine, null);
    assert.match(r.reason ?? "", /^ONNX export unavailable: .*absent.*model\.json/);
  });
});
