import {batchNormAffine, convToOnnx} from "./foldBatchNorm.js";
import type {GraphBuilder} from "./graphBuilder.js";
import {materialize, type Value} from "./graphValue.js";
import type {KerasLayer} from "./kerasLayers.js";
import {bnParams, checkChannelsLast, str, weight} from "./layerConfig.js";
import {convParameters, type QdqPlan, quantizeActivation} from "./qdq.js";

/**
 * The exporter's state while it walks the Keras layers in order: the graph, the layer graph (who consumes what, for
 * BatchNorm folding), the tensor each exported layer produced, and the BatchNorm epsilons used.
 */
export interface EmitContext {
  g: GraphBuilder;
  byName: Map<string, KerasLayer>;
  consumers: Map<string, string[]>;
  /** The embedding layer: a conv there is never fused with a following BatchNorm (its own output is wanted). */
  outputLayer: string;
  /** The exported tensor of each layer so far; a folded BatchNorm shares its conv's. */
  state: Map<string, Value>;
  /** BatchNorm layers folded into their conv (skipped when the walk reaches them). */
  folded: Set<string>;
  /** The epsilon of a BatchNorm layer (its config's, or the override), recorded for the export info. */
  epsilonOf(layer: KerasLayer): number;
  /** Static int8 quantization (onnx/qdq.ts): absent for the FP32 graph, whose nodes it then leaves untouched. */
  qdq?: QdqPlan;
}

/**
 * Emits the ONNX nodes of one non-input Keras layer from its already exported inputs and records its output in
 * `ctx.state`. ZeroPadding2D emits nothing: the padding stays pending on the value until a conv or pool absorbs it
 * or something else materializes it. A Conv2D feeding only a BatchNorm gets the BatchNorm folded into its weights.
 */
export function emitLayer(ctx: EmitContext, layer: KerasLayer, ins: Value[]): void {
  const {g} = ctx;
  const only = (): Value => {
    if (ins.length !== 1) throw new Error(`layer ${layer.name}: expected 1 input, got ${ins.length}`);
    return ins[0]!;
  };
  const out = (v: Value) => ctx.state.set(layer.name, v);
  switch (layer.className) {
    case "ZeroPadding2D": {
      const v = only();
      const [[t, b], [l, r]] = layer.config.padding as [[number, number], [number, number]];
      const prev = v.pad ?? [0, 0, 0, 0];
      out({...v, pad: [prev[0] + t, prev[1] + l, prev[2] + b, prev[3] + r]});
      break;
    }
    case "Conv2D":
      emitConv(ctx, layer, only());
      break;
    case "BatchNormalization": {
      const v = materialize(g, only());
      const axis = layer.config.axis as number | number[];
      const ax = Array.isArray(axis) ? axis : [axis];
      if (ax.length !== 1 || !(ax[0] === -1 || ax[0] === v.rank - 1)) {
        throw new Error(`batch norm ${layer.name}: expected the channel axis (last), got [${ax}]`);
      }
      const {scale, shift} = batchNormAffine(bnParams(layer, ctx.epsilonOf(layer)));
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
      const v = materialize(g, only());
      const activation = layer.className === "ReLU" ? "relu" : str(layer, "activation");
      if (activation === "linear") out(v);
      else if (activation === "relu")
        out({...v, tensor: g.node("Relu", [v.tensor], {}, layer.name), nonNegative: true});
      else throw new Error(`activation ${layer.name}: expected relu|linear, got ${activation}`);
      break;
    }
    case "Add": {
      if (ins.length < 2) throw new Error(`add ${layer.name}: expected ≥ 2 inputs, got ${ins.length}`);
      const vs = ins.map((v) => quantized(ctx, materialize(g, v)));
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
      if (!(max && v.nonNegative)) v = materialize(g, v);
      const from = v.tensor;
      v = quantized(ctx, v);
      const poolSize = layer.config.poolSize as number[];
      const attrs: Record<string, number[] | string> = {
        kernel_shape: poolSize,
        strides: (layer.config.strides as number[] | null) ?? poolSize,
      };
      const padding = str(layer, "padding");
      if (padding === "same") attrs.auto_pad = "SAME_UPPER";
      else attrs.pads = v.pad ?? [0, 0, 0, 0];
      const pooled = {
        ...v,
        pad: undefined,
        tensor: g.node(max ? "MaxPool" : "AveragePool", [v.tensor], attrs, layer.name),
      };
      // A max-pool's output keeps its input's parameters (ORT then pools the uint8 values); an average does not.
      out(max ? quantized(ctx, pooled, from) : pooled);
      break;
    }
    case "GlobalAveragePooling2D": {
      checkChannelsLast(layer);
      const v = quantized(ctx, materialize(g, only()));
      const pooled = g.node("GlobalAveragePool", [v.tensor]);
      out({...v, rank: 2, tensor: g.node("Flatten", [pooled], {axis: 1}, layer.name)});
      break;
    }
    case "Flatten": {
      const v = materialize(g, only());
      // Keras flattens channels-last (h, w, c); our tensors are NCHW, so go back to NHWC first.
      const nhwc = v.rank === 4 ? g.node("Transpose", [v.tensor], {perm: [0, 2, 3, 1]}) : v.tensor;
      out({...v, rank: 2, channels: Number.NaN, tensor: g.node("Flatten", [nhwc], {axis: 1}, layer.name)});
      break;
    }
    case "Dense":
      out(emitDense(g, layer, only()));
      break;
    default:
      throw new Error(`ONNX export: layer ${layer.name} has unsupported class ${layer.className}`);
  }
}

