import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {SampleSizeArtifact} from "../../../src/components/analysis/analysisArtifacts.js";
import {sampleSizeRow} from "../../../src/components/stats/sampleSizeSummary.js";
import {validationSizeRow} from "../../../src/components/stats/validationSizeSummary.js";
import {sampleSizeAnswer} from "../../../src/components/tripod/tripodSampleSize.js";

const anticipated = {cstatistic: 0.8, threshold: 0.5};
const artifact = (rows: SampleSizeArtifact["validation"]["rows"]): SampleSizeArtifact => ({
  synthetic: true,
  protocol: "corrected",
  runId: "r",
  dataHash: "h",
  seed: 1,
  replicates: 1,
  ciLevel: 0.95,
  aggregation: "mean",
  classes: ["CR", "PR", "SD", "PD"],
  trainingCohort: "NFH",
  anticipatedNagelkerke: 0.15,
  sampleSize: [sampleSizeRow("image head (2048 features)", 2048, [31, 23, 27, 19])],
  validation: {anticipated, rows},
});

describe("sampleSizeAnswer (TRIPOD+AI item 10)", () => {
  it("development and every external cohort, with the computed minima", () => {
    const rows = [validationSizeRow("ZHHAJU", 120, 48, anticipated), validationSizeRow("SYUCC", 80, 30, anticipated)];
    const a = sampleSizeAnswer(artifact(rows));
    assert.equal(a.status, "reported");
    assert.equal(a.link, "/protocol#minimum-sample-size");
    assert.equal(
      a.answer,
      `image head (2048 features): minimum ${artifact(rows).sampleSize[0]?.required} vs 100 training patients; ` +
        `external validation of objective response: ZHHAJU minimum ${rows[0]?.required} vs 120 patients, ` +
        `SYUCC minimum ${rows[1]?.required} vs 80 patients`,
    );
  });
  it("partly when an external cohort has no requirement, or there is none", () => {
    const a = sampleSizeAnswer(artifact([validationSizeRow("X", 10, 0, anticipated)]));
    assert.equal(a.status, "partly");
    assert.match(a.answer, /X minimum n\/a vs 10 patients; the evaluation cohorts' size is not justified$/);
    assert.match(sampleSizeAnswer(artifact([])).answer, /no external cohort to size/);
  });
});
