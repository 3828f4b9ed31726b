import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {Provenance} from "../../../src/components/artifacts.js";
import {ProvenanceFields, timingText} from "../../../src/components/tables/provenanceFields.js";

const run: Provenance = {
  runId: "corrected-1-abc",
  protocol: "corrected",
  seed: 3,
  dataHash: "d".repeat(16),
  weightsHash: "0123456789abcdef0123456789abcdef",
  configHash: "c".repeat(16),
  codeVersion: "v1",
  engine: "onnx",
  backend: "cpu",
  synthetic: true,
  headNote: "softmax outputs",
  versions: {node: "20.20.2", onnxruntime: "1.30.0"},
};

describe("ProvenanceFields / timingText", () => {
  it("shows each run's identity, hashes as code, the run id findable by class", () => {
    const shown = Object.fromEntries(ProvenanceFields.map((f) => [f.label, f.value(run)]));
    assert.equal(shown["Run id"], run.runId);
    assert.equal(shown.Seed, "3");
    assert.equal(shown["Weights hash"], "0123456789abcdef", "cut to 16 characters");
    assert.equal(shown.Versions, "node 20.20.2, onnxruntime 1.30.0");
    assert.equal(ProvenanceFields.find((f) => f.label === "Run id")?.className, "run-id");
    assert.deepEqual(
      ProvenanceFields.filter((f) => f.code).map((f) => f.label),
      ["Run id", "Weights hash", "Data hash", "Config hash", "Code version"],
    );
  });

  it("an int8 run says how closely its embeddings follow FP32's; an FP32 run has nothing to say there", () => {
    const text = (r: Provenance) => ProvenanceFields.find((f) => f.label === "int8 agreement with FP32")!.value(r);
    assert.equal(text(run), "–");
    const int8 = {
      ...run,
      engine: "onnx-int8-cpu",
      int8Agreement: {patches: 32, meanCosine: 0.94512, minCosine: 0.78611, sample: "32 training-cohort patches"},
    };
    assert.equal(text(int8), "cosine mean 0.9451, min 0.7861, on 32 training-cohort patches");
    assert.match(text({...int8, int8Agreement: null}), /^not measured/);
  });

  it("a stage's time, marked when it came from the cache", () => {
    assert.equal(timingText({stage: "features", seconds: 12.34, cached: false}), "12.3 s");
    assert.equal(timingText({stage: "features", seconds: 12.34, cached: true}), "cached (computed in 12.3 s)");
  });
});
