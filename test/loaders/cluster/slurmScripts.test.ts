import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {clusterPlan} from "../../../loaders/cluster/clusterPlan.js";
import {sbatchArgs, slurmScript, submitScript} from "../../../loaders/cluster/slurmScripts.js";
import {finished, parseScontrolJobs} from "../../../loaders/cluster/slurmState.js";

const plan = clusterPlan({
  shards: 4,
  cacheDir: "/shared/cache",
  studyPath: "/shared/my study.json",
  resultsDir: "/shared/work/results",
  jobs: 2,
  site: true,
});
const o = {repo: "/repo", workDir: "/shared/work", cpusPerTask: 2, partition: "debug"};

describe("slurm scripts", () => {
  it("the plan: prepare → preprocess[4] → merge / embed[4] (aftercorr) → train → evaluate → site", () => {
    assert.deepEqual(
      plan.map(
        (j) => `${j.name}${j.array ? `[${j.array}]` : ""}<${j.after.map((a) => `${a.type}:${a.job}`).join(",")}`,
      ),
      [
        "prepare<",
        "preprocess[4]<afterok:prepare",
        "merge<afterok:preprocess",
        "embed[4]<aftercorr:preprocess",
        "train<afterok:merge,afterok:embed",
        "evaluate<afterok:train",
        "site<afterok:evaluate",
      ],
    );
  });

  it("an array job's script: one log per task, the task id as the shard, quoted paths", () => {
    const script = slurmScript(plan[1]!, o);
    assert.match(script, /^#!\/bin\/bash\n/);
    assert.match(script, /#SBATCH --array=0-3\n/);
    assert.match(script, /#SBATCH --output=\/shared\/work\/logs\/preprocess_%a\.out\n/);
    assert.match(script, /#SBATCH --cpus-per-task=2\n#SBATCH --array=0-3\n#SBATCH --partition=debug\n/);
    assert.match(
      script,
      /exec node bin\/workbench\.mjs preprocess --shard "\$\{SLURM_ARRAY_TASK_ID\}\/4" --study '\/shared\/my study\.json' --cache \/shared\/cache --jobs 2\n$/,
    );
    const site = slurmScript(plan[6]!, o);
    assert.match(
      site,
      /export WORKBENCH_CACHE=\/shared\/cache\nexport WORKBENCH_STUDY='\/shared\/my study\.json'\nexec npm run build\n/,
    );
    assert.doesNotMatch(site, /--array/);
  });

  it("sbatch arguments carry the dependencies by job id, and refuse an unsubmitted one", () => {
    const ids = new Map([
      ["merge", "12"],
      ["embed", "13"],
    ]);
    assert.deepEqual(sbatchArgs(plan[4]!, "/w/05-train.sbatch", ids), [
      "--parsable",
      "--dependency=afterok:12,afterok:13",
      "--kill-on-invalid-dep=yes",
      "/w/05-train.sbatch",
    ]);
    assert.throws(() => sbatchArgs(plan[5]!, "x", ids), /evaluate follows train, which has not been submitted/);
    assert.match(
      submitScript(plan, (j) => `/w/${j.name}.sbatch`),
      /JOB_EMBED=\$\(sbatch --parsable --dependency=aftercorr:\$JOB_PREPROCESS/,
    );
  });
});

describe("parseScontrolJobs / finished", () => {
  it("reads one line per array task, and a pending array's range as not finished", () => {
    const tasks = parseScontrolJobs(
      "JobId=11 ArrayJobId=10 ArrayTaskId=0 JobName=x JobState=COMPLETED Reason=None ExitCode=0:0 StdOut=/l/p_0.out\n" +
        "JobId=10 ArrayJobId=10 ArrayTaskId=1-3 JobName=x JobState=PENDING Reason=Resources ExitCode=0:0\n",
    );
    assert.deepEqual(tasks[0], {
      jobId: "11",
      state: "COMPLETED",
      reason: "None",
      exitCode: "0:0",
      arrayJobId: "10",
      arrayTaskId: "0",
      stdOut: "/l/p_0.out",
    });
    assert.equal(finished(tasks), false);
    assert.equal(finished([tasks[0]!]), true);
    assert.equal(finished([]), false);
    assert.equal(
      finished(parseScontrolJobs("JobId=5 ArrayTaskId=0-3 JobState=CANCELLED Reason=DependencyNeverSatisfied")),
      true,
    );
  });
});
