import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";

/**
 * A pool of worker threads that runs one exported function of a TypeScript module over a list of tasks (one patient
 * per task) and returns the results in task order, whatever order they finish in: callers assemble them exactly as a
 * sequential loop would, so the output does not depend on the number of workers.
 *
 * `jobs <= 1` (or a single task) runs the same function in this thread, with no worker at all; that is also the
 * reference the pool is tested against byte for byte. A task that throws is a bug (per-patient problems are returned
 * as values by the task functions), so the pool rejects, naming the task's index, and stops its workers.
 */
export interface PoolOptions<T, R> {
  /** URL of the module (import.meta.url-relative) whose export runs each task. */
  module: URL;
  /** The exported function's name: (task, shared) => result | Promise<result>. */
  exportName: string;
  tasks: readonly T[];
  /** Worker threads; default defaultJobs(). */
  jobs?: number;
  /** Structured-cloned once into every worker (the study configuration), passed as the function's second argument. */
  shared?: unknown;
  /** Called on this thread as each task finishes (completion order), with the count finished so far. */
  onResult?(index: number, result: R, finished: number): void;
  /**
   * Runs every task in this thread with this function instead of the module's export: for a task that needs a
   * function (a test's reader or writer), which cannot cross into a worker.
   */
  inThread?(task: T): R | Promise<R>;
}

/** The default --jobs: every core Node may use (os.availableParallelism honours CPU affinity, e.g. under Slurm). */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

type TaskFunction = (task: unknown, shared: unknown) => unknown;

async function loadTask<T, R>(options: PoolOptions<T, R>): Promise<(task: T) => R | Promise<R>> {
  const {module, exportName, shared} = options;
  const mod = (await import(module.href)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== "function") throw new Error(`workerPool: ${module.href} has no exported function ${exportName}`);
  return (task) => (fn as TaskFunction)(task, shared) as R | Promise<R>;
}

export async function runPool<T, R>(options: PoolOptions<T, R>): Promise<R[]> {
  const {tasks} = options;
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), tasks.length));
  const results = new Array<R>(tasks.length);
  if (jobs <= 1 || options.inThread) {
    const fn = options.inThread ?? (await loadTask(options));
    for (const [index, task] of tasks.entries()) {
      const result = await fn(task);
      results[index] = result;
      options.onResult?.(index, result, index + 1);
    }
    return results;
  }
  let next = 0;
  let finished = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const feed = (worker: Worker) => {
        if (failed) return;
        if (next >= tasks.length) {
          void worker.terminate();
          return;
        }
        const index = next++;
        worker.postMessage({index, task: tasks[index]});
      };
      for (let w = 0; w < jobs; w++) {
        const worker = new Worker(bootstrap, {
          eval: true,
          workerData: {
            tsxApi: import.meta.resolve("tsx/esm/api"),
            module: options.module.href,
            exportName: options.exportName,
            shared: options.shared,
          },
        });
        workers.push(worker);
        worker.on("error", (error) => fail(new Error(`workerPool: a worker crashed: ${error.message}`)));
        worker.on("message", (reply: Reply) => {
          if (reply.kind === "ready") {
            feed(worker);
            return;
          }
          if (!reply.ok) {
            fail(new Error(`workerPool: task ${reply.index} failed: ${reply.error}`));
            return;
          }
          results[reply.index] = reply.result as R;
          finished++;
          options.onResult?.(reply.index, reply.result as R, finished);
          if (finished === tasks.length) resolve();
          else feed(worker);
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

type Reply =
  | {kind: "ready"}
  | {kind: "result"; index: number; ok: true; result: unknown}
  | {kind: "result"; index: number; ok: false; error: string};

// Workers start from a tiny CommonJS bootstrap that registers tsx (the sources are TypeScript; the parent's loader
// hooks are not inherited by worker threads) and imports the task module. Typed arrays that own their whole buffer
// are transferred back instead of copied (patch pixels are the bulk of a result).
const bootstrap = `
const {workerData, parentPort} = require("node:worker_threads");
const transferables = (value, out = new Set()) => {
  if (ArrayBuffer.isView(value)) {
    const b = value.buffer;
    if (b instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === b.byteLength) out.add(b);
  } else if (Array.isArray(value)) {
    for (const v of value) transferables(v, out);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) transferables(v, out);
  }
  return out;
};
import(workerData.tsxApi)
  .then((tsx) => { tsx.register(); return import(workerData.module); })
  .then((mod) => {
    const fn = mod[workerData.exportName];
    if (typeof fn !== "function") throw new Error(workerData.module + " has no exported function " + workerData.exportName);
    parentPort.on("message", async ({index, task}) => {
      try {
        const result = await fn(task, workerData.shared);
        parentPort.postMessage({kind: "result", index, ok: true, result}, [...transferables(result)]);
      } catch (error) {
        parentPort.postMessage({kind: "result", index, ok: false, error: String((error && error.stack) || error)});
      }
    });
    parentPort.postMessage({kind: "ready"});
  })
  .catch((error) => { throw error; });
`;
