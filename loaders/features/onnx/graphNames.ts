/**
 * The exported backbone graph's interface: its input and output names and the exporter version. Shared by the
 * exporter (onnxExport.ts and the layer emitters) and the engine that runs the graph (onnxEngine.ts).
 */

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
