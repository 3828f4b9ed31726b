import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import {runnerFor} from "../../../loaders/features/backboneRunner.js";
import {chooseBackend} from "../../../loaders/features/chooseBackend.js";
import {createOnnxEngine, tryCreateOnnxEngine} from "../../../loaders/features/onnxEngine.js";
import {exportOnnx} from "../../../loaders/features/onnxExport.js";
import {defaultWeightsDir} from "../../../loaders/weights/fetchWeights.js";
import {loadBackbone} from "../../../loaders/weights/loadBackbone.js";
import {buildResNet, TinyResNetShape} from "../../../models/resNetTopology.js";
import type {ResNet50} from "../../../models/resnet50.js";
import {createRng} from "../../../src/components/stats/random.js";
import {Variants} from "../../../src/components/study/vocabulary.js";

const Width = 2048;

/** Relative L2 error ||a − b|| / ||b|| of every row (embedding). */
function rowErrors(a: Float32Array, b: Float32Array): number[] {
  assert.equal(a.length, b.length);
  const errors: number[] = [];
  for (let r = 0; r < b.length / Width; r++) {
    let diff = 0;
    let norm = 0;
    for (let j = r * Width; j < (r + 1) * Width; j++) {
      diff += (a[j]! - b[j]!) ** 2;
      norm += b[j]! ** 2;
    }
    assert.ok(norm > 0, `row ${r}: the reference embedding is all zeros`);
    errors.push(Math.sqrt(diff / norm));
  }
  return errors;
}

/** Relative L2 error of every patch of two lastConv outputs (count × h × w × c, row-major). */
function patchErrors(a: Float32Array, b: Float32Array, per: number): number[] {
  assert.equal(a.length, b.length);
  const errors: number[] = [];
  for (let p = 0; p < b.length / per; p++) {
    let diff = 0;
    let norm = 0;
    for (let j = p * per; j < (p + 1) * per; j++) {
      diff += (a[j]! - b[j]!) ** 2;
      norm += b[j]! ** 2;
    }
    assert.ok(norm > 0, `patch ${p}: the reference activations are all zeros`);
    errors.push(Math.sqrt(diff / norm));
  }
  return errors;
}

/** Smooth-ish random patches (a random walk per row) so resizing and rotations see structure, not only noise. */
function patches(count: number, sizePx: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const out = new Uint8Array(count * sizePx * sizePx * 3);
  for (let i = 0; i < out.length; i += 3) {
    const v = (i / 3) % sizePx === 0 ? rng.int(256) : out[i - 3]! + rng.int(41) - 20;
    const grey = Math.max(0, Math.min(255, v));
    out[i] = grey;
    out[i + 1] = Math.max(0, Math.min(255, grey + rng.int(21) - 10));
    out[i + 2] = grey;
  }
  return out;
}

/**
 * A fixed random linear head (2048 → 4) with softmax, in the trained head's role for the 1e-5 prediction check. Its
 * weights are scaled to the reference embeddings' RMS so the logits have unit spread, as a trained head's would
 * (the tiny random backbone's embeddings are ~100× larger than ImageNet ResNet50's).
 */
function headProbabilities(embeddings: Float32Array, reference: Float32Array): Float64Array {
  const rms = Math.sqrt(reference.reduce((a, v) => a + v * v, 0) / reference.length);
  const rng = createRng(99);
  const w = Float64Array.from({length: Width * 4}, () => rng.normal() / (Math.sqrt(Width) * rms));
  const b = Float64Array.from({length: 4}, () => rng.normal() * 0.1);
  const rows = embeddings.length / Width;
  const p = new Float64Array(rows * 4);
  for (let r = 0; r < rows; r++) {
    const logits = Array.from(b);
    for (let j = 0; j < Width; j++)
      for (let k = 0; k < 4; k++) logits[k]! += embeddings[r * Width + j]! * w[j * 4 + k]!;
    const m = Math.max(...logits);
    const e = logits.map((z) => Math.exp(z - m));
    const s = e.reduce((x, y) => x + y, 0);
    for (let k = 0; k < 4; k++) p[r * 4 + k] = e[k]! / s;
  }
  return p;
}

/**
 * The tiny random ResNet (2048-d avg_pool, as the tfjs reference runner expects), wrapped like loadResNet50 does.
 * At 32 px its res5c map is 1 × 1; 96 px gives 3 × 3, so the lastConv layout (NHWC) is actually exercised.
 */
