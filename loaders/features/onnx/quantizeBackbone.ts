import type * as tf from "@tensorflow/tfjs";
import type * as Ort from "onnxruntime-node";
import {exportOnnx, type OnnxExportInfo, type OnnxExportOptions} from "../onnxExport.js";
import {OnnxInputName} from "./graphNames.js";
import type {KerasLayer} from "./kerasLayers.js";
import type {LayersArtifacts} from "./kerasLayersFromArtifacts.js";
import {applyPlan, collectPlan} from "./qdq.js";

/** Patches to calibrate on: uint8 RGB, count × sizePx × sizePx × 3, as the engines take them. */
export interface CalibrationSample {
  pixels: Uint8Array;
  count: number;
  sizePx: number;
}

/** Patches per calibration run: every quantized tensor of a ResNet50 at 224 px is ≈ 60 MB of float32 per patch. */
const CalibrationBatch = 4;

/**
 * Statically quantizes the exported backbone: exports the FP32 graph with every tensor the QDQ graph quantizes as an
 * extra output, runs it on the calibration sample with ONNX Runtime (FP32; a graph output survives every fusion), takes each tensor's minimum and maximum over the sample (min–max
 * calibration), and exports the QDQ graph with those ranges (onnx/qdq.ts). Deterministic for the same model,
 * sample and code: the ranges are exact extremes, whatever the batch split or thread count.
 */
export async function quantizeBackbone(
  model: tf.LayersModel | LayersArtifacts | KerasLayer[],
  sample: CalibrationSample,
  opts: Omit<OnnxExportOptions, "qdq"> & {threads?: number; calibration?: Calibration} = {},
): Promise<{onnx: Uint8Array; info: OnnxExportInfo; ranges: Map<string, {min: number; max: number}>}> {
  if (sample.count < 1 || sample.pixels.length !== sample.count * sample.sizePx * sample.sizePx * 3) {
    throw new Error(
      `calibration sample: expected ≥ 1 patch of ${sample.sizePx}×${sample.sizePx}×3 bytes, got ${sample.pixels.length} bytes for ${sample.count}`,
    );
  }
  const {threads, calibration, ...exportOpts} = opts;
  const plan = collectPlan();
  const probe = exportOnnx(model, {...exportOpts, qdq: plan});
  const ranges = await observedRanges(
    probe.onnx,
    plan.tensors,
    sample,
    threads ?? 1,
    calibration ?? DefaultCalibration,
  );
  const {onnx, info} = exportOnnx(model, {...exportOpts, qdq: applyPlan(ranges)});
  return {onnx, info, ranges};
}

/**
 * The calibration rule: "minmax" takes each tensor's extremes over the sample; "percentile" clips them to the
 * `percentile` of the tensor's values (and 100 − it below, when the tensor has negative values), from a
 * 2048-bin histogram over the extremes found in a first pass: a handful of outlying activations then no longer
 * stretch the 256 levels every other value shares.
 */
export type Calibration = {method: "minmax"} | {method: "percentile"; percentile: number};

const HistogramBins = 2048;

export const DefaultCalibration: Calibration = {method: "minmax"};

async function observedRanges(
  graph: Uint8Array,
  tensors: string[],
  sample: CalibrationSample,
  threads: number,
  calibration: Calibration,
): Promise<Map<string, {min: number; max: number}>> {
  const ort = (await import("onnxruntime-node")) as typeof Ort;
  const session = await ort.InferenceSession.create(graph, {
    graphOptimizationLevel: "all",
    intraOpNumThreads: threads,
    executionProviders: ["cpu"],
  });
  const per = sample.sizePx * sample.sizePx * 3;
  /** Runs the sample through the graph batch by batch and hands every requested tensor's values to `visit`. */
  const pass = async (visit: (tensor: string, data: Float32Array) => void) => {
    for (let start = 0; start < sample.count; start += CalibrationBatch) {
      const n = Math.min(CalibrationBatch, sample.count - start);
      const dims = [n, sample.sizePx, sample.sizePx, 3];
      const input = new ort.Tensor("uint8", sample.pixels.subarray(start * per, (start + n) * per), dims);
      const out = await session.run({[OnnxInputName]: input}, tensors);
      for (const t of tensors) {
        const y = out[t];
        if (y?.type !== "float32") throw new Error(`calibration: expected float32 tensor ${t}, got ${y?.type}`);
        visit(t, y.data as Float32Array);
        y.dispose();
      }
    }
  };
  const ranges = new Map(tensors.map((t) => [t, {min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY}]));
  try {
    await pass((t, data) => {
      const range = ranges.get(t)!;
      let {min, max} = range;
      for (let i = 0; i < data.length; i++) {
        const v = data[i]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      range.min = min;
      range.max = max;
    });
    for (const [t, r] of ranges) {
      if (!Number.isFinite(r.min) || !Number.isFinite(r.max))
        throw new Error(`calibration: tensor ${t} has a non-finite range [${r.min}, ${r.max}]`);
    }
    if (calibration.method === "minmax") return ranges;
    const histograms = new Map(tensors.map((t) => [t, new Float64Array(HistogramBins)]));
    await pass((t, data) => {
      const {min, max} = ranges.get(t)!;
      const h = histograms.get(t)!;
      const width = (max - min) / HistogramBins || 1;
      for (let i = 0; i < data.length; i++) {
        h[Math.min(HistogramBins - 1, Math.floor((data[i]! - min) / width))]! += 1;
      }
    });
    const q = calibration.percentile / 100;
    return new Map(
      tensors.map((t) => {
        const {min, max} = ranges.get(t)!;
        const h = histograms.get(t)!;
        const width = (max - min) / HistogramBins;
        const total = h.reduce((a, b) => a + b, 0);
        let [hi, below] = [HistogramBins, total];
        while (hi > 1 && below - h[hi - 1]! >= q * total) below -= h[--hi]!;
        let [lo, above] = [0, total];
        while (lo < HistogramBins - 1 && above - h[lo]! >= q * total) above -= h[lo++]!;
        // Negative tails are clipped too; a tensor ≥ 0 (after a ReLU) keeps its floor at 0 or above.
        return [t, {min: min < 0 ? min + lo * width : min, max: min + hi * width}];
      }),
    );
  } finally {
    await session.release();
  }
}
