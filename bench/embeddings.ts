// Embedding throughput of each engine on the same patches: ONNX Runtime (1 thread, all cores) and the tfjs reference
// engine, batches 1/8/32, as images/s, as a percentage of this machine's FP32 ceiling, and the onnx/tfjs ratio.
// Standalone: `node --import tsx bench/embeddings.ts [--json out.json] [--engines onnx,tfjs] [--batches 1,8,32]
// [--seconds 3]`. Uses the ImageNet weights in models/weights/resnet50 when present (exporting backbone.onnx beside
// them once), else a random-weight ResNet50 of the same topology (speed does not depend on the values).
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {availableParallelism, tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {parseArgs} from "node:util";
import type {EmbeddingEngine} from "../loaders/features/engine.js";
import {ensureBackboneOnnx} from "../loaders/features/onnx/backboneCache.js";
import {type Fp32Ceiling, fp32Ceiling, ResNet50GflopPerImage} from "../loaders/features/onnx/fp32Ceiling.js";
import {createOnnxEngine} from "../loaders/features/onnxEngine.js";
import {exportOnnx} from "../loaders/features/onnxExport.js";
import {createTfjsEngine} from "../loaders/features/tfjsEngine.js";
import {defaultWeightsDir} from "../loaders/weights/fetchWeights.js";
import {readModelFiles} from "../loaders/weights/readModelFiles.js";
import {writeModelFiles} from "../loaders/weights/writeModelFiles.js";
import {buildResNet} from "../models/resNetTopology.js";
import {createRng} from "../src/components/stats/random.js";
import type {Engine} from "../src/components/study/vocabulary.js";

export interface BenchEmbeddingsOptions {
  engines?: Array<Exclude<Engine, "auto">>;
  batches?: number[];
  /** Timed seconds per (engine, threads, batch), after one warm-up call; at least one timed call. */
  seconds?: number;
  weightsDir?: string;
  log?: (message: string) => void;
}

export interface EmbeddingsMeasurement {
  embeddings: Array<{engine: string; threads: number; batch: number; imagesPerSecond: number}>;
  ceilingImagesPerSecond: number;
  ceiling: Fp32Ceiling;
  weights: "imagenet" | "random";
}

const SizePx = 224;
const BatchNormEpsilon = 1e-3;

/** Runs the measurements; returns them in the `--json` shape (plus the ceiling's derivation). */
export async function measureEmbeddings(opts: BenchEmbeddingsOptions = {}): Promise<EmbeddingsMeasurement> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const engines = opts.engines ?? ["onnx", "tfjs"];
  const batches = opts.batches ?? [1, 8, 32];
  const seconds = opts.seconds ?? 3;
  const ceiling = fp32Ceiling(readFileSync("/proc/cpuinfo", "utf8"));
  const ceilingImagesPerSecond = ceiling.gflopsPerSecond / ResNet50GflopPerImage;
  log(
    `FP32 ceiling: ${ceiling.derivation}; / ${ResNet50GflopPerImage} GFLOP per image = ${ceilingImagesPerSecond.toFixed(1)} images/s`,
  );

  const scratch = await mkdtemp(join(tmpdir(), "bench-embeddings-"));
  try {
    const real = existsSync(join(opts.weightsDir ?? defaultWeightsDir, "model.json"));
    const weightsDir = real ? (opts.weightsDir ?? defaultWeightsDir) : join(scratch, "resnet50");
    let modelPath: string;
    if (real) {
      const files = await readModelFiles(weightsDir);
      const onnx = await ensureBackboneOnnx({
        dir: weightsDir,
        weightsHash: files.weightsHash,
        batchNormEpsilon: BatchNormEpsilon,
        load: async () => files,
        log,
      });
      modelPath = onnx.path;
    } else {
      log("no ImageNet weights: benchmarking a random-weight ResNet50 of the same topology");
      const model = buildResNet();
      modelPath = join(scratch, "backbone.onnx");
      await writeFile(modelPath, exportOnnx(model).onnx);
      if (engines.includes("tfjs")) await writeModelFiles(model, weightsDir);
      model.dispose();
    }

    const rng = createRng(2020);
    const maxBatch = Math.max(...batches);
    const pixels = Uint8Array.from({length: maxBatch * SizePx * SizePx * 3}, () => rng.int(256));
    const rows: EmbeddingsMeasurement["embeddings"] = [];
    const time = async (engine: EmbeddingEngine, threads: number) => {
      for (const batch of batches) {
        const input = pixels.subarray(0, batch * SizePx * SizePx * 3);
        await engine.embed(input, batch, SizePx, "identity"); // warm-up: allocations, kernel selection
        let images = 0;
        const start = performance.now();
        do {
          await engine.embed(input, batch, SizePx, "identity");
          images += batch;
        } while (performance.now() - start < seconds * 1000);
        const imagesPerSecond = images / ((performance.now() - start) / 1000);
        rows.push({engine: engine.name, threads, batch, imagesPerSecond});
        log(`${engine.name} ${threads} thread(s) batch ${batch}: ${imagesPerSecond.toFixed(2)} images/s`);
      }
    };
    const all = availableParallelism();
    if (engines.includes("onnx")) {
      for (const threads of [...new Set([1, all])]) {
        // batchSize = the largest batch so each embed() call is one ORT run of exactly `batch` patches.
        const engine = await createOnnxEngine({modelPath, threads, batchSize: maxBatch});
        await time(engine, threads);
        await engine.dispose();
      }
    }
    if (engines.includes("tfjs")) {
      const engine = await createTfjsEngine(
        {weightsDir, batchNormEpsilon: BatchNormEpsilon, backend: "auto"},
        {microBatch: maxBatch, log},
      );
      await time(engine, engine.threads);
      await engine.dispose();
    }
    return {embeddings: rows, ceilingImagesPerSecond, ceiling, weights: real ? "imagenet" : "random"};
  } finally {
    await rm(scratch, {recursive: true, force: true});
  }
}

