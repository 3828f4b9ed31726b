import type {Variant} from "../../src/components/study/vocabulary.js";

/**
 * An embedding engine runs the frozen ImageNet ResNet50 (input → avg_pool) on patches and returns 2048-d
 * embeddings. Implementations (tfjs reference, ONNX Runtime) must agree to a relative L2 error ≤ 1e-4.
 */
export const EmbeddingSize = 2048;

export interface EmbeddingEngine {
  /** "tfjs-wasm", "tfjs-tensorflow", "onnx-cpu", … recorded in a run's provenance. */
  readonly name: string;
  /**
   * Embeds `count` uint8 RGB patches (count × size × size × 3, value/255 = windowed intensity) after applying the
   * dihedral `variant`; returns count × 2048 float32, row-major.
   */
  embed(pixels: Uint8Array, count: number, sizePx: number, variant: Variant): Promise<Float32Array>;
  dispose(): Promise<void>;
  /**
   * Optional: sha256 identifying the weights AND the BatchNorm epsilon the engine runs (models/resnet50.ts modelIdOf).
   * Embedding cache keys and run provenance use it; when absent, runModel hashes the weights folder itself.
   */
  readonly modelId?: string;
  /**
   * Optional: the last convolutional block's output (res5c after its ReLU, [count, 7, 7, 2048] at 224 px, row-major)
   * for class activation maps. When absent, runModel computes the gallery's CAMs with a single-thread tfjs engine.
   */
  lastConv?(
    pixels: Uint8Array,
    count: number,
    sizePx: number,
    variant: Variant,
  ): Promise<{activations: Float32Array; height: number; width: number; channels: number}>;
}

/** The compute backend an engine reports (tfjs: tensorflow, wasm or cpu), or its name when it reports none. */
export function backendOf(engine: EmbeddingEngine): string {
  return "backend" in engine ? String((engine as {backend: unknown}).backend) : engine.name;
}
