import {existsSync} from "node:fs";
import {createRequire} from "node:module";
import {availableParallelism} from "node:os";
import {dirname, join} from "node:path";
import type * as Ort from "onnxruntime-node";
import type {Variant} from "../../src/components/study/vocabulary.js";
import type {EmbeddingEngine} from "./engine.js";
import type {EmbeddingAgreement} from "./onnx/embeddingAgreement.js";
import {OnnxInputName, OnnxLastConvName, OnnxOutputName} from "./onnx/graphNames.js";
import {applyVariantBatch} from "./variants.js";

/**
 * The fast embedding engine: the backbone graph written by onnxExport.ts, run by ONNX Runtime (onnxruntime-node).
 *
 * CPU: the CPU execution provider ships inside the npm package; `threads` = intra-op threads (default: all cores),
 * graph optimisation "all" (ORT fuses Conv+Relu/Add and converts to its blocked NCHWc layout).
 * CUDA: onnxruntime-node's GPU provider is NOT in the npm tarball; its postinstall script downloads it, which this
 * project skips (`.npmrc` onnxruntime-node-install=skip) so that `npm ci` works offline. Users with an NVIDIA GPU,
 * CUDA 12 and cuDNN 9 fetch it once with
 *     ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js
 * which adds libonnxruntime_providers_cuda.so next to the binding; `device: "auto"` then tries CUDA first and falls
 * back to the CPU provider when the CUDA session cannot be created.
 */
export interface OnnxEngineOptions {
  /** The exported backbone (see ensureBackboneOnnx in onnx/backboneCache.ts). */
  modelPath: string;
  /** Intra-op threads; default all cores (os.availableParallelism()). */
  threads?: number;
  /** Patches per ORT run; bounds memory (activations of ResNet50 ≈ 100 MB per patch at 224 px). Default 8. */
  batchSize?: number;
  device?: "auto" | "cpu" | "cuda";
  /**
   * Let idle intra-op threads spin (ORT's default, fastest on a quiet machine). Turn off when other CPU-heavy work
   * shares the cores: spinning threads then steal each other's time (measured here under load: 2.1 → 2.8 images/s).
   */
  spinWait?: boolean;
  /**
   * Identity of the weights the graph was exported from, when the caller knows it (onnxEngineFor does): `modelId`
   * must be modelIdOf(weightsHash, epsilon) of models/resnet50.ts, the id the tfjs engine reports for the same weights
   * and epsilon, so runModel need not hash the weights folder again.
   */
  modelId?: string;
  weightsHash?: string;
  /**
   * The graph is the statically quantized (QDQ int8) backbone: the engine is named "onnx-int8-cpu" (so its embeddings
   * are cached apart from FP32's) and runs on the CPU provider only, whose int8 kernels the QDQ graph is made for.
   */
  int8?: boolean;
}

/**
 * The ONNX engine: `lastConv` is present when the graph has the `last_conv` output (exporter version ≥ 2);
 * `weightsHash` (duck-typed by runModel, like the tfjs engine's) and `modelId` when the caller passed them.
 */
export interface OnnxEngine extends EmbeddingEngine {
  readonly weightsHash?: string;
  /** The int8 graph's agreement with FP32 (onnx/int8Backbone.ts); absent on an FP32 engine. */
  readonly int8Agreement?: EmbeddingAgreement | null;
}

/** Loads onnxruntime-node lazily so a broken native install surfaces as a reason, not as an import crash. */
async function loadOrt(): Promise<typeof Ort> {
  return (await import("onnxruntime-node")) as typeof Ort;
}

/** True when the CUDA provider library has been installed next to onnxruntime-node's binding. */
export function cudaProviderInstalled(): boolean {
  try {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve("onnxruntime-node/package.json"));
    const dir = join(root, "bin", "napi-v6", process.platform, process.arch);
    return existsSync(join(dir, "libonnxruntime_providers_cuda.so"));
  } catch {
    return false;
  }
}

