import {createHash} from "node:crypto";
import * as tf from "@tensorflow/tfjs";

/**
 * The frozen ImageNet ResNet50 backbone, loaded from memory (Node has no file:// handler without tfjs-node).
 *
 * - `loadResNet50(files, {batchNormEpsilon})` loads a Keras-ResNet50-shaped layers model, with every BatchNormalization
 *   epsilon set to `batchNormEpsilon` (the conversion's is 1e-3, Caffe/MATLAB's 1e-5; weights.md), and returns:
 *   `backbone`: input [N, S, S, 3] caffe-preprocessed (see preprocessing.ts) → avg_pool [N, 2048];
 *   `lastConv`: same input → [res5c output [N, h, w, 2048] (7×7 at 224 px), avg_pool [N, 2048]] for class activation
 *   maps. Run both with predict() only: in training mode tfjs BatchNorm uses batch statistics and overwrites the
 *   moving statistics even for trainable = false layers (the frozen-BN trap).
 * - `modelId` identifies the weights AND the epsilon (the embeddings depend on both): cache keys and run ids use it.
 */
export interface ModelFilesInMemory {
  dir: string;
  topology: Record<string, unknown>;
  weightSpecs: Array<{name: string; shape: number[]; dtype: string}>;
  weightData: ArrayBuffer;
  weightsHash: string;
}

export interface ResNet50 {
  model: tf.LayersModel;
  backbone: tf.LayersModel;
  lastConv: tf.LayersModel;
  inputPx: number;
  layerCount: number;
  batchNormEpsilon: number;
  weightsHash: string;
  modelId: string;
}

export const EmbeddingLayer = "avg_pool";

export function modelIdOf(weightsHash: string, batchNormEpsilon: number): string {
  return createHash("sha256").update(`${weightsHash}\0bnEpsilon=${batchNormEpsilon}`).digest("hex");
}

export interface KerasLayerJson {
  class_name: string;
  name?: string;
  config: Record<string, unknown>;
}

type TopologyJson = {model_config?: {config?: {layers?: KerasLayerJson[]}}; config?: {layers?: KerasLayerJson[]}};

/** The layer list of a Keras topology: converter output wraps it in model_config, tfjs's own save does not. */
export function topologyLayers(topology: unknown): KerasLayerJson[] | undefined {
  const t = topology as TopologyJson;
  return t.model_config?.config?.layers ?? t.config?.layers;
}

/** Deep copy of the topology with every BatchNormalization epsilon replaced. */
export function withBatchNormEpsilon<T>(topology: T, epsilon: number): T {
  const copy = structuredClone(topology) as TopologyJson;
  const layers = topologyLayers(copy);
  if (!Array.isArray(layers)) throw new Error("model topology: expected model_config.config.layers to be an array");
  for (const layer of layers) if (layer.class_name === "BatchNormalization") layer.config.epsilon = epsilon;
  return copy as T;
}

export async function loadResNet50(files: ModelFilesInMemory, options: {batchNormEpsilon: number}): Promise<ResNet50> {
  const modelTopology = withBatchNormEpsilon(files.topology, options.batchNormEpsilon);
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology,
        weightSpecs: files.weightSpecs as tf.io.WeightsManifestEntry[],
        weightData: files.weightData,
      }),
    );
  } catch (error) {
    throw new Error(`${files.dir}: the tfjs layers model does not load (${(error as Error).message})`);
  }
  let pool: tf.layers.Layer;
  try {
    pool = model.getLayer(EmbeddingLayer);
  } catch {
    model.dispose();
    throw new Error(`${files.dir}: expected a ResNet50-shaped model with an "${EmbeddingLayer}" layer, got none`);
  }
  const poolIn = pool.input as tf.SymbolicTensor;
  const poolOut = pool.output as tf.SymbolicTensor;
  if (poolIn.shape.length !== 4 || poolOut.shape[1] !== 2048) {
    model.dispose();
    throw new Error(
      `${files.dir}: expected avg_pool to map [N, h, w, 2048] → [N, 2048], got ${JSON.stringify(poolIn.shape)} → ${JSON.stringify(poolOut.shape)}`,
    );
  }
  const inputShape = model.inputs[0]!.shape;
  const inputPx = inputShape[1];
  if (typeof inputPx !== "number" || inputShape[2] !== inputPx || inputShape[3] !== 3) {
    model.dispose();
    throw new Error(
      `${files.dir}: expected a fixed square RGB input [null, S, S, 3], got ${JSON.stringify(inputShape)}`,
    );
  }
  return {
    model,
    backbone: tf.model({inputs: model.inputs, outputs: poolOut}),
    lastConv: tf.model({inputs: model.inputs, outputs: [poolIn, poolOut]}),
    inputPx,
    layerCount: model.layers.length,
    batchNormEpsilon: options.batchNormEpsilon,
    weightsHash: files.weightsHash,
    modelId: modelIdOf(files.weightsHash, options.batchNormEpsilon),
  };
}
