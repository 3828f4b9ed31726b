import type {UploadRequest} from "./evaluateUpload.js";
import type {FromWorker} from "./workerMessages.js";

/**
 * Runs one evaluation in a fresh module worker (the bundle at `url`, from data/predictions-worker.js) and resolves with
 * its answer; `onProgress` sees every progress message. A new file or new settings invalidate the page cell, which
 * terminates this worker, so an abandoned evaluation stops using the CPU at once.
 */
export function runInWorker(
  url: string,
  request: UploadRequest,
  onProgress: (stage: string, done: number, total: number) => void,
  invalidation?: Promise<unknown>,
): Promise<Extract<FromWorker, {type: "result"} | {type: "error"}>> {
  const worker = new Worker(url, {type: "module"});
  invalidation?.then(() => worker.terminate());
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === "progress") onProgress(message.stage, message.done, message.total);
      else {
        worker.terminate();
        resolve(message);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({type: "error", message: `the evaluation worker failed: ${event.message || "unknown error"}`});
    };
    worker.postMessage(request);
  });
}
