import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, it} from "node:test";
import slugify from "@sindresorhus/slugify";
import {protocolDefaults} from "../../../loaders/config/protocolDefaults.js";
import {centreMetrics} from "../../../src/components/acrossCentres/centreMetrics.js";
import {poolCentres} from "../../../src/components/acrossCentres/poolCentres.js";
import {available, unavailable} from "../../../src/components/analysis/availability.js";
import type {CohortsArtifact, ProtocolArtifact, Provenance} from "../../../src/components/artifacts.js";
import {calibrationExtras} from "../../../src/components/stats/calibrationExtras.js";
import type {PatientPrediction} from "../../../src/components/stats/patientPrediction.js";
import {createRng} from "../../../src/components/stats/random.js";
import {sampleSizeRow} from "../../../src/components/stats/sampleSizeSummary.js";
import {type TripodItem, tripodChecklist} from "../../../src/components/tripod/tripodChecklist.js";
import type {TripodInputs} from "../../../src/components/tripod/tripodContext.js";

/** The checklist's 52 sub-items in order (Collins et al., BMJ 2024;385:e078378, Table 1). */
const Official = [
  ["Title", "1"],
  ["Abstract", "2"],
  ...["3a", "3b", "3c", "4"].map((i) => ["Introduction", i]),
  ...[
    ...["5a", "5b", "6a", "6b", "6c", "7", "8a", "8b", "8c", "9a", "9b", "9c", "10", "11"],
    ...["12a", "12b", "12c", "12d", "12e", "12f", "12g", "13", "14", "15", "16", "17"],
  ].map((i) => ["Methods", i]),
  ...["18a", "18b", "18c", "18d", "18e", "18f"].map((i) => ["Open science", i]),
  ["Patient and public involvement", "19"],
  ...["20a", "20b", "20c", "21", "22", "23a", "23b", "24"].map((i) => ["Results", i]),
  ...["25", "26", "27a", "27b", "27c"].map((i) => ["Discussion", i]),
];

interface Study {
  synthetic: boolean;
  cohorts: string[];
  runId: string;
  codeVersion: string;
  balancing: "oversample" | "classWeights";
}

function provenance(study: Study): Provenance {
  return {
    runId: study.runId,
    protocol: "corrected",
    seed: 1,
    dataHash: "d".repeat(16),
    weightsHash: "w",
    configHash: "c",
    codeVersion: study.codeVersion,
    engine: "onnx",
    backend: "cpu",
    synthetic: study.synthetic,
    headNote: "",
    versions: {},
  };
}

function artifacts(study: Study, withBeyond: boolean): TripodInputs {
  const config = protocolDefaults("corrected");
  config.augmentation.balancing = study.balancing;
  config.study.manifest = study.synthetic ? null : "site-study.csv";
  const run = provenance(study);
  const protocol: ProtocolArtifact = {
    config,
    source: "test",
    table: [],
    runs: {paper: {...run, protocol: "paper"}, corrected: run},
    primary: "corrected",
    timings: [],
    cost: null,
  };
  const [training = "", ...externals] = study.cohorts;
  const cohorts: CohortsArtifact = {
    synthetic: study.synthetic,
    trainingCohort: training,
    cohorts: study.cohorts,
    clinical: [],
    clinicalColumns: [],
    flow: Object.fromEntries(
      study.cohorts.map((c, i) => [
        c,
        {eligible: 50 + i, excluded: [], analysedPatients: 40 + i, analysedPatches: 120, fallbackPatients: []},
      ]),
    ),
  };
  if (!withBeyond) {
    const off = unavailable<never>("failed", "not run");
    return {
      protocol,
      cohorts,
      analyses: {clinicalBaseline: off, acrossCentres: off, calibrationExtras: off, sampleSize: off},
    };
  }
  const rng = createRng(3);
  const patients = (n: number): PatientPrediction[] =>
    Array.from({length: n}, (_, i) => {
      const label = i % 4;
      const e = [0, 1, 2, 3].map((k) => Math.exp((k === label ? 1 : 0) + rng.normal()));
      const s = e.reduce((a, b) => a + b, 0);
      return {label, probabilities: e.map((v) => v / s)};
    });
  const external = externals.map((cohort) => ({cohort, patients: patients(40)}));
  const centres = study.cohorts.map((c) => centreMetrics(c, patients(40), 0.95));
  const meta = {
    synthetic: study.synthetic,
    protocol: "corrected",
    runId: study.runId,
    dataHash: run.dataHash,
    seed: 1,
    replicates: 20,
    ciLevel: 0.95,
    aggregation: "mean",
    classes: ["CR", "PR", "SD", "PD"],
    trainingCohort: training,
  };
  return {
    protocol,
    cohorts,
    analyses: {
      clinicalBaseline: unavailable("notApplicable", "no clinical columns"),
      acrossCentres: available({
        ...meta,
        acrossCentres: {
          scheme: "leave one centre out",
          variants: "identity",
          centres,
          pooled: (["auc", "accuracy", "calibrationSlope"] as const).map((m) => poolCentres(centres, m, 0.95)),
        },
      }),
      calibrationExtras: available({
        ...meta,
        calibration: calibrationExtras(external, {classes: 4, replicates: 10, seed: 1, ciLevel: 0.95, bins: 10}),
      }),
      sampleSize: available({
        ...meta,
        sampleSize: [sampleSizeRow("image head (2048 features)", 2048, [31, 23, 27, 19])],
      }),
    },
  };
}

