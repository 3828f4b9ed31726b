import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {describe, it} from "node:test";
import {available, unavailable} from "../../../src/components/analysis/availability.js";
import {type ClaimInputs, type ClaimItem, claimChecklist} from "../../../src/components/claim/claimChecklist.js";
import {readerAgreement} from "../../../src/components/readers/readerAgreement.js";
import type {ReadersData} from "../../../src/components/readers/readersArtifact.js";
import {referenceStandard} from "../../../src/components/readers/referenceStandard.js";
import {anchors, artifacts, byItem, demo, other, type Study} from "../tripod/checklistFixtures.js";

/**
 * CLAIM 2024's 44 items with their sections and subsections (Tejani et al., Radiol Artif Intell 2024;6(4):e240300),
 * as the transcriptions cited in claimChecklist.ts give them.
 */
const Official: Array<[string, string, string]> = [
  ["Title/Abstract", "1", "Title or abstract"],
  ["Title/Abstract", "2", "Abstract"],
  ["Introduction", "3", "Background"],
  ["Introduction", "4", "Aims"],
  ...["5", "6"].map((i): [string, string, string] => ["Methods", i, "Study design"]),
  ...["7", "8", "9", "10", "11", "12", "13"].map((i): [string, string, string] => ["Methods", i, "Data"]),
  ...["14", "15", "16", "17", "18"].map((i): [string, string, string] => ["Methods", i, "Reference standard"]),
  ...["19", "20"].map((i): [string, string, string] => ["Methods", i, "Data partitions"]),
  ["Methods", "21", "Testing data"],
  ...["22", "23", "24"].map((i): [string, string, string] => ["Methods", i, "Model"]),
  ...["25", "26", "27"].map((i): [string, string, string] => ["Methods", i, "Training"]),
  ...["28", "29", "30", "31", "32", "33", "34"].map((i): [string, string, string] => ["Methods", i, "Evaluation"]),
  ...["35", "36"].map((i): [string, string, string] => ["Results", i, "Data"]),
  ...["37", "38", "39"].map((i): [string, string, string] => ["Results", i, "Model performance"]),
  ...["40", "41"].map((i): [string, string, string] => ["Discussion", i, "Discussion"]),
  ...["42", "43", "44"].map((i): [string, string, string] => ["Other information", i, "Other information"]),
];

/** Three readers over the study's cohorts (patients p0…), as data/readers.json has them; or off. */
function readersFor(study: Study, withReaders: boolean): ReadersData {
  if (!withReaders) return unavailable("off", "the study has no readers file");
  const rows = Array.from({length: 24}, (_, i) => ({
    patientId: `p${i}`,
    cohort: study.cohorts[i % study.cohorts.length] ?? "",
    labels: [i % 4, i % 4, (i + (i % 3 === 0 ? 1 : 0)) % 4],
  }));
  const table = {readers: ["r1", "r2", "r3"], rows};
  const setting = {rule: "majority", tie: "exclude"} as const;
  return available({
    source: study.synthetic ? "the demo study's generator" : "site-readers.csv",
    synthetic: study.synthetic,
    referenceStandard: {setting, counts: referenceStandard(table, setting).counts},
    agreement: readerAgreement(table, {replicates: 0}),
    model: {},
    cohorts: study.cohorts,
    trainingCohort: study.cohorts[0] ?? "",
    ciLevel: 0.95,
    replicates: 0,
    seed: 1,
    warnings: [],
  });
}

const inputs = (study: Study, withBeyond: boolean, withReaders: boolean): ClaimInputs => ({
  ...artifacts(study, withBeyond),
  readers: readersFor(study, withReaders),
});

