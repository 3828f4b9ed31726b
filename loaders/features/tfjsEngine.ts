import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import type {Variant} from "../../src/components/study/vocabulary.js";
import {type BackboneRunner, createBackboneRunner, type LastConvOutput} from "./backboneRunner.js";
import type {BackboneSpec} from "./backboneSpec.js";
import {chooseBackend} from "./chooseBackend.js";
import {type EmbeddingEngine, EmbeddingSize} from "./engine.js";
import type {WorkerData, WorkerReply, WorkerRequest} from "./tfjsWorker.js";

/**
 * The reference embedding engine: the frozen ResNet50 in TensorFlow.js.
 *
 * - backend "tensorflow" (tfjs-node / -gpu, multi-threaded natively) and "cpu": the model runs in this thread.
 * - backend "wasm": TensorFlow.js disables wasm threads in Node, so one model runs per worker_thread (default: one per
 *   core) and each batch is split into contiguous chunks, one per worker; results are concatenated in order, so the
 *   output does not depend on the number of threads. Each worker holds its own copy of the weights (~100 MB).
 */
export interface TfjsEngineOptions {
  /** Patches per predict() call inside a thread. Default 8. */
  microBatch?: number;
  log: (msg: string) => void;
}

export interface TfjsEngine extends EmbeddingEngine {
  readonly backend: string;
  readonly threads: number;
  readonly modelId: string;
  readonly weightsHash: string;
  readonly layerCount: number;
  lastConv(pixels: Uint8Array, count: number, sizePx: number, variant: Variant): Promise<LastConvOutput>;
}

/**
 * The tfjs engine for `backbone`: `threads` (wasm only; 1 = run in this thread) default to
 * os.availableParallelism(); the backend asked for is resolved once here and every thread runs the one chosen.
 */
export async function createTfjsEngine(backbone: BackboneSpec, options: TfjsEngineOptions): Promise<TfjsEngine> {
  const microBatch = options.microBatch ?? 8;
  const choice = await chooseBackend(backbone.backend, options.log);
  const threads = choice.backend === "wasm" ? (backbone.threads ?? availableParallelism()) : 1;
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`tfjs engine: expected threads ≥ 1, got ${threads}`);
  const chosen: BackboneSpec = {...backbone, backend: choice.backend, threads: 1};
  if (threads === 1) {
    const runner = await createBackboneRunner(chosen, {microBatch, log: () => {}});
    return localEngine(runner);
  }
  options.log(`tfjs engine: starting ${threads} wasm worker threads (each loads the weights)`);
  const pool = await Promise.all(Array.from({length: threads}, () => startWorker({backbone: chosen, microBatch})));
  return workerEngine(pool);
}

function localEngine(runner: BackboneRunner): TfjsEngine {
  return {
    name: `tfjs-${runner.backend}`,
    backend: runner.backend,
    threads: 1,
    modelId: runner.modelId,
    weightsHash: runner.weightsHash,
    layerCount: runner.layerCount,
    embed: async (pixels, count, sizePx, variant) => runner.embed(pixels, count, sizePx, variant),
    lastConv: async (pixels, count, sizePx, variant) => runner.lastConv(pixels, count, sizePx, variant),
    dispose: async () => runner.dispose(),
  };
}

interface PooledWorker {
  worker: Worker;
  ready: Extract<WorkerReply, {ready: unknown}>["ready"];
  call(
    request: Omit<Extract<WorkerRequest, {op: "embed" | "lastConv"}>, "id"> | {op: "dispose"},
  ): Promise<Extract<WorkerReply, {values: Float32Array}>>;
}

// Workers start from a tiny CommonJS bootstrap that registers tsx (the sources are TypeScript) and imports the worker
// module; the parent's own loader hooks are not inherited by worker threads.
const bootstrap = `
const {workerData} = require("node:worker_threads");
import(workerData.tsxApi).then((tsx) => { tsx.register(); return import(workerData.workerUrl); })
  .catch((error) => { require("node:worker_threads").parentPort.postMessage({id: -1, ok: false, error: String(error && error.stack || error)}); });
`;