const demo: Study = {
  synthetic: true,
  cohorts: ["NFH", "ZHHAJU", "SYUCC"],
  runId: "0822a4f2b684",
  codeVersion: "297aacd",
  balancing: "classWeights",
};
const other: Study = {
  synthetic: false,
  cohorts: ["Alpha", "Beta"],
  runId: "run-beta-7",
  codeVersion: "abc1234",
  balancing: "oversample",
};

const byItem = (items: TripodItem[]) => new Map(items.map((i) => [i.item, i]));

/** Headings' ids as Framework makes them (markdown-it-anchor with @sindresorhus/slugify), and explicit ids. */
function anchors(page: string): Set<string> {
  const text = readFileSync(page, "utf8");
  const ids = new Set<string>();
  for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) ids.add(slugify(m[1] as string));
  for (const m of text.matchAll(/id[:=] ?"([\w-]+)"/g)) ids.add(m[1] as string);
  return ids;
}

describe("tripodChecklist", () => {
  const items = tripodChecklist(artifacts(demo, true));

  it("lists every TRIPOD+AI sub-item once, in the checklist's order and sections", () => {
    assert.deepEqual(
      items.map((i) => [i.section, i.item]),
      Official,
    );
    for (const i of items) assert.ok(i.topic.length > 0 && i.text.length > 20, i.item);
  });

  it("every item has a link, or is 'not reported' with a reason; an answer is never empty", () => {
    for (const i of items) {
      assert.ok(i.answer.trim().length > 0, `${i.item}: empty answer`);
      if (i.status === "not reported") assert.equal(i.link, null, `${i.item}: not reported but linked`);
      else assert.ok(i.link !== null, `${i.item}: ${i.status} without a link`);
    }
  });

  it("every link names a page of the site, and an anchor that page has", () => {
    const src = join(process.cwd(), "src");
    for (const i of items) {
      if (i.link === null) continue;
      const [path = "", anchor] = i.link.split("#");
      const page = join(src, path === "/" ? "index.md" : `${path.slice(1)}.md`);
      assert.ok(existsSync(page), `${i.item}: ${i.link} has no page`);
      if (anchor) assert.ok(anchors(page).has(anchor), `${i.item}: ${path} has no #${anchor}`);
    }
  });

  it("answers come from the artifacts: another study's answers name its own cohorts, run and settings", () => {
    const mine = byItem(items);
    const theirs = byItem(tripodChecklist(artifacts(other, true)));
    assert.match(mine.get("6a")?.answer ?? "", /^3 centres: NFH, ZHHAJU, SYUCC$/);
    assert.match(theirs.get("6a")?.answer ?? "", /^2 centres: Alpha, Beta$/);
    assert.match(theirs.get("4")?.answer ?? "", /development on Alpha, external validation on Beta/);
    assert.match(theirs.get("20a")?.answer ?? "", /Alpha 40\/50, Beta 41\/51/);
    assert.match(theirs.get("22")?.answer ?? "", /run-beta-7/);
    assert.match(theirs.get("18f")?.answer ?? "", /abc1234/);
    assert.match(theirs.get("13")?.answer ?? "", /oversample/);
    assert.match(mine.get("13")?.answer ?? "", /classWeights/);
    assert.match(theirs.get("5a")?.answer ?? "", /site-study\.csv/);
    assert.match(mine.get("5a")?.answer ?? "", /synthetic/);
    // No answer of the other study mentions the demo's cohorts or run.
    for (const i of theirs.values()) assert.doesNotMatch(i.answer, /NFH|ZHHAJU|SYUCC|0822a4f2b684|297aacd/, i.item);
    // Synthetic or not changes the ethics and data-sharing answers.
    assert.match(mine.get("17")?.answer ?? "", /synthetic/);
    assert.doesNotMatch(theirs.get("17")?.answer ?? "", /synthetic/);
    assert.equal(theirs.get("18e")?.status, "not reported");
    assert.equal(mine.get("18e")?.link, "/data-model");
  });

  it("the sample size and heterogeneity answers carry this run's numbers", () => {
    const mine = byItem(items);
    assert.match(mine.get("10")?.answer ?? "", /^image head \(2048 features\): minimum \d+ vs 100 training patients$/);
    assert.equal(mine.get("21")?.answer, "training patients per class: CR 31, PR 23, SD 27, PD 19");
    assert.match(mine.get("23b")?.answer ?? "", /^auc: I² (\d+\.\d%|n\/a), accuracy: I² .+, calibrationSlope: I² .+$/);
    assert.equal(mine.get("12f")?.status, "reported");
  });

  it("without the beyond-the-paper analyses, the items they answer say so", () => {
    const without = byItem(tripodChecklist(artifacts(demo, false)));
    for (const item of ["10", "12d", "23b", "24", "12f"]) {
      assert.equal(without.get(item)?.status, "not reported", item);
      assert.equal(without.get(item)?.link, null, item);
    }
    assert.equal(without.get("21")?.status, "partly");
  });

  it("one external cohort: no recalibration across cohorts", () => {
    const two = byItem(tripodChecklist(artifacts(other, true)));
    assert.equal(two.get("12f")?.status, "not reported");
    assert.match(two.get("12f")?.answer ?? "", /fewer than two external cohorts/);
  });
});
