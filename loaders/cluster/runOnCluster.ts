import {execFile} from "node:child_process";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {type ClusterJob, type ClusterPlanOptions, clusterPlan} from "./clusterPlan.js";
import {k8sApplyScript, k8sManifests} from "./k8sManifests.js";
import {describeFailure, runOnSlurm, type SlurmEffects, writeSlurmScripts} from "./slurmExecutor.js";

/**
 * `workbench run --executor slurm|k8s`: the plan rendered for the scheduler into a work folder (scripts, logs and
 * results), then — for Slurm without --dry-run — submitted and followed. Kubernetes is dry-run only.
 */
export interface ClusterRunOptions extends ClusterPlanOptions {
  executor: "slurm" | "k8s";
  repo: string;
  workDir: string;
  dryRun: boolean;
  partition?: string;
  image?: string;
  pollMs?: number;
}

export const nodeSlurmEffects = (log: (m: string) => void): SlurmEffects => ({
  run: (command, args) =>
    new Promise((resolve) => {
      execFile(command, args, {encoding: "utf8"}, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 127) : 0;
        resolve({code, stdout, stderr: stderr || (error && !stdout ? error.message : stderr)});
      });
    }),
  writeScript: async (path, text) => {
    await mkdir(dirname(path), {recursive: true});
    await writeFile(path, text, {mode: 0o755});
  },
  readLog: (path) => readFile(path, "utf8").catch(() => undefined),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  log,
});

export async function runOnCluster(
  o: ClusterRunOptions,
  log: (m: string) => void,
  effects: SlurmEffects = nodeSlurmEffects(log),
): Promise<number> {
  const plan: ClusterJob[] = clusterPlan(o);
  await mkdir(join(o.workDir, "logs"), {recursive: true});
  if (o.executor === "k8s") {
    if (!o.dryRun)
      throw new Error("--executor k8s writes manifests only: add --dry-run (no cluster is driven from here)");
    const files = k8sManifests(plan, {
      image: o.image ?? "tace-workbench:latest",
      sharedPath: dirname(o.cacheDir),
      claimName: "tace-shared",
      storage: "50Gi",
      cpusPerTask: o.jobs,
      repo: "/workbench",
    });
    for (const f of files)
      await effects.writeScript(join(o.workDir, f.file), `${JSON.stringify(f.manifest, null, 2)}\n`);
    await effects.writeScript(
      join(o.workDir, "apply.sh"),
      k8sApplyScript(
        files.map((f) => f.file),
        plan,
      ),
    );
    log(`k8s: wrote ${files.length} manifests and apply.sh to ${o.workDir}`);
    return 0;
  }
  const slurm = {
    repo: o.repo,
    workDir: o.workDir,
    cpusPerTask: o.jobs,
    ...(o.partition ? {partition: o.partition} : {}),
    ...(o.pollMs === undefined ? {} : {pollMs: o.pollMs}),
  };
  if (o.dryRun) {
    await writeSlurmScripts(plan, slurm, effects);
    log(`slurm: wrote ${plan.length} sbatch scripts and submit.sh to ${o.workDir} (not submitted)`);
    return 0;
  }
  const result = await runOnSlurm(plan, slurm, effects);
  if (result.ok) {
    log(
      `slurm: every job COMPLETED (${Object.entries(result.ids)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")})`,
    );
    return 0;
  }
  for (const f of result.failures) log(`slurm: ${describeFailure(f)}`);
  return 1;
}