/** Rows for `npm run bench`: images/s and % of ceiling per engine/threads/batch, and onnx/tfjs ratios. */
export function embeddingRows(m: EmbeddingsMeasurement): Array<{name: string; value: number; unit: string}> {
  const rows = [{name: "FP32 ceiling (ResNet50 224 px)", value: m.ceilingImagesPerSecond, unit: "img/s"}];
  for (const r of m.embeddings) {
    const label = `${r.engine} ${r.threads}t batch ${r.batch}`;
    rows.push({name: `${label} (${m.weights} weights)`, value: r.imagesPerSecond, unit: "img/s"});
    rows.push({name: `${label} of ceiling`, value: (100 * r.imagesPerSecond) / m.ceilingImagesPerSecond, unit: "%"});
  }
  const isOnnx = (e: string) => e.startsWith("onnx");
  for (const batch of new Set(m.embeddings.map((r) => r.batch))) {
    const best = (pred: (e: string) => boolean) =>
      Math.max(0, ...m.embeddings.filter((r) => r.batch === batch && pred(r.engine)).map((r) => r.imagesPerSecond));
    const onnx = best(isOnnx);
    const tfjs = best((e) => e.startsWith("tfjs"));
    if (onnx > 0 && tfjs > 0) rows.push({name: `onnx/tfjs batch ${batch} (all cores)`, value: onnx / tfjs, unit: "×"});
  }
  return rows;
}

export async function benchEmbeddings(opts: BenchEmbeddingsOptions = {}) {
  return embeddingRows(await measureEmbeddings(opts));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {values} = parseArgs({
    options: {json: {type: "string"}, engines: {type: "string"}, batches: {type: "string"}, seconds: {type: "string"}},
  });
  const engines = values.engines?.split(",").map((e) => {
    if (e !== "onnx" && e !== "tfjs") throw new Error(`--engines: expected onnx and/or tfjs, got ${e}`);
    return e;
  });
  const batches = values.batches?.split(",").map(Number);
  if (batches?.some((b) => !Number.isInteger(b) || b < 1))
    throw new Error(`--batches: expected positive integers, got ${values.batches}`);
  const m = await measureEmbeddings({
    engines,
    batches,
    seconds: values.seconds === undefined ? undefined : Number(values.seconds),
  });
  for (const r of embeddingRows(m))
    process.stdout.write(`${r.name.padEnd(48)} ${r.value.toFixed(2).padStart(8)} ${r.unit}\n`);
  if (values.json) {
    const {embeddings, ceilingImagesPerSecond, ceiling, weights} = m;
    writeFileSync(values.json, `${JSON.stringify({embeddings, ceilingImagesPerSecond, ceiling, weights}, null, 2)}\n`);
  }
}