export async function createOnnxEngine(options: OnnxEngineOptions): Promise<OnnxEngine> {
  const threads = options.threads ?? availableParallelism();
  const batchSize = options.batchSize ?? 8;
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`onnx engine: expected threads ≥ 1, got ${threads}`);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`onnx engine: expected batchSize ≥ 1, got ${batchSize}`);
  if (!existsSync(options.modelPath))
    throw new Error(`onnx engine: expected the backbone at ${options.modelPath}, got no file`);
  const ort = await loadOrt();
  const device = options.device ?? "auto";
  const base: Ort.InferenceSession.SessionOptions = {
    graphOptimizationLevel: "all",
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: "sequential",
    extra: {session: {intra_op: {allow_spinning: options.spinWait === false ? "0" : "1"}}},
  };
  let session: Ort.InferenceSession | undefined;
  let name = options.int8 ? "onnx-int8-cpu" : "onnx-cpu";
  if (options.int8 && device === "cuda") throw new Error("onnx engine: the int8 graph runs on the CPU provider only");
  if (!options.int8 && (device === "cuda" || (device === "auto" && cudaProviderInstalled()))) {
    try {
      session = await ort.InferenceSession.create(options.modelPath, {...base, executionProviders: ["cuda", "cpu"]});
      name = "onnx-cuda";
    } catch (error) {
      if (device === "cuda")
        throw new Error(`onnx engine: the CUDA execution provider does not load (${(error as Error).message})`);
    }
  }
  session ??= await ort.InferenceSession.create(options.modelPath, {...base, executionProviders: ["cpu"]});
  if (!session.inputNames.includes(OnnxInputName) || !session.outputNames.includes(OnnxOutputName)) {
    await session.release();
    throw new Error(
      `onnx engine: ${options.modelPath}: expected input "${OnnxInputName}" and output "${OnnxOutputName}", got ` +
        `[${session.inputNames}] → [${session.outputNames}]`,
    );
  }
  const live = session;
  const expectedWidth = outputWidth(session);
  let disposed = false;

  const check = (op: string, pixels: Uint8Array, count: number, sizePx: number): void => {
    if (disposed) throw new Error(`${name} engine: ${op}() called after dispose()`);
    const per = sizePx * sizePx * 3;
    if (!Number.isInteger(count) || count < 0 || pixels.length !== count * per) {
      throw new Error(
        `${name} engine: expected ${count} patches of ${sizePx}×${sizePx}×3 = ${count * per} bytes, got ${pixels.length}`,
      );
    }
  };
  /** Runs one batch, fetching only the output wanted (the other one is not copied out of ORT). */
  const runBatch = async (
    output: string,
    pixels: Uint8Array,
    start: number,
    n: number,
    sizePx: number,
    variant: Variant,
  ) => {
    const per = sizePx * sizePx * 3;
    // The variant is applied per batch so memory stays bounded by the batch, not by the whole call.
    const varied = applyVariantBatch(pixels.subarray(start * per, (start + n) * per), n, sizePx, 3, variant);
    const input = new ort.Tensor("uint8", varied, [n, sizePx, sizePx, 3]);
    const result = await live.run({[OnnxInputName]: input}, [output]);
    return result[output];
  };

  const embed = async (pixels: Uint8Array, count: number, sizePx: number, variant: Variant): Promise<Float32Array> => {
    check("embed", pixels, count, sizePx);
    // The width is the graph's (2048 for ResNet50's avg_pool; graphs cut at another layer differ).
    let width = expectedWidth;
    let out = new Float32Array(count * (width ?? 0));
    for (let start = 0; start < count; start += batchSize) {
      const n = Math.min(batchSize, count - start);
      const y = await runBatch(OnnxOutputName, pixels, start, n, sizePx, variant);
      const d = y?.dims[1];
      if (y?.type !== "float32" || y.dims.length !== 2 || y.dims[0] !== n || d === undefined || (width ?? d) !== d) {
        throw new Error(
          `${name} engine: expected a float32 [${n}, ${width ?? "d"}] output, got ${y?.type} [${y?.dims}]`,
        );
      }
      if (width === undefined) {
        width = d;
        out = new Float32Array(count * d);
      }
      out.set(y.data as Float32Array, start * d);
      y.dispose();
    }
    return out;
  };

  /**
   * res5c after its ReLU, [count, h, w, channels] row-major (NHWC, as the graph's `last_conv` output is); count 0
   * gives an empty array and 0 × 0 × 0 (the side is only known once the graph runs).
   */
  const lastConv = async (pixels: Uint8Array, count: number, sizePx: number, variant: Variant) => {
    check("lastConv", pixels, count, sizePx);
    let shape: [number, number, number] | undefined;
    let activations = new Float32Array(0);
    for (let start = 0; start < count; start += batchSize) {
      const n = Math.min(batchSize, count - start);
      const y = await runBatch(OnnxLastConvName, pixels, start, n, sizePx, variant);
      const [b, h, w, c] = y?.dims ?? [];
      const same = shape === undefined || (shape[0] === h && shape[1] === w && shape[2] === c);
      if (y?.type !== "float32" || y.dims.length !== 4 || b !== n || !h || !w || !c || !same) {
        throw new Error(
          `${name} engine: expected a float32 [${n}, h, w, c] ${OnnxLastConvName} output${shape ? ` with h, w, c = ${shape}` : ""}, got ${y?.type} [${y?.dims}]`,
        );
      }
      if (shape === undefined) {
        shape = [h, w, c];
        activations = new Float32Array(count * h * w * c);
      }
      activations.set(y.data as Float32Array, start * h * w * c);
      y.dispose();
    }
    const [height, width, channels] = shape ?? [0, 0, 0];
    return {activations, height, width, channels};
  };

  return {
    name,
    embed,
    ...(session.outputNames.includes(OnnxLastConvName) ? {lastConv} : {}),
    ...(options.modelId === undefined ? {} : {modelId: options.modelId}),
    ...(options.weightsHash === undefined ? {} : {weightsHash: options.weightsHash}),
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await live.release();
    },
  };
}

/**
 * Like createOnnxEngine, but never throws: returns the engine, or null and a one-line reason (missing native
 * library, unreadable graph, …) so the caller can fall back to the tfjs engine with a notice.
 */
export async function tryCreateOnnxEngine(
  options: OnnxEngineOptions,
): Promise<{engine: OnnxEngine; reason: null} | {engine: null; reason: string}> {
  try {
    return {engine: await createOnnxEngine(options), reason: null};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {engine: null, reason: `ONNX Runtime unavailable: ${message.split("\n")[0]}`};
  }
}

/** The fixed output width declared by the graph (2048 for the ResNet50 backbone), if it declares one. */
function outputWidth(session: Ort.InferenceSession): number | undefined {
  const meta = session.outputMetadata.find((m) => m.name === OnnxOutputName);
  const dim = meta?.isTensor ? meta.shape[1] : undefined;
  return typeof dim === "number" && dim > 0 ? dim : undefined;
}
