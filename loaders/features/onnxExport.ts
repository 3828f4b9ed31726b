import type * as tf from "@tensorflow/tfjs";
import {GraphBuilder} from "./onnx/graphBuilder.js";
import {OnnxExporterVersion, OnnxLastConvName, OnnxOutputName} from "./onnx/graphNames.js";
import {materialize, type Value} from "./onnx/graphValue.js";
import {emitInput, InputPreprocessing} from "./onnx/inputLayer.js";
import {type KerasLayer, kerasLayersFromModel} from "./onnx/kerasLayers.js";
import {kerasLayersFromArtifacts, type LayersArtifacts} from "./onnx/kerasLayersFromArtifacts.js";
import {ancestors, num} from "./onnx/layerConfig.js";
import {type EmitContext, emitLayer, quantized} from "./onnx/layerEmitters.js";
import type {QdqPlan} from "./onnx/qdq.js";

export interface OnnxExportOptions {
  /** The layer whose output is the embedding (default "avg_pool", the 2048-d pooled features). */
  outputLayer?: string;
  /**
   * Also output the embedding layer's input as `last_conv` (default true when that input is a 4-d feature map, e.g.
   * avg_pool's; ignored otherwise).
   */
  lastConv?: boolean;
  /** Overrides every BatchNormalization epsilon (e.g. 1e-5 for Caffe/MATLAB parity); default: each layer's config. */
  batchNormEpsilon?: number;
  opset?: number;
  /**
   * Static int8 quantization (onnx/qdq.ts): "collect" also outputs every tensor that would be quantized, as float32
   * graph outputs under their own names (for calibration); "apply" writes the QDQ graph. Absent: the FP32 graph.
   */
  qdq?: QdqPlan;
}

export interface OnnxExportInfo {
  exporterVersion: number;
  outputLayer: string;
  outputSize: number;
  /** The layer whose output is `last_conv` (the input of outputLayer), or null when the graph has no such output. */
  lastConvLayer: string | null;
  /** Channels of `last_conv` (2048 for ResNet50; its side, 7 at 224 px, is known when the graph runs), or null. */
  lastConvChannels: number | null;
  /** The model's fixed input side: patches of another size are resized to it inside the graph (null = any size). */
  inputPx: number | null;
  /** Distinct BatchNorm epsilons used, and whether they came from the layer configs or the override. */
  batchNormEpsilons: number[];
  epsilonSource: "layer-config" | "override";
  foldedBatchNorms: number;
  exportedLayers: number;
  nodes: number;
  preprocessing: string;
  /** "qdq-int8" for a statically quantized graph (activations uint8 per tensor, weights int8 per channel), else absent. */
  quantization?: string;
}

/**
 * Writes the ONNX graph of a frozen Keras/tfjs functional CNN from its input to `outputLayer`, given the loaded tfjs
 * LayersModel or its files (model.json topology + weight specs + weight bytes, e.g. from readModelFiles).
 * Graph input `pixels`: uint8 [batch, height, width, 3] RGB (value/255 = windowed intensity); the graph casts,
 * reorders to BGR, subtracts the caffe means, transposes to NCHW and resizes bilinearly to the model's input side
 * when the patch size differs (onnx/inputLayer.ts); every other layer is emitted by onnx/layerEmitters.ts.
 * Graph output `embedding`: float32 [batch, outputSize]; `last_conv`: float32 [batch, h, w, channels], the input of
 * outputLayer when it is a 4-d feature map (see OnnxLastConvName). BatchNorm is folded into the preceding Conv2D where that
 * conv feeds only the BatchNorm; ZeroPadding2D is folded into the following conv (or max-pool after a ReLU).
 */
