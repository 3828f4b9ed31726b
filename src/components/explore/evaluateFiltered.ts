import type {PredictionRecord} from "../predictions/predictionColumns.js";
import {writePredictionsCsv} from "../predictions/writePredictionsCsv.js";
import {type EvaluateOptions, type Evaluation, evaluatePredictions} from "../stats/evaluatePredictions.js";
import {runInWorker} from "../yourPredictions/workerClient.js";

/**
 * From this many patients on, the Explore page evaluates in a Web Worker (the Your predictions page's worker,
 * data/predictions-worker.js); below it, on the page's own thread. 180 patients (451 patch rows) with 1,000
 * bootstrap replicates per interval and 99 decision-curve thresholds took 0.36–0.64 s in Node on a shared 2-core
 * machine, so the page stays usable below this size, and a worker would add a CSV round trip and a module start to
 * every change of the filter.
 */
export const WorkerFromPatients = 2000;

export interface FilteredEvaluation {
  evaluation: Evaluation;
  where: "main thread" | "worker";
  patients: number;
  milliseconds: number;
}

/** Where a worker comes from: the bundle's URL and the cell's invalidation (a new filter stops the old worker). */
export interface WorkerSource {
  url: string;
  invalidation?: Promise<unknown>;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/**
 * Every statistic of the report for the filtered patients' prediction rows: `evaluatePredictions(rows, options)`,
 * with `options` metrics.json's own (passed back whole, so aggregation, thresholds and calibration bins are the
 * site's), per cohort. With `WorkerFromPatients` patients or more and a worker given, the rows go to the worker as a
 * predictions CSV (writePredictionsCsv writes every probability as its shortest round-trip decimal, so the worker reads
 * back exactly these numbers) and the worker runs the same function. Rejects with the worker's message on failure.
 */
export async function evaluateFiltered(
  rows: readonly PredictionRecord[],
  options: EvaluateOptions,
  worker: WorkerSource | null,
): Promise<FilteredEvaluation> {
  const patients = new Set(rows.map((r) => `${r.cohort}\u0000${r.patientId}`)).size;
  const started = now();
  if (worker === null || patients < WorkerFromPatients) {
    const evaluation = evaluatePredictions(rows, options);
    return {evaluation, where: "main thread", patients, milliseconds: now() - started};
  }
  // Without the protocol column the worker evaluates one model, named "your model".
  const text = writePredictionsCsv(rows.map(({protocol: _protocol, ...rest}) => rest));
  const answer = await runInWorker(
    worker.url,
    {text, source: "the filtered patients", siteText: null, siteProtocol: null, options},
    worker.onProgress ?? (() => {}),
    worker.invalidation,
  );
  if (answer.type === "error") throw new Error(answer.message);
  const [evaluation] = Object.values(answer.result.models);
  if (evaluation === undefined) throw new Error("the evaluation worker returned no model for the filtered patients");
  return {evaluation, where: "worker", patients, milliseconds: now() - started};
}

const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());