function startWorker(data: WorkerData): Promise<PooledWorker> {
  const workerUrl = new URL("./tfjsWorker.ts", import.meta.url).href;
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const worker = new Worker(bootstrap, {eval: true, workerData: {...data, workerUrl, tsxApi}});
  let nextId = 0;
  const pending = new Map<number, {resolve: (r: WorkerReply) => void; reject: (e: Error) => void}>();
  return new Promise((resolveReady, rejectReady) => {
    worker.on("error", (error) => {
      rejectReady(error);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    worker.on("message", (reply: WorkerReply) => {
      if (reply.id === -1) {
        if (!reply.ok || !("ready" in reply)) {
          void worker.terminate();
          rejectReady(new Error(`tfjs worker failed to start: ${"error" in reply ? reply.error : "no ready message"}`));
          return;
        }
        const pooled: PooledWorker = {
          worker,
          ready: reply.ready,
          call(request) {
            const id = nextId++;
            return new Promise((resolve, reject) => {
              pending.set(id, {
                resolve: (r) =>
                  r.ok && "values" in r
                    ? resolve(r)
                    : reject(new Error(`tfjs worker: ${"error" in r ? r.error : "bad reply"}`)),
                reject,
              });
              worker.postMessage({...request, id});
            });
          },
        };
        resolveReady(pooled);
        return;
      }
      const p = pending.get(reply.id);
      if (p) {
        pending.delete(reply.id);
        p.resolve(reply);
      }
    });
  });
}

/** Splits `count` items into at most `parts` contiguous, nearly equal chunks [start, n]. */
export function splitChunks(count: number, parts: number): Array<[start: number, n: number]> {
  const k = Math.max(1, Math.min(parts, count));
  const chunks: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < k; i++) {
    const n = Math.floor(count / k) + (i < count % k ? 1 : 0);
    if (n > 0) chunks.push([start, n]);
    start += n;
  }
  return chunks;
}

function workerEngine(pool: PooledWorker[]): TfjsEngine {
  const first = pool[0]!.ready;
  const run = async (op: "embed" | "lastConv", pixels: Uint8Array, count: number, sizePx: number, variant: Variant) => {
    const bytes = sizePx * sizePx * 3;
    if (pixels.length !== count * bytes) {
      throw new Error(
        `tfjs engine: expected ${count} patches of ${sizePx}×${sizePx}×3 bytes, got ${pixels.length} bytes`,
      );
    }
    const chunks = splitChunks(count, pool.length);
    return Promise.all(
      chunks.map(([start, n], i) =>
        pool[i]!.call({op, pixels: pixels.slice(start * bytes, (start + n) * bytes), count: n, sizePx, variant}),
      ),
    );
  };
  return {
    name: `tfjs-${first.backend}`,
    backend: first.backend,
    threads: pool.length,
    modelId: first.modelId,
    weightsHash: first.weightsHash,
    layerCount: first.layerCount,
    async embed(pixels, count, sizePx, variant) {
      const out = new Float32Array(count * EmbeddingSize);
      if (count === 0) return out;
      let offset = 0;
      for (const reply of await run("embed", pixels, count, sizePx, variant)) {
        out.set(reply.values, offset);
        offset += reply.values.length;
      }
      return out;
    },
    async lastConv(pixels, count, sizePx, variant) {
      const replies = await run("lastConv", pixels, count, sizePx, variant);
      const {height = 0, width = 0, channels = 0} = replies[0] ?? {};
      const activations = new Float32Array(count * height * width * channels);
      let offset = 0;
      for (const reply of replies) {
        activations.set(reply.values, offset);
        offset += reply.values.length;
      }
      return {activations, height, width, channels};
    },
    async dispose() {
      await Promise.all(pool.map((p) => p.call({op: "dispose"}).catch(() => undefined)));
      await Promise.all(pool.map((p) => p.worker.terminate()));
    },
  };
}
