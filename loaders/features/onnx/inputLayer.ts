import {CaffeMeans} from "../../../models/preprocessing.js";
import type {GraphBuilder} from "./graphBuilder.js";
import {OnnxInputName} from "./graphNames.js";
import type {Value} from "./graphValue.js";
import type {KerasLayer} from "./kerasLayers.js";

const CaffeMeansBgr = [CaffeMeans.b, CaffeMeans.g, CaffeMeans.r];

/** What the graph does to its input before the first layer, as recorded in the export info. */
export const InputPreprocessing = `uint8 RGB NHWC -> float, BGR, minus caffe means [${CaffeMeansBgr}] -> NCHW`;

/**
 * The graph input `pixels` (uint8 [batch, height, width, 3] RGB) and the preprocessing the tfjs engine does outside
 * the model: cast, reorder to BGR, subtract the caffe means, transpose to NCHW (ORT's CPU kernels are fastest in
 * NCHW) and, when the model has a fixed square input side, resize bilinearly to it. Returns that side (or null).
 */
export function emitInput(g: GraphBuilder, layer: KerasLayer): {value: Value; inputPx: number | null} {
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
    return {value: {tensor: resized, rank: 4, channels: 3}, inputPx: side};
  }
  return {value: {tensor: g.node("Identity", [nchw], {}, layer.name), rank: 4, channels: 3}, inputPx: null};
}