describe("claimChecklist", () => {
  const items: ClaimItem[] = claimChecklist(inputs(demo, true, true));

  it("lists the 44 CLAIM 2024 items once each, in order, with their sections and subsections", () => {
    assert.equal(items.length, 44);
    assert.deepEqual(
      items.map((i) => [i.section, i.item, i.topic]),
      Official,
    );
    assert.equal(new Set(items.map((i) => i.item)).size, 44);
    for (const i of items) assert.ok(i.text.length >= 10, `${i.item}: no checklist text`);
  });

  it("every item has a link, or is 'not reported' with a reason; an answer is never empty", () => {
    for (const study of [demo, other])
      for (const i of claimChecklist(inputs(study, true, true))) {
        assert.ok(i.answer.trim().length > 0, `${i.item}: empty answer`);
        if (i.status === "not reported") assert.equal(i.link, null, `${i.item}: not reported but linked`);
        else assert.ok(i.link !== null, `${i.item}: ${i.status} without a link`);
      }
  });

  it("every link names a page of the site, and an anchor that page has", () => {
    const src = join(process.cwd(), "src");
    const variants = [inputs(demo, true, true), inputs(other, true, true), inputs(demo, false, false)];
    for (const i of variants.flatMap((v) => claimChecklist(v))) {
      if (i.link === null) continue;
      const [path = "", anchor] = i.link.split("#");
      const page = join(src, path === "/" ? "index.md" : `${path.slice(1)}.md`);
      assert.ok(existsSync(page), `${i.item}: ${i.link} has no page`);
      if (anchor) assert.ok(anchors(page).has(anchor), `${i.item}: ${path} has no #${anchor}`);
    }
  });

  it("without readers data, the reference-standard items are partly or not reported and say why", () => {
    const mine = byItem(items);
    const without = byItem(claimChecklist(inputs(demo, true, false)));
    assert.equal(mine.get("14")?.status, "reported");
    assert.equal(without.get("14")?.status, "partly");
    for (const item of ["16", "18"]) {
      assert.equal(without.get(item)?.status, "not reported", item);
      assert.match(without.get(item)?.answer ?? "", /off: the study has no readers file/, item);
    }
    // With readers: their agreement is this run's Fleiss' κ, the source and the rule are named.
    assert.match(mine.get("18")?.answer ?? "", /^Fleiss' κ -?\d\.\d\d over 24 patients/);
    assert.match(mine.get("16")?.answer ?? "", /3 readers \(r1, r2, r3\) generated by the demo study/);
    // A real study's readers: their qualifications are not in the files, so only partly.
    const theirs = byItem(claimChecklist(inputs(other, true, true)));
    assert.equal(theirs.get("16")?.status, "partly");
    assert.match(theirs.get("16")?.answer ?? "", /site-readers\.csv; their qualifications are not recorded/);
  });

  it("answers come from the artifacts: another study's answers name its own cohorts, run and settings", () => {
    const mine = byItem(items);
    const theirs = byItem(claimChecklist(inputs(other, true, true)));
    assert.match(theirs.get("19")?.answer ?? "", /training Alpha; external testing Beta/);
    assert.match(theirs.get("33")?.answer ?? "", /^external cohorts: Beta$/);
    assert.match(theirs.get("35")?.answer ?? "", /Alpha 40\/50, Beta 41\/51/);
    assert.match(theirs.get("43")?.answer ?? "", /abc1234/);
    assert.match(theirs.get("25")?.answer ?? "", /oversample balancing/);
    assert.match(mine.get("25")?.answer ?? "", /classWeights balancing/);
    for (const i of theirs.values()) assert.doesNotMatch(i.answer, /NFH|ZHHAJU|SYUCC|0822a4f2b684|297aacd/, i.item);
    // Synthetic or not: the study design, acquisition and source items.
    assert.equal(mine.get("5")?.link, "/data-model");
    assert.equal(theirs.get("5")?.status, "not reported");
    assert.equal(theirs.get("13")?.status, "not reported");
    assert.equal(theirs.get("7")?.status, "partly");
    assert.match(theirs.get("7")?.answer ?? "", /site-study\.csv/);
  });

  it("de-identification follows site.patientIds", () => {
    const pseudonymous = inputs(other, true, true);
    pseudonymous.protocol.config.site.patientIds = "pseudonymous";
    const p = byItem(claimChecklist(pseudonymous)).get("11");
    assert.equal(p?.status, "partly");
    assert.equal(p?.link, "/protocol#config-json");
    const asIs = inputs(other, true, true);
    asIs.protocol.config.site.patientIds = "as-is";
    assert.equal(byItem(claimChecklist(asIs)).get("11")?.status, "not reported");
  });

  it("internal validation, sample size and heterogeneity follow the analyses this build ran", () => {
    const mine = byItem(items);
    const without = byItem(claimChecklist(inputs(demo, false, true)));
    assert.equal(mine.get("32")?.status, "reported");
    assert.match(mine.get("32")?.answer ?? "", /Harrell's bootstrap optimism on NFH/);
    assert.equal(without.get("32")?.status, "partly");
    assert.equal(mine.get("21")?.status, "partly");
    assert.equal(without.get("21")?.status, "not reported");
  });

  it("a predictions-only report has no model: the model items say so, failure analysis is only partly", () => {
    const report = inputs(demo, true, true);
    report.protocol.predictionsOnly = {
      predictions: {file: "predictions.csv", sha256: "0".repeat(64)},
      clinical: null,
      level: "patient",
      reason: "no images and no model",
    };
    const only = byItem(claimChecklist(report));
    for (const item of ["22", "24", "25", "26", "27", "31"]) {
      assert.equal(only.get(item)?.status, "not reported", item);
      assert.match(only.get(item)?.answer ?? "", /predictions file: no images and no model/, item);
    }
    assert.equal(only.get("39")?.status, "partly");
    assert.equal(byItem(items).get("39")?.link, "/gallery");
  });

  it("no subgroup or case-mix claim beyond what Table 1 holds", () => {
    const noClinical = inputs(demo, true, true);
    assert.equal(byItem(claimChecklist(noClinical)).get("36")?.status, "partly");
    noClinical.cohorts.clinical = [{patient_id: "p1", cohort: "NFH", label: "CR", age: 61, sex: null}];
    const withAge = byItem(claimChecklist(noClinical)).get("36");
    assert.equal(withAge?.status, "reported");
    assert.match(withAge?.answer ?? "", /: age and the response class$/);
  });
});
