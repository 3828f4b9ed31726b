import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {protocolPredictions} from "../../../src/components/predictions/protocolPredictions.js";
import {readPredictionsCsv} from "../../../src/components/predictions/readPredictionsCsv.js";

// The site's data/predictions.csv as the pages read it: ids stay strings (a typed CSV parse turned 007 into 7 and
// 1e3 into 1000, merging patients in the live recomputation).
const site = [
  "protocol,patient_id,cohort,patch_id,label,p_CR,p_PR,p_SD,p_PD,split",
  "paper,007,A,P1-0,CR,0.7,0.1,0.1,0.1,validation",
  "corrected,007,A,P1-0,CR,0.4,0.3,0.2,0.1,validation",
  "corrected,7,A,7-0,PD,0,0,0,1,validation",
  "corrected,1e3,B,1e3-0,SD,0,0,1,0,training",
  "corrected,'=1+1,B,x,SD,0,0,1,0,training",
  "corrected,TRUE,B,y,PR,0,1,0,0,training",
].join("\n");

describe("protocolPredictions(rows, protocol, cohort?)", () => {
  const {rows} = readPredictionsCsv(site, "data/predictions.csv");
  it("keeps one protocol (and cohort) as evaluatePredictions input, ids as written", () => {
    assert.deepEqual(protocolPredictions(rows, "corrected", "A"), [
      {patientId: "007", cohort: "A", label: "CR", probabilities: [0.4, 0.3, 0.2, 0.1], patchId: "P1-0"},
      {patientId: "7", cohort: "A", label: "PD", probabilities: [0, 0, 0, 1], patchId: "7-0"},
    ]);
    assert.deepEqual(
      protocolPredictions(rows, "corrected", "B").map((r) => r.patientId),
      ["1e3", "=1+1", "TRUE"],
    );
    assert.equal(protocolPredictions(rows, "paper", "B").length, 0);
    assert.equal(protocolPredictions(rows, "corrected").length, 5);
  });
});
