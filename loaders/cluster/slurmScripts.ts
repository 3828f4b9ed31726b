import type {ClusterJob} from "./clusterPlan.js";

/**
 * sbatch scripts for a cluster plan: one script per job, arrays as `--array=0-(n−1)` with one log per task
 * (`<name>_<task>.out`). Dependencies are not in the scripts (job ids exist only once submitted): sbatchArgs gives the
 * `--dependency` line for a job from the ids of the jobs it follows, and submit.sh (for --dry-run) chains them the
 * same way with shell variables.
 */
export interface SlurmOptions {
  repo: string;
  /** Folder of the scripts and logs (shared). */
  workDir: string;
  partition?: string;
  /** CPUs per task (the workers of --jobs). */
  cpusPerTask: number;
  /** Node binary as the nodes see it. */
  node?: string;
}

export const shellQuote = (s: string): string =>
  /^[\w@%+=:,./{}$-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;

export function logPath(o: Pick<SlurmOptions, "workDir">, job: string, task?: number): string {
  return `${o.workDir}/logs/${job}${task === undefined ? "" : `_${task}`}.out`;
}

export function slurmScript(job: ClusterJob, o: SlurmOptions): string {
  const lines = [
    "#!/bin/bash",
    `#SBATCH --job-name=tace-${job.name}`,
    `#SBATCH --output=${o.workDir}/logs/${job.name}${job.array ? "_%a" : ""}.out`,
    `#SBATCH --cpus-per-task=${o.cpusPerTask}`,
    ...(job.array ? [`#SBATCH --array=0-${job.array - 1}`] : []),
    ...(o.partition ? [`#SBATCH --partition=${o.partition}`] : []),
    "set -euo pipefail",
    `cd ${shellQuote(o.repo)}`,
    ...Object.entries(job.env ?? {}).map(([k, v]) => `export ${k}=${shellQuote(v)}`),
  ];
  const argv = job.command.map((a) => shellQuote(a).replaceAll("{shard}", "${SLURM_ARRAY_TASK_ID}"));
  const quotedArgv = argv.map((a) => (a.includes("${SLURM_ARRAY_TASK_ID}") ? `"${a}"` : a));
  if (job.kind === "workbench") lines.push(`exec ${o.node ?? "node"} bin/workbench.mjs ${quotedArgv.join(" ")}`);
  else lines.push(`exec ${quotedArgv.join(" ")}`);
  return `${lines.join("\n")}\n`;
}

/** sbatch's arguments for one job, given the ids of the jobs already submitted. */
export function sbatchArgs(job: ClusterJob, scriptPath: string, ids: ReadonlyMap<string, string>): string[] {
  const deps = job.after.map((d) => {
    const id = ids.get(d.job);
    if (!id) throw new Error(`slurm: job ${job.name} follows ${d.job}, which has not been submitted`);
    return `${d.type}:${id}`;
  });
  // kill-on-invalid-dep: a job whose dependency failed is cancelled (DependencyNeverSatisfied) instead of pending forever.
  return [
    "--parsable",
    ...(deps.length ? [`--dependency=${deps.join(",")}`, "--kill-on-invalid-dep=yes"] : []),
    scriptPath,
  ];
}

/** submit.sh: the same chain for a person to run (or read) by hand. */
export function submitScript(jobs: readonly ClusterJob[], scriptPath: (job: ClusterJob) => string): string {
  const variable = (name: string) => `JOB_${name.toUpperCase()}`;
  const lines = [
    "#!/bin/bash",
    "# Submits the stages in order, each depending on the ones it needs.",
    "set -euo pipefail",
  ];
  for (const job of jobs) {
    const deps = job.after.map((d) => `${d.type}:$${variable(d.job)}`).join(",");
    const dep = deps ? ` --dependency=${deps} --kill-on-invalid-dep=yes` : "";
    lines.push(`${variable(job.name)}=$(sbatch --parsable${dep} ${shellQuote(scriptPath(job))})`);
    lines.push(`echo "${job.name}: $${variable(job.name)}"`);
  }
  return `${lines.join("\n")}\n`;
}
