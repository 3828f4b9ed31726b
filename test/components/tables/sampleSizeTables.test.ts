import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {SampleSizeArtifact} from "../../../src/components/analysis/analysisArtifacts.js";
import {sampleSizeRow} from "../../../src/components/stats/sampleSizeSummary.js";
import {validationSizeRow} from "../../../src/components/stats/validationSizeSummary.js";
import {
  sampleSizeCaption,
  sampleSizeColumns,
  sampleSizeRows,
  validationSizeCaption,
  validationSizeColumns,
  validationSizeRows,
} from "../../../src/components/tables/sampleSizeTables.js";

const anticipated = {cstatistic: 0.812, threshold: 0.4};
const artifact: SampleSizeArtifact = {
  synthetic: true,
  protocol: "corrected",
  runId: "run-1",
  dataHash: "h",
  seed: 1,
  replicates: 10,
  ciLevel: 0.95,
  aggregation: "mean",
  classes: ["CR", "PR", "SD", "PD"],
  trainingCohort: "Alpha",
  anticipatedNagelkerke: 0.15,
  sampleSize: [
    sampleSizeRow("image head (2048 features)", 2048, [31, 23, 27, 19]),
    sampleSizeRow("m", 3, [1, 0, 2, 2]),
  ],
  validation: {
    anticipated,
    rows: [validationSizeRow("Beta", 5000, 2000, anticipated), validationSizeRow("Gamma", 40, 0, anticipated)],
  },
};

describe("sample-size tables", () => {
  it("development rows: P, (K − 1)·P, the criteria and the pair that sets criterion i, named by class", () => {
    const [head, empty] = sampleSizeRows(artifact);
    assert.equal(head?.parameters, 2048);
    assert.equal(head?.overallParameters, 3 * 2048);
    assert.match(String(head?.bindingPair), /^(CR|PR|SD|PD) vs (CR|PR|SD|PD)$/);
    assert.equal(head?.eventsPerClass, "CR 31, PR 23, SD 27, PD 19");
    assert.equal(empty?.required, null);
    assert.equal(empty?.bindingPair, "a class has no training patient");
    for (const c of sampleSizeColumns) assert.ok(c.key in (head ?? {}), c.key);
  });
  it("validation rows: every cohort against its minimum, the reason when there is none", () => {
    const [beta, gamma] = validationSizeRows(artifact);
    assert.equal(beta?.patients, 5000);
    assert.equal(beta?.enough, (beta?.required as number) <= 5000 ? "yes" : "no");
    assert.equal(gamma?.required, null);
    assert.equal(gamma?.enough, "responders or non-responders only");
    for (const c of validationSizeColumns) assert.ok(c.key in (beta ?? {}), c.key);
  });
  it("captions state the rules and the study's own anticipated values", () => {
    const dev = sampleSizeCaption(artifact);
    assert.match(dev, /K = 4 classes/);
    assert.match(dev, /Alpha cohort's class proportions/);
    assert.match(dev, /without its intercept/);
    assert.match(dev, /Nagelkerke 0\.15 for every pairwise submodel and for the overall model/);
    assert.match(dev, /α = 0\.05\/4 = 0\.0125/);
    const val = validationSizeCaption(artifact);
    assert.match(val, /Anticipated C = 0\.812, the Alpha cohort's apparent C/);
    assert.match(val, /responder threshold 0\.4/);
  });
});
