import type {KerasLayer} from "./kerasLayers.js";

/** Small readers of a KerasLayer's config and weights for the exporter; errors name the layer and say expected vs got. */
/** The output layer and every layer it depends on. */
export function ancestors(output: string, byName: Map<string, KerasLayer>): Set<string> {
  const seen = new Set<string>();
  const stack = [output];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    const layer = byName.get(name);
    if (!layer) throw new Error(`ONNX export: expected a layer named ${name} (an input of another layer), got none`);
    seen.add(name);
    stack.push(...layer.inputs);
  }
  return seen;
}

export function weight(layer: KerasLayer, key: string): {shape: number[]; values: Float32Array} {
  const w = layer.weights.get(key);
  if (!w)
    throw new Error(
      `layer ${layer.name}: expected a ${key} weight, got ${[...layer.weights.keys()].join(", ") || "none"}`,
    );
  return w;
}

export function bnParams(layer: KerasLayer, epsilon: number) {
  return {
    gamma: layer.weights.get("gamma")?.values,
    beta: layer.weights.get("beta")?.values,
    movingMean: weight(layer, "moving_mean").values,
    movingVariance: weight(layer, "moving_variance").values,
    epsilon,
  };
}

export function num(layer: KerasLayer, key: string): number {
  const v = layer.config[key];
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new Error(`layer ${layer.name}: expected numeric ${key}, got ${v}`);
  return v;
}

export function str(layer: KerasLayer, key: string): string {
  const v = layer.config[key];
  if (typeof v !== "string") throw new Error(`layer ${layer.name}: expected string ${key}, got ${JSON.stringify(v)}`);
  return v;
}

export function checkChannelsLast(layer: KerasLayer): void {
  const f = layer.config.dataFormat;
  if (f !== undefined && f !== "channelsLast") {
    throw new Error(`layer ${layer.name}: expected dataFormat channelsLast, got ${String(f)}`);
  }
}
