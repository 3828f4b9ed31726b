import type * as tf from "@tensorflow/tfjs";
import {CaffeMeans} from "../../models/preprocessing.js";
import {batchNormAffine, convToOnnx} from "./onnx/foldBatchNorm.js";
import {GraphBuilder} from "./onnx/graphBuilder.js";
import {type KerasLayer, kerasLayersFromModel} from "./onnx/kerasLayers.js";
import {kerasLayersFromArtifacts, type LayersArtifacts} from "./onnx/kerasLayersFromArtifacts.js";
import {ancestors, bnParams, checkChannelsLast, num, str, weight} from "./onnx/layerConfig.js";

const CaffeMeansBgr = [CaffeMeans.b, CaffeMeans.g, CaffeMeans.r];

/** Bumped whenever the exported graph changes for the same weights, so cached exports are rebuilt. */
export const OnnxExporterVersion = 2;
export const OnnxInputName = "pixels";
export const OnnxOutputName = "embedding";
/**
 * Second graph output: the activation feeding the embedding layer (for ResNet50 the res5c output after its ReLU,
 * the input of avg_pool), float32 [batch, h, w, channels] channels-last, for class activation maps. ORT runs every
 * node whichever outputs a run fetches (checked with its profiler), so this output costs embedding runs one extra
 * channels-last reorder of the 7×7×2048 map: 0.02–0.09 ms per image against ~200 ms for the network.
 */
export const OnnxLastConvName = "last_conv";

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
}

