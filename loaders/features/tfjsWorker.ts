import {parentPort, workerData} from "node:worker_threads";
import {type BackboneRunner, createBackboneRunner} from "./backboneRunner.js";
import type {BackboneSpec} from "./backboneSpec.js";

/**
 * One thread of the tfjs engine: loads its own copy of the backbone (the wasm backend is single-threaded in Node, so
 * parallelism comes from one model per worker) and serves embed / lastConv requests posted by tfjsEngine.ts.
 */
export type WorkerRequest =
  | {id: number; op: "embed" | "lastConv"; pixels: Uint8Array; count: number; sizePx: number; variant: string}
  | {id: number; op: "dispose"};

/** What tfjsEngine.ts starts each worker with (structured-cloned as workerData). */
export interface WorkerData {
  backbone: BackboneSpec;
  microBatch: number;
}

export type WorkerReply =
  | {id: number; ok: true; values: Float32Array; height?: number; width?: number; channels?: number}
  | {id: number; ok: false; error: string}
  | {
      id: -1;
      ok: true;
      ready: {backend: string; provider: string; modelId: string; weightsHash: string; layerCount: number};
    }
  | {id: -1; ok: false; error: string};

const port = parentPort;
if (!port) throw new Error("tfjsWorker.ts must run inside a worker thread");

const data = workerData as WorkerData;
let runner: BackboneRunner | undefined;
try {
  runner = await createBackboneRunner(data.backbone, {microBatch: data.microBatch, log: () => {}});
  const {backend, provider, modelId, weightsHash, layerCount} = runner;
  port.postMessage({
    id: -1,
    ok: true,
    ready: {backend, provider, modelId, weightsHash, layerCount},
  } satisfies WorkerReply);
} catch (error) {
  port.postMessage({id: -1, ok: false, error: (error as Error).message} satisfies WorkerReply);
}

port.on("message", (request: WorkerRequest) => {
  try {
    if (request.op === "dispose") {
      runner?.dispose();
      port.postMessage({id: request.id, ok: true, values: new Float32Array(0)} satisfies WorkerReply);
      port.close();
      return;
    }
    if (!runner) throw new Error("backbone not loaded");
    const variant = request.variant as Parameters<BackboneRunner["embed"]>[3];
    if (request.op === "embed") {
      const values = runner.embed(request.pixels, request.count, request.sizePx, variant);
      port.postMessage({id: request.id, ok: true, values} satisfies WorkerReply, [values.buffer as ArrayBuffer]);
    } else {
      const out = runner.lastConv(request.pixels, request.count, request.sizePx, variant);
      const {height, width, channels} = out;
      port.postMessage(
        {id: request.id, ok: true, values: out.activations, height, width, channels} satisfies WorkerReply,
        [out.activations.buffer as ArrayBuffer],
      );
    }
  } catch (error) {
    port.postMessage({id: request.id, ok: false, error: (error as Error).message} satisfies WorkerReply);
  }
});
