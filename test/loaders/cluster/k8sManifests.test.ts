import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {clusterPlan} from "../../../loaders/cluster/clusterPlan.js";
import {k8sApplyScript, k8sManifests} from "../../../loaders/cluster/k8sManifests.js";

describe("k8sManifests(plan, options)", () => {
  const plan = clusterPlan({
    shards: 3,
    cacheDir: "/shared/cache",
    studyPath: null,
    resultsDir: "/shared/r",
    jobs: 2,
    site: false,
  });
  const files = k8sManifests(plan, {
    image: "registry/tace:1",
    sharedPath: "/shared",
    claimName: "tace-shared",
    storage: "10Gi",
    cpusPerTask: 2,
    repo: "/workbench",
  });
  // biome-ignore lint/suspicious/noExplicitAny: walking generic manifest JSON in a structure test
  const m = (n: number) => files[n]!.manifest as any;

  it("a ReadWriteMany claim first, then one Indexed Job per stage mounting it", () => {
    assert.deepEqual(
      files.map((f) => f.file),
      [
        "00-shared-volume.json",
        "01-prepare.json",
        "02-preprocess.json",
        "03-merge.json",
        "04-embed.json",
        "05-train.json",
        "06-evaluate.json",
      ],
    );
    assert.equal(m(0).kind, "PersistentVolumeClaim");
    assert.deepEqual(m(0).spec.accessModes, ["ReadWriteMany"]);
    for (let n = 1; n < files.length; n++) {
      assert.equal(m(n).kind, "Job");
      assert.equal(m(n).spec.completionMode, "Indexed");
      const pod = m(n).spec.template.spec;
      assert.equal(pod.restartPolicy, "Never");
      assert.deepEqual(pod.volumes, [{name: "shared", persistentVolumeClaim: {claimName: "tace-shared"}}]);
      assert.deepEqual(pod.containers[0].volumeMounts, [{name: "shared", mountPath: "/shared"}]);
    }
  });

  it("array stages run one completion per shard with the index as the shard; single stages one", () => {
    const preprocess = m(2);
    assert.equal(preprocess.spec.completions, 3);
    assert.equal(preprocess.spec.parallelism, 3);
    const c = preprocess.spec.template.spec.containers[0];
    assert.deepEqual(c.command, ["node"]);
    assert.deepEqual(c.args.slice(0, 4), ["bin/workbench.mjs", "preprocess", "--shard", "$(JOB_COMPLETION_INDEX)/3"]);
    assert.equal(c.env[0].name, "JOB_COMPLETION_INDEX");
    assert.equal(m(3).spec.completions, 1);
    assert.deepEqual(m(3).spec.template.spec.containers[0].env, []);
  });

  it("apply.sh applies the stages in order and waits for each to complete", () => {
    const script = k8sApplyScript(
      files.map((f) => f.file),
      plan,
    );
    const order = [...script.matchAll(/job\/tace-(\w+)/g)].map((x) => x[1]);
    assert.deepEqual(order, ["prepare", "preprocess", "merge", "embed", "train", "evaluate"]);
    assert.match(
      script,
      /kubectl apply -f 00-shared-volume\.json\nkubectl apply -f 01-prepare\.json\nkubectl wait --for=condition=complete/,
    );
  });
});
