import {join} from "node:path";
import type {ClusterJob} from "./clusterPlan.js";
import {logPath, type SlurmOptions, sbatchArgs, slurmScript, submitScript} from "./slurmScripts.js";
import {finished, parseScontrolJobs, type SlurmTask} from "./slurmState.js";

/**
 * Submits a cluster plan to Slurm and follows it to the end. Every effect (running sbatch/scontrol, writing scripts,
 * reading logs, waiting) is passed in, so the whole protocol is unit-tested with a fake cluster.
 *
 * Success means every job, and every task of every array, ended COMPLETED: `sbatch --wait` is not enough (it returns
 * 0 for a job cancelled because a dependency failed), so the executor polls `scontrol -o show job` itself and reports
 * each task that did not complete by stage and shard index, with the tail of its log.
 */
export interface SlurmEffects {
  run(command: string, args: string[]): Promise<{code: number; stdout: string; stderr: string}>;
  writeScript(path: string, text: string): Promise<void>;
  readLog(path: string): Promise<string | undefined>;
  sleep(ms: number): Promise<void>;
  log(message: string): void;
}

export interface SlurmRunResult {
  ok: boolean;
  /** Job id per stage. */
  ids: Record<string, string>;
  /** Tasks that did not complete, with what to tell the user. */
  failures: Array<{job: string; shard?: number; state: string; reason: string; exitCode: string; log: string}>;
}

export async function writeSlurmScripts(
  plan: readonly ClusterJob[],
  o: SlurmOptions,
  effects: Pick<SlurmEffects, "writeScript">,
): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  for (const [n, job] of plan.entries()) {
    const path = join(o.workDir, `${String(n + 1).padStart(2, "0")}-${job.name}.sbatch`);
    await effects.writeScript(path, slurmScript(job, o));
    paths.set(job.name, path);
  }
  await effects.writeScript(
    join(o.workDir, "submit.sh"),
    submitScript(plan, (job) => paths.get(job.name)!),
  );
  return paths;
}

export async function runOnSlurm(
  plan: readonly ClusterJob[],
  o: SlurmOptions & {pollMs?: number; timeoutMs?: number},
  effects: SlurmEffects,
): Promise<SlurmRunResult> {
  const paths = await writeSlurmScripts(plan, o, effects);
  const ids = new Map<string, string>();
  for (const job of plan) {
    const result = await effects.run("sbatch", sbatchArgs(job, paths.get(job.name)!, ids));
    // --parsable prints "id" or "id;cluster".
    const id = result.stdout.trim().split(";")[0] ?? "";
    if (result.code !== 0 || !/^\d+$/.test(id)) {
      throw new Error(
        `slurm: sbatch for stage ${job.name} failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`,
      );
    }
    ids.set(job.name, id);
    effects.log(`slurm: ${job.name} submitted as job ${id}${job.array ? ` (array 0-${job.array - 1})` : ""}`);
  }

  const states = new Map<string, SlurmTask[]>();
  const pollMs = o.pollMs ?? 2000;
  const deadline = o.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + o.timeoutMs;
  const reported = new Set<string>();
  for (;;) {
    for (const job of plan) {
      if (finished(states.get(job.name) ?? [])) continue;
      const shown = await effects.run("scontrol", ["-o", "show", "job", ids.get(job.name)!]);
      if (shown.code !== 0) {
        throw new Error(
          `slurm: scontrol cannot show job ${ids.get(job.name)} (stage ${job.name}): ${shown.stderr.trim()} — ` +
            "a finished job is forgotten after MinJobAge (300 s by default); without accounting its state is lost",
        );
      }
      const tasks = parseScontrolJobs(shown.stdout);
      states.set(job.name, tasks);
      for (const t of tasks) {
        const key = `${job.name}:${t.arrayTaskId ?? ""}:${t.state}`;
        if (finished([t]) && !reported.has(key)) {
          reported.add(key);
          effects.log(`slurm: ${job.name}${t.arrayTaskId ? `[${t.arrayTaskId}]` : ""} ${t.state}`);
        }
      }
    }
    if (plan.every((job) => finished(states.get(job.name) ?? []))) break;
    if (Date.now() > deadline) throw new Error(`slurm: jobs still running after ${o.timeoutMs} ms`);
    await effects.sleep(pollMs);
  }

  const failures: SlurmRunResult["failures"] = [];
  for (const job of plan) {
    for (const t of states.get(job.name) ?? []) {
      if (t.state === "COMPLETED") continue;
      const shard = t.arrayTaskId !== undefined && /^\d+$/.test(t.arrayTaskId) ? Number(t.arrayTaskId) : undefined;
      const path = t.stdOut ?? logPath(o, job.name, shard);
      const text = t.reason === "DependencyNeverSatisfied" ? undefined : await effects.readLog(path);
      failures.push({
        job: job.name,
        ...(shard === undefined ? {} : {shard}),
        state: t.state,
        reason: t.reason,
        exitCode: t.exitCode,
        log: text === undefined ? path : `${path}:\n${tail(text, 20)}`,
      });
    }
  }
  return {ok: failures.length === 0, ids: Object.fromEntries(ids), failures};
}

function tail(text: string, lines: number): string {
  return text
    .trimEnd()
    .split("\n")
    .slice(-lines)
    .map((l) => `  | ${l}`)
    .join("\n");
}

/** One line per failure, for the user: the stage, the shard, how it ended and where its log is. */
export function describeFailure(f: SlurmRunResult["failures"][number]): string {
  const what = f.shard === undefined ? `stage ${f.job}` : `stage ${f.job}, shard ${f.shard}`;
  const why =
    f.reason === "DependencyNeverSatisfied"
      ? "cancelled: a job it depends on failed"
      : `${f.state}, exit ${f.exitCode}`;
  return `${what}: ${why}; log ${f.log}`;
}
