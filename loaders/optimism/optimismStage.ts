import type {OptimismProtocol} from "../../src/components/optimism/optimismArtifact.js";
import {aggregateByGroup} from "../../src/components/stats/aggregateByGroup.js";
import {
  biasCorrectedCalibration,
  calibrateGrid,
  calibrateKey,
  calibrationAtGrid,
} from "../../src/components/stats/biasCorrectedCalibration.js";
import {bootstrapDraws, harrellOptimism} from "../../src/components/stats/optimism.js";
import {ResponseMetricKeys, responseMetrics} from "../../src/components/stats/responseMetrics.js";
import {ValidationMetricKeys, validationMetrics} from "../../src/components/stats/validationMetrics.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {embedCohorts} from "../refit/embedCohorts.js";
import type {RefitShared} from "../refit/refitTask.js";
import {selectRows} from "../refit/selectRows.js";
import {defaultJobs, runPool} from "../runtime/workerPool.js";
import type {ModelArtifact} from "../train/modelArtifact.js";
import type {LabelledEmbeddings} from "../train/trainHead.js";

/**
 * Harrell's optimism for one protocol's run on its training cohort, at patient level: bootstrap samples of training
 * patients (a patient's patches travel together), the head refitted on each sample's cached embeddings with the run's
 * configuration (loaders/refit/refitHead.ts: the model stage's training, never the backbone), scored on the sample
 * and on every training patient. The apparent values are the run's own in-sample predictions, the numbers the pages
 * label in-sample, so corrected = what the page shows − optimism. Beside the indexes, rms::calibrate's curve of
 * P(CR) + P(PR): calibrate's measure (lowess curve − prediction) at its 50-point grid, bootstrapped in the same
 * replicates, gives the bias-corrected calibration curve (biasCorrectedCalibration.ts).
 */
export interface OptimismInput {
  /** The protocol's run configuration (switchProtocol applied). */
  config: StudyConfig;
  cohorts: Record<string, PatchSet>;
  model: ModelArtifact;
  embeddingsDir: string;
  seed: number;
  /** Worker threads for the refits (default: every core). */
  jobs?: number;
  log(message: string): void;
}

