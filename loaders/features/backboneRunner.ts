import * as tf from "@tensorflow/tfjs";
import {toCaffeInput} from "../../models/preprocessing.js";
import type {ResNet50} from "../../models/resnet50.js";
import type {Variant} from "../../src/components/study/vocabulary.js";
import {loadBackbone} from "../weights/loadBackbone.js";
import type {BackboneSpec} from "./backboneSpec.js";
import {chooseBackend} from "./chooseBackend.js";
import {applyVariantBatch} from "./variants.js";

/**
 * Runs the frozen backbone in the current thread (the main thread, or one worker of the tfjs engine): variant →
 * caffe preprocessing → (bilinear resize when the patch size differs from the model's input) → predict() in
 * micro-batches. predict() is inference mode, so BatchNorm uses the ImageNet moving statistics. Every tensor is
 * released before returning (tf.memory().numTensors is unchanged after a call).
 */
export interface BackboneRunnerOptions {
  /** Patches per predict() call; bounds memory (~30 MB of activations per 224-px patch on wasm). */
  microBatch: number;
  log: (msg: string) => void;
}

export interface LastConvOutput {
  /** count × height × width × channels, row-major (the res5c output, after its ReLU). */
  activations: Float32Array;
  height: number;
  width: number;
  channels: number;
}

export interface BackboneRunner {
  backend: string;
  provider: string;
  modelId: string;
  weightsHash: string;
  layerCount: number;
  embed(pixels: Uint8Array, count: number, sizePx: number, variant: Variant): Float32Array;
  lastConv(pixels: Uint8Array, count: number, sizePx: number, variant: Variant): LastConvOutput;
  dispose(): void;
}

/** The runner of `backbone` in this thread (its `threads` do not apply: a runner is one thread). */
export async function createBackboneRunner(
  backbone: BackboneSpec,
  options: BackboneRunnerOptions,
): Promise<BackboneRunner> {
  const choice = await chooseBackend(backbone.backend, options.log);
  const net = await loadBackbone(backbone.weightsDir, {batchNormEpsilon: backbone.batchNormEpsilon});
  return runnerFor(net, choice.backend, choice.provider, options.microBatch);
}

/** Wraps an already-loaded network (tests build tiny ones in memory). */
export function runnerFor(net: ResNet50, backend: string, provider: string, microBatch: number): BackboneRunner {
  const input = (pixels: Uint8Array, sizePx: number, variant: Variant, start: number, n: number) => {
    const bytes = sizePx * sizePx * 3;
    const varied = applyVariantBatch(pixels.subarray(start * bytes, (start + n) * bytes), n, sizePx, 3, variant);
    const x = tf.tensor4d(toCaffeInput(varied, n, sizePx), [n, sizePx, sizePx, 3]);
    if (sizePx === net.inputPx) return x;
    const resized = tf.image.resizeBilinear(x, [net.inputPx, net.inputPx]);
    x.dispose();
    return resized;
  };
  const check = (pixels: Uint8Array, count: number, sizePx: number) => {
    if (!Number.isInteger(count) || count < 0 || pixels.length !== count * sizePx * sizePx * 3) {
      throw new Error(`backbone: expected ${count} patches of ${sizePx}×${sizePx}×3 bytes, got ${pixels.length} bytes`);
    }
  };
  return {
    backend,
    provider,
    modelId: net.modelId,
    weightsHash: net.weightsHash,
    layerCount: net.layerCount,
    embed(pixels, count, sizePx, variant) {
      check(pixels, count, sizePx);
      const out = new Float32Array(count * 2048);
      for (let start = 0; start < count; start += microBatch) {
        const n = Math.min(microBatch, count - start);
        const values = tf.tidy(() => net.backbone.predict(input(pixels, sizePx, variant, start, n)) as tf.Tensor);
        out.set(values.dataSync(), start * 2048);
        values.dispose();
      }
      return out;
    },
    lastConv(pixels, count, sizePx, variant) {
      check(pixels, count, sizePx);
      const shape = (net.lastConv.outputs[0]!.shape as number[]).slice(1) as [number, number, number];
      const [height, width, channels] = shape;
      const per = height * width * channels;
      const activations = new Float32Array(count * per);
      for (let start = 0; start < count; start += microBatch) {
        const n = Math.min(microBatch, count - start);
        const [conv, pooled] = tf.tidy(
          () => net.lastConv.predict(input(pixels, sizePx, variant, start, n)) as tf.Tensor[],
        ) as [tf.Tensor, tf.Tensor];
        activations.set(conv.dataSync(), start * per);
        tf.dispose([conv, pooled]);
      }
      return {activations, height, width, channels};
    },
    dispose() {
      // The sub-models share the full model's layers; disposing each releases the shared weights once all are gone.
      for (const m of [net.model, net.backbone, net.lastConv]) {
        try {
          m.dispose();
        } catch {
          // already released through a sibling model
        }
      }
    },
  };
}
