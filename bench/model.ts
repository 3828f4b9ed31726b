// The model area: the tfjs reference engine's embedding throughput (wasm backend, and tfjs-node when installed),
// batches 1/8/32, one thread and one worker per core, as images/s and as a percentage of the measured FP32 peak;
// plus the cached-embedding hit path and the head's training time. Standalone: `node --import tsx bench/model.ts`.
// Uses the ImageNet weights in models/weights/resnet50 when present, else a random-weight ResNet50 of the same
// topology (speed does not depend on the values). Kept short: one warm-up, then ~2 s (at least one call) per cell.
import {existsSync, readFileSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {availableParallelism, tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {createEmbeddingCache} from "../loaders/features/embeddingCache.js";
import type {EmbeddingEngine} from "../loaders/features/engine.js";
import {extractEmbeddings} from "../loaders/features/extractEmbeddings.js";
import {fp32Ceiling, ResNet50GflopPerImage} from "../loaders/features/onnx/fp32Ceiling.js";
import {measurePeak} from "../loaders/features/onnx/measuredPeak.js";
import {createTfjsEngine} from "../loaders/features/tfjsEngine.js";
import type {PatchRecord, PatchSet} from "../loaders/imaging/patchSet.js";
import {trainHead} from "../loaders/train/trainHead.js";
import {defaultWeightsDir} from "../loaders/weights/fetchWeights.js";
import {writeModelFiles} from "../loaders/weights/writeModelFiles.js";
import {buildResNet} from "../models/resNetTopology.js";
import {createRng} from "../src/components/stats/random.js";
import {ResponseLabels, type Variant, Variants} from "../src/components/study/vocabulary.js";

type Row = {name: string; value: number; unit: string};
const log = (m: string) => process.stderr.write(`bench model: ${m}\n`);

function patches(count: number, sizePx: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({length: count * sizePx * sizePx * 3}, () => rng.int(256));
}

async function timeEngine(engine: EmbeddingEngine, batch: number, seconds: number): Promise<number> {
  const px = patches(batch, 224, batch);
  let images = 0;
  const start = performance.now();
  do {
    await engine.embed(px, batch, 224, "identity");
    images += batch;
  } while (performance.now() - start < seconds * 1000);
  return images / ((performance.now() - start) / 1000);
}

async function nativeInstalled(): Promise<boolean> {
  try {
    await import("@tensorflow/tfjs-node" as string);
    return true;
  } catch {
    return false;
  }
}

export async function benchModel(options: {seconds?: number; batches?: number[]} = {}): Promise<Row[]> {
  const seconds = options.seconds ?? 2;
  const batches = options.batches ?? [1, 8, 32];
  const rows: Row[] = [];
  // Percentages divide by the MEASURED FP32 peak (a MatMul on ONNX Runtime, measuredPeak.ts); the /proc/cpuinfo
  // formula's figure, which assumes the base clock, is logged beside it.
  const ceiling = fp32Ceiling(readFileSync("/proc/cpuinfo", "utf8"));
  const peak = await measurePeak("fp32", {n: 512, repeats: 40});
  log(`FP32 ceiling by formula: ${ceiling.derivation}; measured: ${peak.derivation}`);
  const ceilingImages = peak.gopsPerSecond / ResNet50GflopPerImage;
  log(`measured FP32 peak: ResNet50 = ${ResNet50GflopPerImage} GFLOP/image → ${ceilingImages.toFixed(1)} images/s`);
  rows.push({name: "FP32 peak measured (ResNet50 images/s)", value: ceilingImages, unit: "img/s"});

  let weightsDir = defaultWeightsDir;
  let temp: string | undefined;
  if (!existsSync(join(defaultWeightsDir, "model.json"))) {
    log(`no ImageNet weights in ${defaultWeightsDir}; using random weights of the same ResNet50 topology (same speed)`);
    temp = await mkdtemp(join(tmpdir(), "bench-model-"));
    weightsDir = join(temp, "resnet50");
    const model = buildResNet();
    await writeModelFiles(model, weightsDir);
    model.dispose();
  }
  try {
    const backends: Array<"wasm" | "tensorflow"> = ["wasm"];
    if (await nativeInstalled()) backends.push("tensorflow");
    else log("@tensorflow/tfjs-node not installed: tensorflow backend not measured");
    for (const backend of backends) {
      const threadCounts = backend === "wasm" ? [...new Set([1, availableParallelism()])] : [1];
      for (const threads of threadCounts) {
        const engine = await createTfjsEngine({weightsDir, batchNormEpsilon: 1e-3, backend, threads}, {log: () => {}});
        try {
          await engine.embed(patches(threads, 224, 0), threads, 224, "identity"); // warm-up: compile kernels, allocate
          for (const batch of batches) {
            const rate = await timeEngine(engine, batch, seconds);
            const label = `tfjs-${backend} ${backend === "wasm" ? `${threads} thread${threads > 1 ? "s" : ""}` : "native"}, batch ${batch}`;
            log(
              `${label}: ${rate.toFixed(2)} images/s (${((100 * rate) / ceilingImages).toFixed(1)}% of measured FP32 peak)`,
            );
            rows.push({name: `${label}`, value: rate, unit: "img/s"});
            rows.push({name: `${label}, % of measured FP32 peak`, value: (100 * rate) / ceilingImages, unit: "%"});
          }
        } finally {
          await engine.dispose();
        }
      }
    }
  } finally {
    if (temp) await rm(temp, {recursive: true, force: true});
  }

  // Cache hit path: 300 patches × 6 variants read back from the embedding cache (the demo training cohort's size).
  const n = 300;
  const variants: Variant[] = [...Variants];
  const records: PatchRecord[] = Array.from({length: n}, (_, i) => ({
    patchId: `p${i}`,
    patientId: `P${Math.floor(i / 3)}`,
    cohort: "NFH",
    label: ResponseLabels[i % 4]!,
    geometry: "roi",
    sliceIndex: 0,
    centreMm: [0, 0, 0],
    sizeMm: 16,
    roiCoverage: 1,
    nativePx: 224,
    magnification: 1,
    fallback: false,
  }));
  const set: PatchSet = {cohort: "NFH", sizePx: 224, records, pixels: patches(n, 224, 7)};
  const cacheDir = await mkdtemp(join(tmpdir(), "bench-cache-"));
  try {
    const cache = createEmbeddingCache(cacheDir, "0".repeat(64));
    const rng = createRng(3);
    const fake: EmbeddingEngine = {
      name: "bench",
      embed: async (_px, count) =>
        Float32Array.from({length: count * 2048}, () => (rng.next() < 0.2 ? rng.next() * 3 : 0)),
      dispose: async () => {},
    };
    const filled = await extractEmbeddings(set, variants, fake, cache, () => {});
    const start = performance.now();
    await extractEmbeddings(set, variants, fake, cache, () => {});
    const hitMs = performance.now() - start;
    log(`cache hit path: ${n} patches × ${variants.length} variants in ${hitMs.toFixed(0)} ms`);
    rows.push({name: `embedding cache hit, ${n} patches × 6 variants`, value: hitMs, unit: "ms"});

    const labels = Int32Array.from(records, (_, i) => i % 4);
    for (const [protocol, options, balancing] of [
      ["paper", {head: "sigmoid", loss: "binaryCrossentropy", priorCorrection: "none"}, "oversample"],
      [
        "corrected",
        {head: "softmax", loss: "categoricalCrossentropy", priorCorrection: "trainingPrevalence"},
        "classWeights",
      ],
    ] as const) {
      const t = performance.now();
      trainHead({name: "NFH", x: filled, labels}, [], {
        model: {...options, optimizer: "sgd", learningRate: 1e-4, momentum: 0.9, batchSize: 64, epochs: 54},
        augmentation: {balancing, variants},
        seeds: {training: 1, augmentation: 1},
        standardize: false,
      });
      const s = (performance.now() - t) / 1000;
      log(`head training (${protocol} protocol, ${n} patches, 54 epochs): ${s.toFixed(2)} s`);
      rows.push({
        name: `head training, ${protocol} protocol, ${n} patches × 6 variants, 54 epochs`,
        value: s,
        unit: "s",
      });
    }
  } finally {
    await rm(cacheDir, {recursive: true, force: true});
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchModel()) process.stdout.write(`${r.name}\t${r.value.toPrecision(4)}\t${r.unit}\n`);
}
