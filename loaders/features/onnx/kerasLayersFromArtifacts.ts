import type {KerasLayer} from "./kerasLayers.js";

/**
 * The same layer view as kerasLayersFromModel, read straight from a tfjs layers-model's files (model.json topology,
 * weight specs in manifest order, and the concatenated weight bytes) without TensorFlow.js: exporting the ImageNet
 * backbone then needs neither a tfjs backend nor the ~100 MB of tfjs variables. Keras JSON uses snake_case keys and
 * values ("kernel_size", "channels_last"); they are converted to the camelCase that tfjs's getConfig() returns.
 */
export interface LayersArtifacts {
  topology: unknown;
  weightSpecs: ReadonlyArray<{name: string; shape: number[]; dtype: string; quantization?: unknown}>;
  weightData: ArrayBuffer;
}

export function kerasLayersFromArtifacts({topology, weightSpecs, weightData}: LayersArtifacts): KerasLayer[] {
  // Keras-converted files wrap the model in model_config; tfjs's own model.save() writes it bare.
  type ModelConfig = {class_name?: string; config?: {layers?: unknown}};
  const t = topology as {model_config?: ModelConfig} & ModelConfig;
  const layers = (t.model_config ?? t).config?.layers;
  if (!Array.isArray(layers)) {
    throw new Error("model topology: expected model_config.config.layers (or config.layers) to be an array");
  }

  const weights = new Map<string, {shape: number[]; values: Float32Array}>();
  let offset = 0;
  for (const spec of weightSpecs) {
    if (spec.dtype !== "float32" || spec.quantization !== undefined) {
      throw new Error(
        `weight ${spec.name}: expected unquantized float32, got ${spec.dtype}${spec.quantization ? " (quantized)" : ""}`,
      );
    }
    const count = spec.shape.reduce((a, b) => a * b, 1);
    if (offset + count * 4 > weightData.byteLength) {
      throw new Error(
        `weight ${spec.name}: expected ${count * 4} bytes at offset ${offset}, got ${weightData.byteLength - offset}`,
      );
    }
    // slice() copies, so the view is 4-byte aligned whatever the offset.
    weights.set(spec.name, {
      shape: spec.shape.slice(),
      values: new Float32Array(weightData.slice(offset, offset + count * 4)),
    });
    offset += count * 4;
  }
  if (offset !== weightData.byteLength) {
    throw new Error(`weights: expected ${offset} bytes for the manifest, got ${weightData.byteLength}`);
  }

  return layers.map((raw) => {
    const l = raw as {name?: string; class_name: string; config: Record<string, unknown>; inbound_nodes?: unknown[]};
    const name = l.name ?? (l.config.name as string);
    const nodes = l.inbound_nodes ?? [];
    if (nodes.length > 1)
      throw new Error(`layer ${name}: expected a layer called once, got ${nodes.length} inbound nodes`);
    const inputs = ((nodes[0] as unknown[][] | undefined) ?? []).map((edge) => String(edge[0]));
    const own = new Map<string, {shape: number[]; values: Float32Array}>();
    for (const [key, w] of weights) {
      if (key.startsWith(`${name}/`)) own.set(key.slice(name.length + 1).replace(/_\d+$/, ""), w);
    }
    return {name, className: l.class_name, config: camelConfig(l.config), inputs, weights: own};
  });
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function camelConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    out[camel(key)] = key === "data_format" && typeof value === "string" ? camel(value) : value;
  }
  return out;
}
