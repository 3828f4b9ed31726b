import type {GraphBuilder} from "./graphBuilder.js";
import type {Value} from "./graphValue.js";
import {activationParams, int32Bias, type QuantParams, symmetricWeights} from "./quantParams.js";

/**
 * Static QDQ quantization of the exported graph (ONNX Runtime's "QDQ format"): QuantizeLinear → DequantizeLinear on
 * every activation a Conv, Add, MaxPool or the final GlobalAveragePool reads, int8 per-channel weights and int32
 * biases behind a DequantizeLinear on every Conv. ONNX Runtime's CPU provider then fuses DQ → Conv → Q into
 * QLinearConv (a ReLU before a uint8 Q with zero point 0 is dropped: the Q's clamp at 0 is the ReLU), DQ → Add → Q
 * into QLinearAdd and DQ → MaxPool → Q (same parameters) into a uint8 MaxPool.
 *
 * The exporter runs twice with one of these plans: `collect` adds no node and records, in graph order, the tensors it
 * would quantize (calibration runs that graph with them as extra outputs); `apply` inserts the nodes with each
 * tensor's calibrated range. New names derive from the tensor's own (`<tensor>/q`, …) and never collide, so every
 * other name of the graph is the same in both runs and the calibrated ranges find their tensors.
 */
/** Bumped whenever the quantized graph changes for the same weights and calibration, so cached int8 graphs rebuild. */
export const QdqVersion = 1;

export type QdqPlan =
  | {mode: "collect"; tensors: string[]; aliased: Set<string>}
  | {mode: "apply"; ranges: ReadonlyMap<string, {min: number; max: number}>; done: Map<string, QuantParams>};

export function collectPlan(): Extract<QdqPlan, {mode: "collect"}> {
  return {mode: "collect", tensors: [], aliased: new Set()};
}

export function applyPlan(ranges: ReadonlyMap<string, {min: number; max: number}>): QdqPlan {
  return {mode: "apply", ranges, done: new Map()};
}

/**
 * The activation `v` as its quantized-and-dequantized tensor (the same one for every reader). `like` gives the
 * tensor whose parameters to reuse (a MaxPool's output takes its input's, so ORT runs the pool on uint8 directly).
 */
export function quantizeActivation(g: GraphBuilder, plan: QdqPlan, v: Value, like?: string): Value {
  if (plan.mode === "collect") {
    if (like !== undefined) plan.aliased.add(v.tensor);
    else if (!plan.aliased.has(v.tensor) && !plan.tensors.includes(v.tensor)) plan.tensors.push(v.tensor);
    return v;
  }
  // Already quantized (a max-pool's output, read again by the next conv): the same tensor.
  if (v.tensor.endsWith("/dq") && plan.done.has(v.tensor.slice(0, -3))) return v;
  const dq = `${v.tensor}/dq`;
  if (plan.done.has(v.tensor)) return {...v, tensor: dq};
  let params: QuantParams | undefined;
  if (like !== undefined) params = plan.done.get(like);
  else {
    const range = plan.ranges.get(v.tensor);
    if (range) params = activationParams(range.min, range.max);
  }
  if (!params) throw new Error(`QDQ export: expected a calibrated range for tensor ${v.tensor}, got none`);
  plan.done.set(v.tensor, params);
  const scale = g.floatConstant(`${v.tensor}/q_scale`, [], [params.scale]);
  const zero = g.quantizedConstant(`${v.tensor}/q_zero`, [], Uint8Array.of(params.zeroPoint));
  const q = g.node("QuantizeLinear", [v.tensor, scale, zero], {}, `${v.tensor}/q`);
  g.node("DequantizeLinear", [q, scale, zero], {}, dq);
  return {...v, tensor: dq};
}

/** The parameters a quantized activation tensor was given (for the conv bias scale). */
export function paramsOf(plan: QdqPlan, tensor: string): QuantParams | undefined {
  return plan.mode === "apply" ? plan.done.get(tensor.replace(/\/dq$/, "")) : undefined;
}

/**
 * A Conv's weight and bias inputs: float constants when collecting, else int8 per-output-channel weights and int32
 * biases (scale = input scale × weight scale) each behind a per-axis DequantizeLinear.
 */
export function convParameters(
  g: GraphBuilder,
  plan: QdqPlan,
  layerName: string,
  input: string,
  dims: [number, number, number, number],
  weight: ArrayLike<number>,
  bias: ArrayLike<number>,
): {w: string; b: string} {
  if (plan.mode === "collect") {
    return {w: g.floatConstant(`${layerName}/W`, dims, weight), b: g.floatConstant(`${layerName}/B`, [dims[0]], bias)};
  }
  const inputParams = paramsOf(plan, input);
  if (!inputParams) throw new Error(`QDQ export: conv ${layerName}: expected a quantized input, got ${input}`);
  const qw = symmetricWeights(weight, dims[0]);
  const qb = int32Bias(bias, inputParams.scale, qw.scales);
  const deq = (name: string, values: Int8Array | Int32Array, shape: number[], scales: Float32Array) => {
    const zeros = values instanceof Int8Array ? new Int8Array(scales.length) : new Int32Array(scales.length);
    return g.node(
      "DequantizeLinear",
      [
        g.quantizedConstant(`${name}_quantized`, shape, values),
        g.floatConstant(`${name}_scale`, [scales.length], scales),
        g.quantizedConstant(`${name}_zero`, [scales.length], zeros),
      ],
      {axis: 0},
      `${name}/dq`,
    );
  };
  return {
    w: deq(`${layerName}/W`, qw.q, dims, qw.scales),
    b: deq(`${layerName}/B`, qb.q, [dims[0]], qb.scales),
  };
}
