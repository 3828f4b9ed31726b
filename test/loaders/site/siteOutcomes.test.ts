import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import type {OutcomeSource} from "../../../loaders/site/outcomeSource.js";
import {readersAnalysis} from "../../../loaders/site/siteReaders.js";
import {survivalAnalysis} from "../../../loaders/site/siteSurvival.js";
import {coxPh} from "../../../src/components/stats/survival/coxPh.js";

const classes = ["CR", "PR", "SD", "PD"] as const;
const ids = Array.from({length: 24}, (_, i) => `P${i}`);
const score = (i: number) => ((i * 7) % 24) / 24 + 0.01;

function source(over: Partial<OutcomeSource> = {}): OutcomeSource {
  return {
    config: normalizeStudyConfig({evaluation: {bootstrapReplicates: 200}}),
    synthetic: false,
    protocols: ["corrected"],
    rows: {
      corrected: ids.map((id, i) => {
        const s = score(i);
        return {
          patientId: `pub-${id}`,
          cohort: i < 12 ? "A" : "B",
          label: classes[i % 4] as (typeof classes)[number],
          probabilities: [s / 2, s / 2, (1 - s) / 2, (1 - s) / 2] as [number, number, number, number],
        };
      }),
    },
    readers: {
      name: "readers.csv",
      text: `patient_id,r1,r2\n${ids.map((id, i) => `${id},${classes[i % 4]},${classes[(i + (i % 3 === 0 ? 1 : 0)) % 4]}`).join("\n")}\n`,
    },
    survival: {
      name: "survival.csv",
      text: `patient_id,os_time,os_event\n${ids.map((id, i) => `${id},${(5 + 40 * score(i) + (i % 5)).toFixed(1)},${i % 4 === 0 ? 0 : 1}`).join("\n")}\n`,
    },
    // The site publishes pseudonyms: the files' ids must be matched through the same mapping.
    publish: (id) => `pub-${id}`,
    ...over,
  };
}

describe("the readers and survival analyses of the site (data/readers.json, data/survival.json)", () => {
  it("match the files' patients to the published ids and compute per cohort, without any patient id in the output", () => {
    const survival = survivalAnalysis(source());
    assert.equal(survival.status, "ok");
    if (survival.status !== "ok") return;
    const a = survival.value.protocols.corrected?.survival.os?.A;
    assert.ok(a);
    assert.equal(a.n, 12);
    assert.equal(survival.value.protocols.corrected?.unmatched.os, 0);
    // The Cox HR on the score is the one coxPh gives for cohort A's patients.
    const inA = ids.slice(0, 12).map((_, i) => i);
    const time = inA.map((i) => Number((5 + 40 * score(i) + (i % 5)).toFixed(1)));
    const event = inA.map((i) => (i % 4 === 0 ? 0 : 1));
    assert.ok(Math.abs((a.cox?.hr ?? 0) - coxPh({time, event}, inA.map(score)).hr) < 1e-12);
    const readers = readersAnalysis(source());
    assert.equal(readers.status, "ok");
    if (readers.status !== "ok") return;
    assert.equal(readers.value.agreement.n, 24);
    assert.deepEqual(Object.keys(readers.value.model.corrected ?? {}), ["A", "B"]);
    for (const text of [JSON.stringify(survival), JSON.stringify(readers)]) assert.doesNotMatch(text, /"(pub-)?P\d+"/);
  });

  it("is off without a file, not applicable with one reader, and failed with the reader's message for a bad file", () => {
    assert.equal(survivalAnalysis(source({survival: null})).status, "off");
    assert.equal(readersAnalysis(source({readers: null})).status, "off");
    const one = readersAnalysis(source({readers: {name: "r.csv", text: "patient_id,r1\nP0,CR\n"}}));
    assert.ok(one.status === "notApplicable" || one.status === "failed");
    const bad = survivalAnalysis(source({survival: {name: "s.csv", text: "patient_id,os_time,os_event\nP0,-3,1\n"}}));
    assert.equal(bad.status, "failed");
    if (bad.status === "failed") assert.match(bad.reason, /s\.csv.*line 2.*P0/s);
  });
});
