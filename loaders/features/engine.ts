import type {Variant} from "../config/studyConfig.js";

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
}
