// Embedding throughput of each engine on the same patches: ONNX Runtime FP32 and int8 (1 thread, all cores) and the
// tfjs reference engine, batches 1/8/32, as images/s, as a percentage of this machine's MEASURED peak (a square
// MatMul on ONNX Runtime, onnx/measuredPeak.ts; FP32 engines against the FP32 peak, int8 against the int8 peak; the
// /proc/cpuinfo formula's figure is reported beside it), the onnx/tfjs and int8/FP32 ratios, and how closely the int8
// embeddings agree with FP32's (cosine similarity on held-out demo patches, int8Sample.ts).
// Standalone: `node --import tsx bench/embeddings.ts [--json out.json] [--engines onnx,onnx-int8,tfjs]
// [--batches 1,8,32] [--seconds 3]`. Uses the ImageNet weights in models/weights/resnet50 when present (exporting
// backbone.onnx and the int8 graph beside them once), else a random-weight ResNet50 of the same topology.
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {availableParallelism, tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {parseArgs} from "node:util";
import type {EmbeddingEngine} from "../loaders/features/engine.js";
import {ensureBackboneOnnx} from "../loaders/features/onnx/backboneCache.js";
import {rowCosines} from "../loaders/features/onnx/embeddingAgreement.js";
import {type Fp32Ceiling, fp32Ceiling, ResNet50GflopPerImage} from "../loaders/features/onnx/fp32Ceiling.js";
import {calibrationSample, ensureInt8Backbone} from "../loaders/features/onnx/int8Backbone.js";
import {type MeasuredPeak, measurePeak} from "../loaders/features/onnx/measuredPeak.js";
import {quantizeBackbone} from "../loaders/features/onnx/quantizeBackbone.js";
import {createOnnxEngine} from "../loaders/features/onnxEngine.js";
import {exportOnnx} from "../loaders/features/onnxExport.js";
import {createTfjsEngine} from "../loaders/features/tfjsEngine.js";
import {defaultWeightsDir} from "../loaders/weights/fetchWeights.js";
import {readModelFiles} from "../loaders/weights/readModelFiles.js";
import {writeModelFiles} from "../loaders/weights/writeModelFiles.js";
import {buildResNet} from "../models/resNetTopology.js";
import {modelIdOf} from "../models/resnet50.js";
import {createRng} from "../src/components/stats/random.js";
import type {Engine} from "../src/components/study/vocabulary.js";
import {int8Sample} from "./int8Sample.js";

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
  /** The /proc/cpuinfo formula's FP32 figure, in images/s (reported; percentages divide by the measured peaks). */
  ceilingImagesPerSecond: number;
  ceiling: Fp32Ceiling;
  /** Measured peaks (all cores); int8 only when the int8 engine ran. */
  peaks: {fp32: MeasuredPeak; int8?: MeasuredPeak};
  /** int8 against FP32 on held-out patches: per-patch cosine similarity of the embeddings. */
  agreement?: {patches: number; meanCosine: number; minCosine: number; source: string; calibration: string};
  /** CPU flags that decide int8 speed (avx512_vnni, avx_vnni), "none" without them. */
  int8Flags: string;
  weights: "imagenet" | "random";
}

const SizePx = 224;
const BatchNormEpsilon = 1e-3;

