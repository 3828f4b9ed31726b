import type {ClusterJob} from "./clusterPlan.js";

/**
 * Kubernetes manifests for a cluster plan: one batch/v1 Job per stage, arrays as Indexed Jobs (completionMode:
 * Indexed, one completion per shard, the index in JOB_COMPLETION_INDEX), every pod mounting one shared
 * ReadWriteMany PersistentVolumeClaim at the cache path. Kubernetes has no job dependencies, so apply.sh applies the
 * stages in order and waits for each to complete (an Indexed Job is Complete only when every index succeeded; a
 * failed index fails the Job after backoffLimitPerIndex retries, and apply.sh stops there). Written as JSON, which
 * kubectl reads as it reads YAML. No cluster can run them on this project's machines: they are tested for structure.
 */
export interface K8sOptions {
  image: string;
  namespace?: string;
  /** Mount path of the shared volume; the plan's cache, study and results paths must lie under it. */
  sharedPath: string;
  claimName: string;
  storage: string;
  cpusPerTask: number;
  /** The repository inside the image. */
  repo: string;
}

export function k8sManifests(plan: readonly ClusterJob[], o: K8sOptions): Array<{file: string; manifest: object}> {
  const metadata = (name: string) => ({
    name,
    ...(o.namespace ? {namespace: o.namespace} : {}),
    labels: {app: "tace-workbench"},
  });
  const claim = {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: metadata(o.claimName),
    spec: {accessModes: ["ReadWriteMany"], resources: {requests: {storage: o.storage}}},
  };
  const jobs = plan.map((job, n) => {
    const argv = job.command.map((a) => a.replaceAll("{shard}", "$(JOB_COMPLETION_INDEX)"));
    const command = job.kind === "workbench" ? ["node", "bin/workbench.mjs", ...argv] : argv;
    const env: object[] = Object.entries(job.env ?? {}).map(([name, value]) => ({name, value}));
    // Set by the Job controller too; declared so $(JOB_COMPLETION_INDEX) in args is expanded on every version.
    if (job.array) {
      env.push({
        name: "JOB_COMPLETION_INDEX",
        valueFrom: {fieldRef: {fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']"}},
      });
    }
    const completions = job.array ?? 1;
    return {
      file: `${String(n + 1).padStart(2, "0")}-${job.name}.json`,
      manifest: {
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: metadata(`tace-${job.name}`),
        spec: {
          completionMode: "Indexed",
          completions,
          parallelism: completions,
          backoffLimitPerIndex: 1,
          template: {
            metadata: {labels: {app: "tace-workbench", stage: job.name}},
            spec: {
              restartPolicy: "Never",
              containers: [
                {
                  name: job.name,
                  image: o.image,
                  workingDir: o.repo,
                  // Kubernetes expands $(JOB_COMPLETION_INDEX) in args from the container's environment.
                  command: [command[0]],
                  args: command.slice(1),
                  env,
                  resources: {requests: {cpu: String(o.cpusPerTask)}},
                  volumeMounts: [{name: "shared", mountPath: o.sharedPath}],
                },
              ],
              volumes: [{name: "shared", persistentVolumeClaim: {claimName: o.claimName}}],
            },
          },
        },
      },
    };
  });
  return [{file: "00-shared-volume.json", manifest: claim}, ...jobs];
}

/** apply.sh: the stages in order, each waited for (dependencies by hand: Kubernetes has none between Jobs). */
export function k8sApplyScript(files: readonly string[], plan: readonly ClusterJob[], namespace?: string): string {
  const ns = namespace ? ` -n ${namespace}` : "";
  const lines = ["#!/bin/bash", "set -euo pipefail", 'cd "$(dirname "$0")"', `kubectl apply${ns} -f ${files[0]}`];
  for (const [n, job] of plan.entries()) {
    lines.push(`kubectl apply${ns} -f ${files[n + 1]}`);
    lines.push(`kubectl wait${ns} --for=condition=complete --timeout=24h job/tace-${job.name}`);
  }
  return `${lines.join("\n")}\n`;
}