export async function optimismStage(input: OptimismInput): Promise<OptimismProtocol> {
  const {config, model, log} = input;
  const started = performance.now();
  const training = model.provenance.trainingCohort;
  const set = input.cohorts[training];
  if (!set || set.records.length === 0)
    throw new Error(`optimism: training cohort ${training} of run ${model.runId} has no patches`);
  const variants = [...config.augmentation.variants];
  const embedded = (
    await embedCohorts(model, input.cohorts, [training], variants, input.embeddingsDir, `optimism (${config.protocol})`)
  ).get(training) as LabelledEmbeddings;
  // Patients in first-seen order, each with its patch rows.
  const patients: string[] = [];
  const rowsOf = new Map<string, number[]>();
  set.records.forEach((r, i) => {
    const rows = rowsOf.get(r.patientId);
    if (rows) rows.push(i);
    else {
      patients.push(r.patientId);
      rowsOf.set(r.patientId, [i]);
    }
  });
  const truth = patients.map((p) => embedded.labels[(rowsOf.get(p) as number[])[0] as number] as number);
  const allRows = set.records.map((_, i) => i);
  const original = selectRows([{set: embedded, rows: allRows}], ["identity"]);
  const toPatients = (patchProbabilities: ArrayLike<number>[]) => {
    const groups = aggregateByGroup(
      set.records.map((r) => r.patientId),
      patchProbabilities,
      config.evaluation.aggregation,
    );
    const byId = new Map(groups.map((g) => [g.key, g.mean]));
    return patients.map((p) => byId.get(p) as number[]);
  };

  // The run's own in-sample patient probabilities (the pages' in-sample numbers).
  const own = new Map(
    model.predictions.filter((p) => p.cohort === training).map((p) => [p.patchId, p.probabilities] as const),
  );
  const apparentPatches = set.records.map((r) => {
    const p = own.get(r.patchId);
    if (!p)
      throw new Error(`optimism: patch ${r.patchId} of patient ${r.patientId} has no prediction in run ${model.runId}`);
    return p;
  });
  const apparentPatients = toPatients(apparentPatches);
  const all = patients.map((_, i) => i);
  const responder = (p: readonly number[]) => (p[0] as number) + (p[1] as number);
  const outcome = truth.map((t) => (t === 0 || t === 1 ? 1 : 0));
  const apparentScores = apparentPatients.map(responder);
  // calibrate needs more than 10 patients; with fewer the curve is left out and the indexes still run.
  const grid = patients.length > 10 ? calibrateGrid(apparentScores) : null;
  const gridKeys = grid ? grid.map((_, i) => calibrateKey(i)) : [];
  const calibrationMeasure = (patientProbabilities: number[][], units: readonly number[]) => {
    if (!grid) return {};
    const curve = calibrationAtGrid(
      units.map((u) => responder(patientProbabilities[u] as number[])),
      units.map((u) => outcome[u] as number),
      grid,
    );
    return Object.fromEntries(
      gridKeys.map((k, i) => [k, curve[i] === null ? null : (curve[i] as number) - (grid[i] as number)]),
    );
  };

  // The refits, on every core (runtime/workerPool.ts; each replicate's rows drawn here as harrellOptimism draws
  // them, the results back in replicate order, so the estimates do not depend on the number of workers).
  const draws = bootstrapDraws(patients.length, config.optimism.replicates, input.seed);
  const refits = await runPool<{replicate: number; rows: number[]}, Float64Array>({
    module: new URL("../refit/refitTask.ts", import.meta.url),
    exportName: "refitTask",
    tasks: draws.map((draw, replicate) => ({
      replicate,
      rows: draw.flatMap((u) => rowsOf.get(patients[u] as string) as number[]),
    })),
    jobs: input.jobs ?? defaultJobs(),
    shared: {
      name: `${training} optimism bootstrap`,
      train: embedded,
      heldOut: original,
      config,
      variants,
    } satisfies RefitShared,
  });
  const refitted = performance.now();
  const estimates = harrellOptimism({
    units: patients.length,
    fit: (_draw, b) => {
      const probs = refits[b] as Float64Array;
      return toPatients(allRows.map((i) => probs.subarray(i * 4, i * 4 + 4)));
    },
    score: (patientProbabilities, units) => ({
      ...responseMetrics(truth, patientProbabilities, units),
      ...validationMetrics(truth, patientProbabilities, units),
      ...calibrationMeasure(patientProbabilities, units),
    }),
    metrics: [...ResponseMetricKeys, ...ValidationMetricKeys, ...gridKeys],
    replicates: config.optimism.replicates,
    seed: input.seed,
    apparent: {
      ...responseMetrics(truth, apparentPatients, all),
      ...validationMetrics(truth, apparentPatients, all),
      ...calibrationMeasure(apparentPatients, all),
    },
  });
  const metrics = Object.fromEntries(
    [...ResponseMetricKeys, ...ValidationMetricKeys].map((k) => [k, estimates[k]]),
  ) as OptimismProtocol["metrics"];
  const calibration = grid ? biasCorrectedCalibration(grid, estimates, apparentScores) : null;
  const scored = performance.now();
  const seconds = (performance.now() - started) / 1000;
  log(
    `optimism (${config.protocol}): ${config.optimism.replicates} bootstrap refits (${input.jobs ?? defaultJobs()} workers) on ${patients.length} ${training} patients in ${seconds.toFixed(1)} s (refits ${((refitted - started) / 1000).toFixed(1)} s, scoring ${((scored - refitted) / 1000).toFixed(1)} s)`,
  );
  return {
    runId: model.runId,
    patients: patients.length,
    metrics,
    calibration,
    ...(grid
      ? {}
      : {calibrationNote: `rms::calibrate needs more than 10 patients; ${training} has ${patients.length}`}),
    seconds,
  };
}