/**
 * Writes the ONNX graph of a frozen Keras/tfjs functional CNN from its input to `outputLayer`, given the loaded tfjs
 * LayersModel or its files (model.json topology + weight specs + weight bytes, e.g. from readModelFiles).
 * Graph input `pixels`: uint8 [batch, height, width, 3] RGB (value/255 = windowed intensity); the graph casts,
 * reorders to BGR, subtracts the caffe means, transposes to NCHW (ORT's CPU kernels are fastest in NCHW) and resizes
 * bilinearly to the model's input side when the patch size differs.
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
  const state = new Map<string, Value>();
  const folded = new Set<string>();
  const epsilons = new Set<number>();
  let inputPx: number | null = null;
  const epsilonOf = (l: KerasLayer): number => {
    const e = opts.batchNormEpsilon ?? num(l, "epsilon");
    epsilons.add(e);
    return e;
  };
  const inputValue = (name: string, owner: KerasLayer): Value => {
    const v = state.get(name);
    if (!v) throw new Error(`ONNX export: layer ${owner.name} needs ${name}, which was not exported before it`);
    return v;
  };
  /** Emits any pending zero padding as an explicit Pad node. */
  const materialize = (v: Value): Value => {
    if (!v.pad || v.pad.every((p) => p === 0)) return {...v, pad: undefined};
    const [t, l, b, r] = v.pad;
    const pads = g.int64Constant("pads", [8], [0, 0, t, l, 0, 0, b, r]);
    return {...v, tensor: g.node("Pad", [v.tensor, pads], {mode: "constant"}), pad: undefined};
  };

  for (const layer of layers) {
    if (!needed.has(layer.name) || folded.has(layer.name)) continue;
    const ins = layer.inputs.map((n) => inputValue(n, layer));
    const only = (): Value => {
      if (ins.length !== 1) throw new Error(`layer ${layer.name}: expected 1 input, got ${ins.length}`);
      return ins[0]!;
    };
    const out = (v: Value) => state.set(layer.name, v);
    switch (layer.className) {
      case "InputLayer": {
        const shape = layer.config.batchInputShape as (number | null)[] | undefined;
        const channels = shape?.[3];
        if (shape?.length !== 4 || channels !== 3) {
          throw new Error(`input layer ${layer.name}: expected shape [batch, h, w, 3], got [${shape}]`);
        }
        const pixels = g.input(OnnxInputName, "uint8", ["batch", "height", "width", 3]);
        const asFloat = g.node("Cast", [pixels], {to: 1});
        const bgr = g.node("Gather", [asFloat, g.int64Constant("rgb_to_bgr", [3], [2, 1, 0])], {axis: 3});
        const centred = g.node("Sub", [bgr, g.floatConstant("caffe_means_bgr", [3], CaffeMeansBgr)]);
        const nchw = g.node("Transpose", [centred], {perm: [0, 3, 1, 2]});
        const side = shape[1];
        if (typeof side === "number" && shape[2] === side) {
          // Patches of another size are resized to the model's input like the tfjs engine does (tf.image.resizeBilinear,
          // alignCorners = halfPixelCenters = false, i.e. ONNX "asymmetric" linear); at the model's size this is a copy.
          inputPx = side;
          const batch = g.node("Slice", [
            g.node("Shape", [nchw]),
            g.int64Constant("zero", [1], [0]),
            g.int64Constant("one", [1], [1]),
          ]);
          const sizes = g.node("Concat", [batch, g.int64Constant("chw", [3], [3, side, side])], {axis: 0});
          const resized = g.node(
            "Resize",
            [nchw, "", "", sizes],
            {mode: "linear", coordinate_transformation_mode: "asymmetric"},
            layer.name,
          );
          out({tensor: resized, rank: 4, channels: 3});
        } else out({tensor: g.node("Identity", [nchw], {}, layer.name), rank: 4, channels: 3});
        break;
      }
      case "ZeroPadding2D": {
        const v = only();
        const [[t, b], [l, r]] = layer.config.padding as [[number, number], [number, number]];
        const prev = v.pad ?? [0, 0, 0, 0];
        out({...v, pad: [prev[0] + t, prev[1] + l, prev[2] + b, prev[3] + r]});
        break;
      }
      case "Conv2D": {
        checkChannelsLast(layer);
        const dilation = (layer.config.dilationRate as number[] | undefined) ?? [1, 1];
        if (dilation.some((d) => d !== 1))
          throw new Error(`conv ${layer.name}: expected dilation 1, got [${dilation}]`);
        const kernel = weight(layer, "kernel");
        const next = consumers.get(layer.name) ?? [];
        const bn = next.length === 1 ? byName.get(next[0]!) : undefined;
        const activation = str(layer, "activation");
        const fold = bn?.className === "BatchNormalization" && activation === "linear" && layer.name !== outputLayer;
        const affine = fold && bn ? batchNormAffine(bnParams(bn, epsilonOf(bn))) : undefined;
        const {weight: w, bias} = convToOnnx(kernel.values, kernel.shape, layer.weights.get("bias")?.values, affine);
        const [kh, kw, cin, cout] = kernel.shape as [number, number, number, number];
        let v = only();
        const padding = str(layer, "padding");
        const attrs: Record<string, number[] | string> = {
          kernel_shape: [kh, kw],
          strides: layer.config.strides as number[],
        };
        if (padding === "same") {
          v = materialize(v);
          attrs.auto_pad = "SAME_UPPER"; // TensorFlow's "same" puts the odd extra pixel at the bottom/right.
        } else if (padding === "valid") {
          const [t, l, b, r] = v.pad ?? [0, 0, 0, 0];
          attrs.pads = [t, l, b, r];
          v = {...v, pad: undefined};
        } else throw new Error(`conv ${layer.name}: expected padding same|valid, got ${padding}`);
        const name = fold && bn ? bn.name : layer.name;
        const wName = g.floatConstant(`${layer.name}/W`, [cout, cin, kh, kw], w);
        const bName = g.floatConstant(`${layer.name}/B`, [cout], bias);
        let y = g.node("Conv", [v.tensor, wName, bName], attrs, activation === "linear" ? name : undefined);
        if (activation === "relu") y = g.node("Relu", [y], {}, name);
        else if (activation !== "linear")
          throw new Error(`conv ${layer.name}: expected activation linear|relu, got ${activation}`);
        const result: Value = {tensor: y, rank: 4, channels: cout, nonNegative: activation === "relu"};
        if (fold && bn) {
          folded.add(bn.name);
          state.set(bn.name, result);
        }
        out(result);
        break;
      }
      case "BatchNormalization": {
        const v = materialize(only());
        const axis = layer.config.axis as number | number[];
        const ax = Array.isArray(axis) ? axis : [axis];
        if (ax.length !== 1 || !(ax[0] === -1 || ax[0] === v.rank - 1)) {
          throw new Error(`batch norm ${layer.name}: expected the channel axis (last), got [${ax}]`);
        }
        const {scale, shift} = batchNormAffine(bnParams(layer, epsilonOf(layer)));
        const dims = v.rank === 4 ? [scale.length, 1, 1] : [scale.length];
        const scaled = g.node("Mul", [v.tensor, g.floatConstant(`${layer.name}/scale`, dims, scale)]);
        out({
          ...v,
          tensor: g.node("Add", [scaled, g.floatConstant(`${layer.name}/shift`, dims, shift)], {}, layer.name),
          nonNegative: false,
        });
        break;
      }
      case "Activation":
      case "ReLU": {
        const v = materialize(only());
        const activation = layer.className === "ReLU" ? "relu" : str(layer, "activation");
        if (activation === "linear") out(v);
        else if (activation === "relu")
          out({...v, tensor: g.node("Relu", [v.tensor], {}, layer.name), nonNegative: true});
        else throw new Error(`activation ${layer.name}: expected relu|linear, got ${activation}`);
        break;
      }
      case "Add": {
        if (ins.length < 2) throw new Error(`add ${layer.name}: expected ≥ 2 inputs, got ${ins.length}`);
        const vs = ins.map(materialize);
        let sum = vs[0]!.tensor;
        vs.slice(1).forEach((v, i) => {
          sum = g.node("Add", [sum, v.tensor], {}, i === vs.length - 2 ? layer.name : undefined);
        });
        out({...vs[0]!, tensor: sum, nonNegative: vs.every((v) => v.nonNegative)});
        break;
      }
      case "MaxPooling2D":
      case "AveragePooling2D": {
        checkChannelsLast(layer);
        const max = layer.className === "MaxPooling2D";
        let v = only();
        // Zero padding equals the pool's own (−∞) padding for a max-pool only when the input is ≥ 0 (after a ReLU).
        if (!(max && v.nonNegative)) v = materialize(v);
        const poolSize = layer.config.poolSize as number[];
        const attrs: Record<string, number[] | string> = {
          kernel_shape: poolSize,
          strides: (layer.config.strides as number[] | null) ?? poolSize,
        };
        const padding = str(layer, "padding");
        if (padding === "same") attrs.auto_pad = "SAME_UPPER";
        else attrs.pads = v.pad ?? [0, 0, 0, 0];
        out({...v, pad: undefined, tensor: g.node(max ? "MaxPool" : "AveragePool", [v.tensor], attrs, layer.name)});
        break;
      }
      case "GlobalAveragePooling2D": {
        checkChannelsLast(layer);
        const v = materialize(only());
        const pooled = g.node("GlobalAveragePool", [v.tensor]);
        out({...v, rank: 2, tensor: g.node("Flatten", [pooled], {axis: 1}, layer.name)});
        break;
      }
      case "Flatten": {
        const v = materialize(only());
        // Keras flattens channels-last (h, w, c); our tensors are NCHW, so go back to NHWC first.
        const nhwc = v.rank === 4 ? g.node("Transpose", [v.tensor], {perm: [0, 2, 3, 1]}) : v.tensor;
        out({...v, rank: 2, channels: Number.NaN, tensor: g.node("Flatten", [nhwc], {axis: 1}, layer.name)});
        break;
      }
      case "Dense": {
        const v = only();
        if (v.rank !== 2) throw new Error(`dense ${layer.name}: expected a flat input, got rank ${v.rank}`);
        const k = weight(layer, "kernel");
        const [din, units] = k.shape as [number, number];
        const bias = layer.weights.get("bias")?.values ?? new Float32Array(units);
        const activation = str(layer, "activation");
        let y = g.node(
          "Gemm",
          [
            v.tensor,
            g.floatConstant(`${layer.name}/W`, [din, units], k.values),
            g.floatConstant(`${layer.name}/B`, [units], bias),
          ],
          {},
          activation === "linear" ? layer.name : undefined,
        );
        if (activation === "relu") y = g.node("Relu", [y], {}, layer.name);
        else if (activation === "softmax") y = g.node("Softmax", [y], {axis: -1}, layer.name);
        else if (activation !== "linear")
          throw new Error(`dense ${layer.name}: expected linear|relu|softmax, got ${activation}`);
        out({tensor: y, rank: 2, channels: units});
        break;
      }
      default:
        throw new Error(`ONNX export: layer ${layer.name} has unsupported class ${layer.className}`);
    }
  }

  const result = materialize(state.get(outputLayer)!);
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
    g.node("Transpose", [materialize(lastConvValue).tensor], {perm: [0, 2, 3, 1]}, OnnxLastConvName);
    g.output(OnnxLastConvName, "float", ["batch", "height", "width", lastConvValue.channels]);
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
    preprocessing: `uint8 RGB NHWC -> float, BGR, minus caffe means [${CaffeMeansBgr}] -> NCHW`,
  };
  const onnx = g.encode({
    graphName: `backbone_to_${outputLayer}`,
    opset: opts.opset ?? 13,
    producer: "tace-workbench onnxExport",
    metadata: Object.fromEntries(Object.entries(info).map(([k, v]) => [k, JSON.stringify(v)])),
  });
  return {onnx, info};
}

/** A tensor of the graph under construction: NCHW (rank 4) or flat (rank 2), maybe with zero padding pending. */
interface Value {
  tensor: string;
  rank: 2 | 4;
  channels: number;
  /** [top, left, bottom, right] zero padding not yet applied. */
  pad?: [number, number, number, number];
  /** True after a ReLU: lets a following max-pool absorb zero padding. */
  nonNegative?: boolean;
}
