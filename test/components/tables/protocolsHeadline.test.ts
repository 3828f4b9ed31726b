import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {protocolsHeadline} from "../../../src/components/tables/protocolsHeadline.js";

const row = (protocol: string, cohort: string, auc: number | null, ci: [number, number] | null) => ({
  protocol,
  cohort,
  patients: 40,
  auc,
  ci,
  accuracy: 0.5,
});

describe("protocolsHeadline: a page's one-line answer from metrics.json", () => {
  it("lists each protocol's external cohorts with AUC and interval", () => {
    assert.equal(
      protocolsHeadline([
        row("paper", "B", 0.714, [0.62, 0.8]),
        row("corrected", "B", 0.7, null),
        row("paper", "C", null, null),
      ]),
      "Objective-response AUC per patient on the external cohorts — paper: B 0.71 [0.62, 0.80], C n/a; corrected: B 0.70.",
    );
  });
  it("is empty without an external cohort", () => {
    assert.equal(protocolsHeadline([]), "");
  });
});