export function exportOnnx(
  model: tf.LayersModel | LayersArtifacts | KerasLayer[],
  opts: OnnxExportOptions = {},
): {onnx: Uint8Array; info: OnnxExportInfo} {
  const layers = Array.isArray(model)
    ? model
    : "topology" in model
      ? kerasLayersFromArtifacts(model)
      : kerasLayersFromModel(model);
  const outputLayer = opts.outputLayer ?? "avg_pool";
  const byName = new Map(layers.map((l) => [l.name, l]));
  if (!byName.has(outputLayer)) {
    throw new Error(
      `ONNX export: expected a layer named ${outputLayer}, got layers ${layers.map((l) => l.name).join(", ")}`,
    );
  }
  const needed = ancestors(outputLayer, byName);
  const consumers = new Map<string, string[]>();
  for (const l of layers) {
    if (!needed.has(l.name)) continue;
    for (const i of l.inputs) consumers.set(i, [...(consumers.get(i) ?? []), l.name]);
  }

  const g = new GraphBuilder();
  const epsilons = new Set<number>();
  const ctx: EmitContext = {
    g,
    byName,
    consumers,
    outputLayer,
    state: new Map(),
    folded: new Set(),
    ...(opts.qdq ? {qdq: opts.qdq} : {}),
    epsilonOf: (l) => {
      const e = opts.batchNormEpsilon ?? num(l, "epsilon");
      epsilons.add(e);
      return e;
    },
  };
  const {state, folded} = ctx;
  let inputPx: number | null = null;
  const inputValue = (name: string, owner: KerasLayer): Value => {
    const v = state.get(name);
    if (!v) throw new Error(`ONNX export: layer ${owner.name} needs ${name}, which was not exported before it`);
    return v;
  };

  for (const layer of layers) {
    if (!needed.has(layer.name) || folded.has(layer.name)) continue;
    const ins = layer.inputs.map((n) => inputValue(n, layer));
    if (layer.className === "InputLayer") {
      const input = emitInput(g, layer);
      inputPx = input.inputPx;
      state.set(layer.name, input.value);
    } else emitLayer(ctx, layer, ins);
  }

  const result = materialize(g, state.get(outputLayer)!);
  if (result.rank !== 2)
    throw new Error(`ONNX export: expected a flat output at ${outputLayer}, got rank ${result.rank}`);
  g.node("Identity", [result.tensor], {}, OnnxOutputName);
  g.output(OnnxOutputName, "float", ["batch", Number.isNaN(result.channels) ? "features" : result.channels]);
  // The layer feeding the embedding layer, found generically (avg_pool's single input: activation_48/49 = res5c).
  const pooledFrom = byName.get(outputLayer)!.inputs;
  const lastConvLayer = pooledFrom.length === 1 ? pooledFrom[0]! : null;
  const lastConvValue = lastConvLayer === null ? undefined : state.get(lastConvLayer);
  const withLastConv = (opts.lastConv ?? true) && lastConvValue?.rank === 4;
  if (withLastConv) {
    // NHWC here (the engine's documented layout); ORT fuses this Transpose into the reorder out of its blocked NCHWc
    // layout (a ReorderOutput with channels_last, no separate transpose).
    // Quantized: the same Q → DQ the pooling reads, so the ReLU before it keeps one reader and fuses into its conv.
    const map = quantized(ctx, materialize(g, lastConvValue));
    g.node("Transpose", [map.tensor], {perm: [0, 2, 3, 1]}, OnnxLastConvName);
    g.output(OnnxLastConvName, "float", ["batch", "height", "width", lastConvValue.channels]);
  }
  if (opts.qdq?.mode === "collect") {
    opts.qdq.tensors.forEach((t, i) => {
      g.output(t, "float", ["batch", `c${i}`, `h${i}`, `w${i}`]);
    });
  }
  const info: OnnxExportInfo = {
    exporterVersion: OnnxExporterVersion,
    outputLayer,
    outputSize: result.channels,
    lastConvLayer: withLastConv ? lastConvLayer : null,
    lastConvChannels: withLastConv && lastConvValue ? lastConvValue.channels : null,
    inputPx,
    batchNormEpsilons: [...epsilons].sort((a, b) => a - b),
    epsilonSource: opts.batchNormEpsilon === undefined ? "layer-config" : "override",
    foldedBatchNorms: folded.size,
    exportedLayers: needed.size,
    nodes: g.nodeCount,
    preprocessing: InputPreprocessing,
    ...(opts.qdq?.mode === "apply" ? {quantization: "qdq-int8"} : {}),
  };
  const onnx = g.encode({
    graphName: `backbone_to_${outputLayer}`,
    opset: opts.opset ?? 13,
    producer: "tace-workbench onnxExport",
    metadata: Object.fromEntries(Object.entries(info).map(([k, v]) => [k, JSON.stringify(v)])),
  });
  return {onnx, info};
}
