import type * as tf from "@tensorflow/tfjs";

/**
 * A framework-free view of one Keras layer of a functional model: what the ONNX exporter needs and nothing else.
 * Config keys are tfjs's camelCase (`kernelSize`, `poolSize`, `dataFormat`, …) as `layer.getConfig()` returns them.
 */
export interface KerasLayer {
  name: string;
  className: string;
  config: Record<string, unknown>;
  /** Names of the layers feeding this one, in order (empty for the input layer). */
  inputs: string[];
  /** Weights by their short name ("kernel", "bias", "gamma", "beta", "moving_mean", "moving_variance"). */
  weights: Map<string, {shape: number[]; values: Float32Array}>;
}

/**
 * Reads the layers of a loaded tfjs LayersModel (including the tiny random test models) in topological order.
 * Shared layers (called more than once) are rejected because their inputs would be ambiguous.
 */
export function kerasLayersFromModel(model: tf.LayersModel): KerasLayer[] {
  return model.layers.map((layer) => {
    const nodes = layer.inboundNodes;
    if (nodes.length > 1) {
      throw new Error(
        `layer ${layer.name}: expected a layer called once, got ${nodes.length} inbound nodes (shared layer)`,
      );
    }
    const values = layer.getWeights();
    const weights = new Map<string, {shape: number[]; values: Float32Array}>();
    layer.weights.forEach((w, i) => {
      const short = (w.originalName ?? w.name).split("/").pop()!.replace(/_\d+$/, "");
      const tensor = values[i];
      if (!tensor) throw new Error(`layer ${layer.name}: weight ${w.name} has no value`);
      weights.set(short, {shape: tensor.shape.slice(), values: Float32Array.from(tensor.dataSync() as Float32Array)});
    });
    // Only the kernel/bias copies are kept; the tensors getWeights() returned belong to the layer, not to us.
    return {
      name: layer.name,
      className: layer.getClassName(),
      config: layer.getConfig() as Record<string, unknown>,
      inputs: (nodes[0]?.inboundLayers ?? []).map((l) => l.name),
      weights,
    };
  });
}