/** Conv2D (+ ReLU), with a following BatchNorm folded into its weights when the conv feeds only that BatchNorm. */
function emitConv(ctx: EmitContext, layer: KerasLayer, input: Value): void {
  const {g} = ctx;
  checkChannelsLast(layer);
  const dilation = (layer.config.dilationRate as number[] | undefined) ?? [1, 1];
  if (dilation.some((d) => d !== 1)) throw new Error(`conv ${layer.name}: expected dilation 1, got [${dilation}]`);
  const kernel = weight(layer, "kernel");
  const next = ctx.consumers.get(layer.name) ?? [];
  const bn = next.length === 1 ? ctx.byName.get(next[0]!) : undefined;
  const activation = str(layer, "activation");
  const fold = bn?.className === "BatchNormalization" && activation === "linear" && layer.name !== ctx.outputLayer;
  const affine = fold && bn ? batchNormAffine(bnParams(bn, ctx.epsilonOf(bn))) : undefined;
  const {weight: w, bias} = convToOnnx(kernel.values, kernel.shape, layer.weights.get("bias")?.values, affine);
  const [kh, kw, cin, cout] = kernel.shape as [number, number, number, number];
  let v = input;
  const padding = str(layer, "padding");
  const attrs: Record<string, number[] | string> = {
    kernel_shape: [kh, kw],
    strides: layer.config.strides as number[],
  };
  if (padding === "same") {
    v = materialize(g, v);
    attrs.auto_pad = "SAME_UPPER"; // TensorFlow's "same" puts the odd extra pixel at the bottom/right.
  } else if (padding === "valid") {
    const [t, l, b, r] = v.pad ?? [0, 0, 0, 0];
    attrs.pads = [t, l, b, r];
    v = {...v, pad: undefined};
  } else throw new Error(`conv ${layer.name}: expected padding same|valid, got ${padding}`);
  const name = fold && bn ? bn.name : layer.name;
  v = quantized(ctx, v);
  const {w: wName, b: bName} = ctx.qdq
    ? convParameters(g, ctx.qdq, layer.name, v.tensor, [cout, cin, kh, kw], w, bias)
    : {
        w: g.floatConstant(`${layer.name}/W`, [cout, cin, kh, kw], w),
        b: g.floatConstant(`${layer.name}/B`, [cout], bias),
      };
  let y = g.node("Conv", [v.tensor, wName, bName], attrs, activation === "linear" ? name : undefined);
  if (activation === "relu") y = g.node("Relu", [y], {}, name);
  else if (activation !== "linear")
    throw new Error(`conv ${layer.name}: expected activation linear|relu, got ${activation}`);
  const result: Value = {tensor: y, rank: 4, channels: cout, nonNegative: activation === "relu"};
  if (fold && bn) {
    ctx.folded.add(bn.name);
    ctx.state.set(bn.name, result);
  }
  ctx.state.set(layer.name, result);
}

/** Dense as Gemm, with its relu or softmax activation. */
function emitDense(g: GraphBuilder, layer: KerasLayer, v: Value): Value {
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
  return {tensor: y, rank: 2, channels: units};
}

/** The value through Q → DQ when the export quantizes (onnx/qdq.ts), else unchanged. */
export function quantized(ctx: EmitContext, v: Value, like?: string): Value {
  return ctx.qdq ? quantizeActivation(ctx.g, ctx.qdq, v, like) : v;
}
