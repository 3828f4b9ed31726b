import assert from "node:assert/strict";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";
import {OnnxInputName, OnnxLastConvName, OnnxOutputName} from "../../../../loaders/features/onnx/graphNames.js";
import {collectPlan} from "../../../../loaders/features/onnx/qdq.js";
import {quantizeBackbone} from "../../../../loaders/features/onnx/quantizeBackbone.js";
import {exportOnnx} from "../../../../loaders/features/onnxExport.js";
import {buildResNet, TinyResNetShape} from "../../../../models/resNetTopology.js";
import {createRng} from "../../../../src/components/stats/random.js";

const {onnx} = onnxProto;

function randomPixels(count: number, sizePx: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({length: count * sizePx * sizePx * 3}, () => rng.int(256));
}

const opTypes = (bytes: Uint8Array) => onnx.ModelProto.decode(bytes).graph!.node!.map((n) => n.opType!);
const count = (ops: string[], op: string) => ops.filter((o) => o === op).length;

async function run(bytes: Uint8Array, pixels: Uint8Array, n: number, optimizedPath?: string) {
  const session = await ort.InferenceSession.create(bytes, {
    graphOptimizationLevel: "all",
    intraOpNumThreads: 1,
    ...(optimizedPath ? {optimizedModelFilePath: optimizedPath} : {}),
  });
  try {
    const out = await session.run({[OnnxInputName]: new ort.Tensor("uint8", pixels, [n, 32, 32, 3])});
    return {embedding: out[OnnxOutputName]!.data as Float32Array, lastConv: out[OnnxLastConvName]!.dims};
  } finally {
    await session.release();
  }
}

describe("quantizeBackbone(model, sample) on a tiny ResNet", () => {
  let model: tf.LayersModel;
  let dir = "";
  const calibration = {pixels: randomPixels(16, 32, 1), count: 16, sizePx: 32};
  before(async () => {
    await tf.setBackend("cpu");
    model = buildResNet({...TinyResNetShape, seed: 7});
    dir = await mkdtemp(join(tmpdir(), "qdq-"));
  });
  after(async () => {
    model.dispose();
    await rm(dir, {recursive: true, force: true});
  });

  it("collecting adds no node: the calibration graph is the FP32 graph plus outputs, so tensor names match", () => {
    const plan = collectPlan();
    const probe = exportOnnx(model, {qdq: plan});
    const fp32 = exportOnnx(model);
    assert.deepEqual(opTypes(probe.onnx), opTypes(fp32.onnx));
    // Every Conv, Add and pool input: the 17 convs' inputs share tensors (a block's input feeds two convs).
    assert.ok(plan.tensors.length >= 17, `${plan.tensors.length} tensors`);
  });

  it("QDQ around every Conv (int8 weights, int32 bias, uint8 activations); ORT fuses all into QLinearConv", async () => {
    const q = await quantizeBackbone(model, calibration);
    assert.equal(q.info.quantization, "qdq-int8");
    const ops = opTypes(q.onnx);
    const convs = count(ops, "Conv");
    assert.equal(convs, 17);
    // Per Conv a weight and a bias DequantizeLinear, plus one Q → DQ per quantized activation.
    assert.equal(count(ops, "DequantizeLinear"), 2 * convs + count(ops, "QuantizeLinear"));
    const weights = onnx.ModelProto.decode(q.onnx).graph!.initializer!.filter((t) => t.name!.endsWith("/W_quantized"));
    assert.equal(weights.length, convs);
    assert.ok(weights.every((t) => t.dataType === onnx.TensorProto.DataType.INT8));
    const optimized = join(dir, "optimized.onnx");
    await run(q.onnx, calibration.pixels.subarray(0, 32 * 32 * 3), 1, optimized);
    const fused = opTypes(new Uint8Array(await readFile(optimized)));
    assert.equal(count(fused, "QLinearConv"), convs);
    assert.equal(count(fused, "Conv"), 0);
    assert.equal(count(fused, "QLinearAdd"), 4); // the 4 residual adds (one block per stage)
  });

  it("int8 embeddings of unseen patches within cosine 0.98 of FP32's (every patch); last_conv kept", async () => {
    const q = await quantizeBackbone(model, calibration);
    const pixels = randomPixels(4, 32, 99);
    const want = await run(exportOnnx(model).onnx, pixels, 4);
    const got = await run(q.onnx, pixels, 4);
    assert.deepEqual(got.lastConv, want.lastConv);
    for (let r = 0; r < 4; r++) {
      let [dot, na, nb] = [0, 0, 0];
      for (let j = r * 2048; j < (r + 1) * 2048; j++) {
        dot += want.embedding[j]! * got.embedding[j]!;
        na += want.embedding[j]! ** 2;
        nb += got.embedding[j]! ** 2;
      }
      const cosine = dot / Math.sqrt(na * nb);
      assert.ok(cosine >= 0.98, `patch ${r}: cosine ${cosine}`);
    }
  });

  it("deterministic: the same model and sample give the same bytes; percentile ranges lie inside min–max", async () => {
    const a = await quantizeBackbone(model, calibration);
    const b = await quantizeBackbone(model, calibration, {threads: 2});
    assert.deepEqual(a.onnx, b.onnx);
    const p = await quantizeBackbone(model, calibration, {calibration: {method: "percentile", percentile: 99}});
    for (const [t, r] of p.ranges) {
      const full = a.ranges.get(t)!;
      assert.ok(r.min >= full.min && r.max <= full.max && r.min <= r.max, t);
    }
    assert.notDeepEqual(p.onnx, a.onnx);
  });

  it("rejects a sample whose bytes do not match its count", async () => {
    await assert.rejects(
      quantizeBackbone(model, {pixels: new Uint8Array(10), count: 1, sizePx: 32}),
      /calibration sample: expected ≥ 1 patch of 32×32×3 bytes, got 10 bytes for 1/,
    );
  });
});