function tinyNet(inputPx = 32): ResNet50 {
  const model = buildResNet({...TinyResNetShape, inputPx, seed: 11});
  const pool = model.getLayer("avg_pool");
  return {
    model,
    backbone: tf.model({inputs: model.inputs, outputs: pool.output as tf.SymbolicTensor}),
    lastConv: tf.model({
      inputs: model.inputs,
      outputs: [pool.input as tf.SymbolicTensor, pool.output as tf.SymbolicTensor],
    }),
    inputPx,
    layerCount: model.layers.length,
    batchNormEpsilon: 1e-3,
    weightsHash: "tiny",
    modelId: "tiny",
  };
}

function assertHeadAgrees(got: Float32Array, want: Float32Array, label: string): void {
  const pGot = headProbabilities(got, want);
  const pWant = headProbabilities(want, want);
  for (let i = 0; i < pGot.length; i++) {
    assert.ok(Math.abs(pGot[i]! - pWant[i]!) <= 1e-5, `${label}: head probability ${pGot[i]} vs ${pWant[i]}`);
  }
}

describe("createOnnxEngine({modelPath, threads}) on a tiny random ResNet-shaped model", () => {
  let dir = "";
  let modelPath = "";
  let net: ResNet50;
  before(async () => {
    await tf.setBackend("cpu");
    dir = await mkdtemp(join(tmpdir(), "onnx-engine-"));
    net = tinyNet();
    modelPath = join(dir, "tiny.onnx");
    await writeFile(modelPath, exportOnnx(net.model).onnx);
  });
  after(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  it("agrees with the tfjs reference runner to relative L2 ≤ 1e-4 for every variant, at and off the model's size", async () => {
    const reference = runnerFor(net, "cpu", "@tensorflow/tfjs-backend-cpu", 8);
    const engine = await createOnnxEngine({modelPath, threads: 1});
    assert.equal(engine.name, "onnx-cpu");
    for (const sizePx of [32, 40, 24]) {
      const pixels = patches(2, sizePx, sizePx);
      for (const variant of Variants) {
        const got = await engine.embed(pixels, 2, sizePx, variant);
        const want = reference.embed(pixels, 2, sizePx, variant);
        for (const e of rowErrors(got, want)) assert.ok(e <= 1e-4, `${sizePx} px ${variant}: relative L2 error ${e}`);
        assertHeadAgrees(got, want, variant);
      }
    }
    await engine.dispose();
  });

  it("lastConv equals the tfjs reference runner's (res5c after ReLU, NHWC) to relative L2 ≤ 1e-4 per patch", async () => {
    const net96 = tinyNet(96);
    const path96 = join(dir, "tiny96.onnx");
    const {onnx, info} = exportOnnx(net96.model);
    assert.equal(info.lastConvLayer, net96.model.getLayer("avg_pool").inboundNodes[0]?.inboundLayers[0]?.name);
    assert.equal(info.lastConvChannels, Width);
    await writeFile(path96, onnx);
    const reference = runnerFor(net96, "cpu", "@tensorflow/tfjs-backend-cpu", 8);
    const engine = await createOnnxEngine({modelPath: path96, threads: 1, batchSize: 2});
    assert.ok(engine.lastConv, "the exported graph has a last_conv output");
    for (const sizePx of [96, 64]) {
      const pixels = patches(3, sizePx, sizePx + 1);
      for (const variant of ["identity", "rot90", "flipH"] as const) {
        const got = await engine.lastConv(pixels, 3, sizePx, variant);
        const want = reference.lastConv(pixels, 3, sizePx, variant);
        assert.deepEqual([got.height, got.width, got.channels], [3, 3, Width]);
        assert.deepEqual([want.height, want.width, want.channels], [3, 3, Width]);
        const per = got.height * got.width * got.channels;
        for (const e of patchErrors(got.activations, want.activations, per))
          assert.ok(e <= 1e-4, `${sizePx} px ${variant}: relative L2 error ${e}`);
      }
    }
    const empty = await engine.lastConv(new Uint8Array(0), 0, 32, "identity");
    assert.equal(empty.activations.length, 0);
    await assert.rejects(engine.lastConv(new Uint8Array(10), 1, 32, "identity"), /expected 1 patches of 32×32×3/);
    await engine.dispose();
    net96.model.dispose();
  });

  it("a graph exported without last_conv gives an engine without lastConv (runModel then falls back)", async () => {
    const plain = join(dir, "plain.onnx");
    const {onnx, info} = exportOnnx(net.model, {lastConv: false});
    assert.equal(info.lastConvLayer, null);
    await writeFile(plain, onnx);
    const engine = await createOnnxEngine({modelPath: plain, threads: 1});
    assert.equal(engine.lastConv, undefined);
    await engine.dispose();
  });

  it("splits large calls into batches without changing the result, and handles count 0", async () => {
    const pixels = patches(5, 32, 5);
    const one = await createOnnxEngine({modelPath, threads: 1, batchSize: 2});
    const all = await createOnnxEngine({modelPath, threads: 2, batchSize: 8});
    const a = await one.embed(pixels, 5, 32, "rot90");
    const b = await all.embed(pixels, 5, 32, "rot90");
    for (const e of rowErrors(a, b)) assert.ok(e <= 1e-6, `batching changed an embedding by ${e}`);
    assert.equal((await one.embed(new Uint8Array(0), 0, 32, "identity")).length, 0);
    await Promise.all([one.dispose(), all.dispose()]);
  });

  it("rejects a wrong byte count and calls after dispose(), saying expected vs got", async () => {
    const engine = await createOnnxEngine({modelPath, threads: 1});
    await assert.rejects(
      engine.embed(new Uint8Array(10), 1, 32, "identity"),
      /expected 1 patches of 32×32×3 = 3072 bytes, got 10/,
    );
    await engine.dispose();
    await assert.rejects(engine.embed(new Uint8Array(3072), 1, 32, "identity"), /after dispose/);
  });

  it("tryCreateOnnxEngine returns null and a one-line reason instead of throwing", async () => {
    const missing = await tryCreateOnnxEngine({modelPath: join(dir, "absent.onnx")});
    assert.equal(missing.engine, null);
    assert.match(missing.reason ?? "", /^ONNX Runtime unavailable: .*absent\.onnx/);
    const garbage = join(dir, "garbage.onnx");
    await writeFile(garbage, "not a model");
    const bad = await tryCreateOnnxEngine({modelPath: garbage});
    assert.equal(bad.engine, null);
    assert.ok(bad.reason && !bad.reason.includes("\n"));
    const ok = await tryCreateOnnxEngine({modelPath});
    assert.ok(ok.engine);
    await ok.engine.dispose();
  });
});

const realReason = existsSync(join(defaultWeightsDir, "model.json"))
  ? ""
  : `no ImageNet weights in ${defaultWeightsDir} (run \`npx workbench weights\` to fetch them)`;

describe("createOnnxEngine on the real ImageNet ResNet50", () => {
  it("agrees with the tfjs (wasm) engine to relative L2 ≤ 1e-4 (embeddings and lastConv), and a linear head's probabilities to 1e-5", {
    skip: realReason || false,
  }, async () => {
    await chooseBackend("wasm", () => {});
    const real = await loadBackbone(defaultWeightsDir, {batchNormEpsilon: 1e-3});
    const dir = await mkdtemp(join(tmpdir(), "onnx-real-"));
    try {
      const modelPath = join(dir, "backbone.onnx");
      await writeFile(modelPath, exportOnnx(real.model, {batchNormEpsilon: 1e-3}).onnx);
      const reference = runnerFor(real, "wasm", "@tensorflow/tfjs-backend-wasm", 8);
      const engine = await createOnnxEngine({modelPath});
      const pixels = patches(2, 224, 224);
      for (const variant of ["identity", "rot90"] as const) {
        const got = await engine.embed(pixels, 2, 224, variant);
        const want = reference.embed(pixels, 2, 224, variant);
        for (const e of rowErrors(got, want)) assert.ok(e <= 1e-4, `${variant}: relative L2 error ${e}`);
        assertHeadAgrees(got, want, variant);
      }
      assert.ok(engine.lastConv, "the exported backbone has a last_conv output");
      const got = await engine.lastConv(pixels, 2, 224, "identity");
      const want = reference.lastConv(pixels, 2, 224, "identity");
      assert.deepEqual([got.height, got.width, got.channels], [7, 7, 2048]);
      assert.deepEqual([want.height, want.width, want.channels], [7, 7, 2048]);
      for (const e of patchErrors(got.activations, want.activations, 7 * 7 * 2048))
        assert.ok(e <= 1e-4, `lastConv: relative L2 error ${e}`);
      await engine.dispose();
      reference.dispose();
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
