/**
 * A sharded run as a small graph of jobs, independent of the scheduler: Slurm (slurmScripts.ts) and Kubernetes
 * (k8sManifests.ts) each render it. Array jobs run one task per shard; `{shard}` in a command stands for the task's
 * index (SLURM_ARRAY_TASK_ID / JOB_COMPLETION_INDEX).
 *
 *   prepare ─► preprocess[0…n−1] ─┬─► merge ───────────┐
 *                                 └─(task i → task i)─► embed[0…n−1] ─► train ─► evaluate ─► site
 *
 * Embed task i needs only preprocess task i (aftercorr), so embedding starts as soon as the first shard is done.
 */
export interface ClusterJob {
  name: string;
  /** Tasks of an array job; absent for a single job. */
  array?: number;
  /** argv after `workbench` (or, for the site, a shell line run in the repository). */
  command: string[];
  kind: "workbench" | "shell";
  after: Array<{job: string; type: "afterok" | "aftercorr"}>;
  /** Environment the job needs (the site build reads the study and cache from it). */
  env?: Record<string, string>;
}

export interface ClusterPlanOptions {
  shards: number;
  /** Absolute paths, as every node sees them (a shared folder). */
  cacheDir: string;
  studyPath: string | null;
  /** Where evaluate writes predictions-<protocol>.csv and metrics-<protocol>.json. */
  resultsDir: string;
  /** Worker threads per task (--jobs), the CPUs each task asks for. */
  jobs: number;
  site: boolean;
}

export function clusterPlan(o: ClusterPlanOptions): ClusterJob[] {
  if (!Number.isSafeInteger(o.shards) || o.shards < 1)
    throw new Error(`clusterPlan: expected shards ≥ 1, got ${o.shards}`);
  const common = [...(o.studyPath ? ["--study", o.studyPath] : []), "--cache", o.cacheDir];
  const jobs = ["--jobs", String(o.jobs)];
  const plan: ClusterJob[] = [
    {name: "prepare", kind: "workbench", command: ["prepare", ...common, ...jobs], after: []},
    {
      name: "preprocess",
      kind: "workbench",
      array: o.shards,
      command: ["preprocess", "--shard", `{shard}/${o.shards}`, ...common, ...jobs],
      after: [{job: "prepare", type: "afterok"}],
    },
    {
      name: "merge",
      kind: "workbench",
      command: ["merge", "--shards", String(o.shards), ...common],
      after: [{job: "preprocess", type: "afterok"}],
    },
    {
      name: "embed",
      kind: "workbench",
      array: o.shards,
      command: ["embed", "--shard", `{shard}/${o.shards}`, ...common, ...jobs, "--threads", String(o.jobs)],
      after: [{job: "preprocess", type: "aftercorr"}],
    },
    {
      // The model stage (heads on the cached embeddings) for both protocols, and their evaluation, cached.
      name: "train",
      kind: "workbench",
      command: ["run", ...common, ...jobs],
      after: [
        {job: "merge", type: "afterok"},
        {job: "embed", type: "afterok"},
      ],
    },
    {
      // Reads the cached runs and writes the predictions and metrics files the user (and test:slurm) compares.
      name: "evaluate",
      kind: "workbench",
      command: ["run", ...common, ...jobs, "--export", o.resultsDir],
      after: [{job: "train", type: "afterok"}],
    },
  ];
  if (o.site) {
    plan.push({
      name: "site",
      kind: "shell",
      command: ["npm", "run", "build"],
      after: [{job: "evaluate", type: "afterok"}],
      env: {WORKBENCH_CACHE: o.cacheDir, ...(o.studyPath ? {WORKBENCH_STUDY: o.studyPath} : {})},
    });
  }
  return plan;
}
