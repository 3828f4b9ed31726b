import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {clusterPlan} from "../../../loaders/cluster/clusterPlan.js";
import {describeFailure, runOnSlurm, type SlurmEffects} from "../../../loaders/cluster/slurmExecutor.js";

const plan = clusterPlan({
  shards: 2,
  cacheDir: "/shared/cache",
  studyPath: "/shared/study.json",
  resultsDir: "/shared/work/results",
  jobs: 1,
  site: false,
});
const options = {repo: "/repo", workDir: "/shared/work", cpusPerTask: 1, pollMs: 0};

/** A fake cluster: sbatch hands out ids 100, 101, …; scontrol answers from a script of states per poll. */
function fakeSlurm(states: (poll: number, id: string) => string) {
  const calls: string[][] = [];
  const scripts = new Map<string, string>();
  const logs: string[] = [];
  let nextId = 100;
  let poll = 0;
  const effects: SlurmEffects = {
    run: async (command, args) => {
      calls.push([command, ...args]);
      if (command === "sbatch") return {code: 0, stdout: `${nextId++}\n`, stderr: ""};
      if (command === "scontrol") {
        const id = args[3]!;
        if (id === "100") poll++;
        return {code: 0, stdout: states(poll, id), stderr: ""};
      }
      return {code: 127, stdout: "", stderr: "unknown"};
    },
    writeScript: async (path, text) => {
      scripts.set(path, text);
    },
    readLog: async (path) => (path.includes("preprocess_1") ? "line 1\nError: patient X exploded\n" : undefined),
    sleep: async () => {},
    log: (m) => logs.push(m),
  };
  return {effects, calls, scripts, logs};
}

const line = (id: string, state: string, extra = "") =>
  `JobId=${id} JobName=tace JobState=${state} Reason=None ExitCode=0:0 ${extra}\n`;
const array = (id: string, tasks: string[], extra: (t: number) => string = () => "") =>
  tasks
    .map((state, t) =>
      line(
        `${Number(id) + t + 10}`,
        state,
        `ArrayJobId=${id} ArrayTaskId=${t} StdOut=/shared/work/logs/x_${t}.out ${extra(t)}`,
      ),
    )
    .join("");

describe("runOnSlurm(plan, options, effects) against a fake cluster", () => {
  it("submits every stage with its dependencies and succeeds only when every task is COMPLETED", async () => {
    const {effects, calls} = fakeSlurm((poll, id) => {
      if (id === "101" || id === "103")
        return poll < 2
          ? `JobId=${id} ArrayJobId=${id} ArrayTaskId=0-1 JobState=PENDING Reason=Dependency ExitCode=0:0\n`
          : array(id, ["COMPLETED", "COMPLETED"]);
      return line(id, poll < 2 ? "RUNNING" : "COMPLETED");
    });
    const result = await runOnSlurm(plan, options, effects);
    assert.equal(result.ok, true);
    assert.deepEqual(result.ids, {
      prepare: "100",
      preprocess: "101",
      merge: "102",
      embed: "103",
      train: "104",
      evaluate: "105",
    });
    const sbatch = calls.filter((c) => c[0] === "sbatch").map((c) => c.slice(1, -1).join(" "));
    assert.deepEqual(sbatch, [
      "--parsable",
      "--parsable --dependency=afterok:100 --kill-on-invalid-dep=yes",
      "--parsable --dependency=afterok:101 --kill-on-invalid-dep=yes",
      "--parsable --dependency=aftercorr:101 --kill-on-invalid-dep=yes",
      "--parsable --dependency=afterok:102,afterok:103 --kill-on-invalid-dep=yes",
      "--parsable --dependency=afterok:104 --kill-on-invalid-dep=yes",
    ]);
    // Polled until done, not given up after the first look.
    assert.ok(calls.filter((c) => c[0] === "scontrol").length > 6);
  });

  it("a failed shard fails the run, named by stage and index with its log; the jobs cancelled after it say why", async () => {
    const {effects} = fakeSlurm((_poll, id) => {
      if (id === "101")
        return array(id, ["COMPLETED", "FAILED"], (t) => (t === 1 ? "" : "")).replace(
          /JobId=112 JobName=tace JobState=FAILED Reason=None ExitCode=0:0 ArrayJobId=101 ArrayTaskId=1 StdOut=[^ ]+/,
          "JobId=112 JobName=tace JobState=FAILED Reason=NonZeroExitCode ExitCode=1:0 ArrayJobId=101 ArrayTaskId=1 StdOut=/shared/work/logs/preprocess_1.out",
        );
      if (id === "100") return line(id, "COMPLETED");
      return `JobId=${id} JobState=CANCELLED Reason=DependencyNeverSatisfied ExitCode=0:0\n`;
    });
    const result = await runOnSlurm(plan, options, effects);
    assert.equal(result.ok, false);
    const failed = result.failures.find((f) => f.job === "preprocess");
    assert.deepEqual(
      {shard: failed?.shard, state: failed?.state, exit: failed?.exitCode},
      {shard: 1, state: "FAILED", exit: "1:0"},
    );
    assert.match(
      describeFailure(failed!),
      /stage preprocess, shard 1: FAILED, exit 1:0; log \/shared\/work\/logs\/preprocess_1\.out:\n.*patient X exploded/s,
    );
    const merge = result.failures.find((f) => f.job === "merge")!;
    assert.match(describeFailure(merge), /stage merge: cancelled: a job it depends on failed/);
    assert.equal(result.failures.length, 5);
  });

  it("refuses when sbatch fails or scontrol has forgotten a job, saying which stage", async () => {
    const {effects} = fakeSlurm(() => "");
    const broken: SlurmEffects = {
      ...effects,
      run: async () => ({code: 1, stdout: "", stderr: "sbatch: error: invalid partition"}),
    };
    await assert.rejects(
      runOnSlurm(plan, options, broken),
      /sbatch for stage prepare failed \(exit 1\): .*invalid partition/,
    );
    const forgetful: SlurmEffects = {
      ...effects,
      run: async (command) =>
        command === "sbatch"
          ? {code: 0, stdout: "7\n", stderr: ""}
          : {code: 1, stdout: "", stderr: "Invalid job id specified"},
    };
    await assert.rejects(
      runOnSlurm(plan, options, forgetful),
      /scontrol cannot show job 7 \(stage prepare\).*MinJobAge/,
    );
  });
});