/** Runs the measurements; returns them in the `--json` shape (plus the ceiling's derivation). */
export async function measureEmbeddings(opts: BenchEmbeddingsOptions = {}): Promise<EmbeddingsMeasurement> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const engines = opts.engines ?? ["onnx", "onnx-int8", "tfjs"];
  const batches = opts.batches ?? [1, 8, 32];
  const seconds = opts.seconds ?? 3;
  const all = availableParallelism();
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const ceiling = fp32Ceiling(cpuinfo);
  const ceilingImagesPerSecond = ceiling.gflopsPerSecond / ResNet50GflopPerImage;
  const int8Flags = [...new Set(cpuinfo.match(/\b(avx512_vnni|avx_vnni)\b/g) ?? [])].sort().join(" ") || "none";
  log(
    `FP32 ceiling by formula: ${ceiling.derivation}; / ${ResNet50GflopPerImage} GFLOP per image = ${ceilingImagesPerSecond.toFixed(1)} images/s`,
  );
  const peaks = {
    fp32: await bestPeak("fp32"),
    ...(engines.includes("onnx-int8") ? {int8: await bestPeak("int8")} : {}),
  };
  log(`measured FP32 peak: ${peaks.fp32.derivation}`);
  if (peaks.int8) log(`measured int8 peak: ${peaks.int8.derivation} (int8 dot-product flags: ${int8Flags})`);
  let agreement: EmbeddingsMeasurement["agreement"];

  const scratch = await mkdtemp(join(tmpdir(), "bench-embeddings-"));
  try {
    const real = existsSync(join(opts.weightsDir ?? defaultWeightsDir, "model.json"));
    const weightsDir = real ? (opts.weightsDir ?? defaultWeightsDir) : join(scratch, "resnet50");
    let modelPath: string;
    let int8Path: string | undefined;
    let calibration = "";
    const sample = engines.includes("onnx-int8") ? await int8Sample(32) : undefined;
    const calib = sample ? calibrationSample(sample.training) : undefined;
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
      if (calib) {
        const fp32ModelId = modelIdOf(files.weightsHash, BatchNormEpsilon);
        const int8 = await ensureInt8Backbone({
          dir: weightsDir,
          weightsHash: files.weightsHash,
          batchNormEpsilon: BatchNormEpsilon,
          fp32ModelId,
          calibration: calib,
          fp32Path: onnx.path,
          load: async () => files,
          threads: availableParallelism(),
          log,
        });
        int8Path = int8.path;
      }
    } else {
      log("no ImageNet weights: benchmarking a random-weight ResNet50 of the same topology");
      const model = buildResNet();
      modelPath = join(scratch, "backbone.onnx");
      await writeFile(modelPath, exportOnnx(model).onnx);
      if (calib) {
        int8Path = join(scratch, "backbone-int8.onnx");
        await writeFile(int8Path, (await quantizeBackbone(model, calib.sample, {threads: all})).onnx);
      }
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
    if (calib && sample) calibration = `${calib.description}; from ${sample.source}`;
    const graphs = [
      ...(engines.includes("onnx") ? [{path: modelPath, int8: false}] : []),
      ...(int8Path ? [{path: int8Path, int8: true}] : []),
    ];
    for (const graph of graphs) {
      for (const threads of [...new Set([1, all])]) {
        // batchSize = the largest batch so each embed() call is one ORT run of exactly `batch` patches.
        const engine = await createOnnxEngine({modelPath: graph.path, threads, batchSize: maxBatch, int8: graph.int8});
        await time(engine, threads);
        await engine.dispose();
      }
    }
    if (int8Path && sample) {
      agreement = await agree(modelPath, int8Path, sample, calibration);
      log(
        `int8 vs FP32 on ${agreement.patches} held-out patches: cosine mean ${agreement.meanCosine.toFixed(5)}, min ${agreement.minCosine.toFixed(5)} (calibration: ${calibration})`,
      );
      for (const batch of batches) {
        const at = (e: string) => rows.find((r) => r.engine === e && r.batch === batch && r.threads === all);
        const [fp32, int8] = [at("onnx-cpu"), at("onnx-int8-cpu")];
        if (fp32 && int8 && int8.imagesPerSecond <= fp32.imagesPerSecond)
          log(`int8 is NOT faster than FP32 on this machine at batch ${batch} (int8 dot-product flags: ${int8Flags})`);
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
    return {
      embeddings: rows,
      ceilingImagesPerSecond,
      ceiling,
      peaks,
      ...(agreement ? {agreement} : {}),
      int8Flags,
      weights: real ? "imagenet" : "random",
    };
  } finally {
    await rm(scratch, {recursive: true, force: true});
  }
}

/**
 * The measured peak on all cores: the best of a 512² and a 1024² product (short runs are likelier to find the cores
 * free when other work shares them; a busy machine can only lower the figure).
 */
async function bestPeak(kind: "fp32" | "int8"): Promise<MeasuredPeak> {
  const small = await measurePeak(kind, {n: 512, repeats: 40});
  const large = await measurePeak(kind, {n: 1024, repeats: 8});
  return small.gopsPerSecond >= large.gopsPerSecond ? small : large;
}

/** int8 against FP32 embeddings of the held-out patches (batch 8, all cores): per-patch cosine similarity. */
async function agree(
  fp32Path: string,
  int8Path: string,
  sample: Awaited<ReturnType<typeof int8Sample>>,
  calibration: string,
): Promise<NonNullable<EmbeddingsMeasurement["agreement"]>> {
  const {pixels, count, sizePx} = sample.heldOut;
  const embed = async (modelPath: string, int8: boolean) => {
    const engine = await createOnnxEngine({modelPath, batchSize: 8, int8});
    try {
      return await engine.embed(pixels, count, sizePx, "identity");
    } finally {
      await engine.dispose();
    }
  };
  const cos = rowCosines(await embed(fp32Path, false), await embed(int8Path, true), 2048);
  return {
    patches: count,
    meanCosine: cos.reduce((a, b) => a + b, 0) / cos.length,
    minCosine: Math.min(...cos),
    source: sample.source,
    calibration,
  };
}

/** Rows for `npm run bench`: images/s and % of ceiling per engine/threads/batch, and onnx/tfjs ratios. */
export function embeddingRows(m: EmbeddingsMeasurement): Array<{name: string; value: number; unit: string}> {
  const perImage = (gops: number) => gops / ResNet50GflopPerImage;
  const rows = [
    {name: "FP32 ceiling by /proc/cpuinfo formula", value: m.ceiling.gflopsPerSecond, unit: "GFLOP/s"},
    {name: "FP32 peak measured (MatMul, all cores)", value: m.peaks.fp32.gopsPerSecond, unit: "GFLOP/s"},
    {name: "FP32 peak measured (ResNet50 224 px)", value: perImage(m.peaks.fp32.gopsPerSecond), unit: "img/s"},
  ];
  if (m.peaks.int8) {
    rows.push({
      name: "int8 peak measured (MatMulInteger, all cores)",
      value: m.peaks.int8.gopsPerSecond,
      unit: "GOP/s",
    });
    rows.push({
      name: "int8 peak measured (ResNet50 224 px)",
      value: perImage(m.peaks.int8.gopsPerSecond),
      unit: "img/s",
    });
  }
  for (const r of m.embeddings) {
    const label = `${r.engine} ${r.threads}t batch ${r.batch}`;
    const int8 = r.engine.includes("int8");
    const peak = int8 ? m.peaks.int8 : m.peaks.fp32;
    rows.push({name: `${label} (${m.weights} weights)`, value: r.imagesPerSecond, unit: "img/s"});
    if (peak) {
      const value = (100 * r.imagesPerSecond) / perImage(peak.gopsPerSecond);
      rows.push({name: `${label} of measured ${int8 ? "int8" : "FP32"} peak`, value, unit: "%"});
    }
  }
  for (const batch of new Set(m.embeddings.map((r) => r.batch))) {
    const at = (engine: string) =>
      Math.max(
        0,
        ...m.embeddings.filter((r) => r.batch === batch && r.engine === engine).map((r) => r.imagesPerSecond),
      );
    const [fp32, int8] = [at("onnx-cpu"), at("onnx-int8-cpu")];
    if (fp32 > 0 && int8 > 0)
      rows.push({name: `onnx-int8/onnx batch ${batch} (VNNI: ${m.int8Flags})`, value: int8 / fp32, unit: "×"});
  }
  if (m.agreement) {
    rows.push({
      name: `int8 vs FP32 mean cosine (${m.agreement.patches} patches)`,
      value: m.agreement.meanCosine,
      unit: "",
    });
    rows.push({
      name: `int8 vs FP32 min cosine (${m.agreement.patches} patches)`,
      value: m.agreement.minCosine,
      unit: "",
    });
  }
  const isOnnx = (e: string) => e.startsWith("onnx");
  for (const batch of new Set(m.embeddings.map((r) => r.batch))) {
    const best = (pred: (e: string) => boolean) =>
      Math.max(0, ...m.embeddings.filter((r) => r.batch === batch && pred(r.engine)).map((r) => r.imagesPerSecond));
    const onnx = best((e) => isOnnx(e) && !e.includes("int8"));
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
    if (e !== "onnx" && e !== "onnx-int8" && e !== "tfjs")
      throw new Error(`--engines: expected onnx, onnx-int8 and/or tfjs, got ${e}`);
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
  if (values.json) writeFileSync(values.json, `${JSON.stringify(m, null, 2)}\n`);
}
