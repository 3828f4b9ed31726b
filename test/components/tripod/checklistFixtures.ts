// Shared by the reporting checklists' tests (TRIPOD+AI and CLAIM 2024): two studies' artifacts, built from the real
// statistics so the answers read computed values, and the page anchors a link may name.
import {readFileSync} from "node:fs";
import slugify from "@sindresorhus/slugify";
import {protocolDefaults} from "../../../loaders/config/protocolDefaults.js";
import {centreMetrics} from "../../../src/components/acrossCentres/centreMetrics.js";
import {poolCentres} from "../../../src/components/acrossCentres/poolCentres.js";
import {available, unavailable} from "../../../src/components/analysis/availability.js";
import type {CohortsArtifact, ProtocolArtifact, Provenance} from "../../../src/components/artifacts.js";
import type {OptimismArtifact, OptimismProtocol} from "../../../src/components/optimism/optimismArtifact.js";
import {calibrationExtras} from "../../../src/components/stats/calibrationExtras.js";
import type {PatientPrediction} from "../../../src/components/stats/patientPrediction.js";
import {createRng} from "../../../src/components/stats/random.js";
import {ResponseMetricKeys} from "../../../src/components/stats/responseMetrics.js";
import {sampleSizeRow} from "../../../src/components/stats/sampleSizeSummary.js";
import {validationSizeRow} from "../../../src/components/stats/validationSizeSummary.js";
import type {TripodInputs, TripodItem} from "../../../src/components/tripod/tripodContext.js";

export interface Study {
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

/** data/optimism.json with the corrected protocol's estimates, or off (no protocol) as a build without it has. */
export function optimismFor(study: Study, run: boolean): OptimismArtifact {
  const estimate = {apparent: 0.7, optimism: 0.05, optimismSe: 0.01, corrected: 0.65, replicates: 20};
  return {
    trainingCohort: study.cohorts[0] ?? "",
    replicates: run ? 20 : 0,
    seed: 1,
    aggregation: "mean",
    method: run ? "Harrell's bootstrap optimism" : "",
    protocols: run
      ? {
          corrected: {
            calibration: null,
            runId: study.runId,
            patients: 40,
            // The checklists read only that the protocol has estimates, never their values: every key gets one.
            metrics: Object.fromEntries(ResponseMetricKeys.map((k) => [k, estimate])) as OptimismProtocol["metrics"],
            seconds: 1,
          },
        }
      : {},
    errors: {},
    ...(run ? {} : {emptyReason: "optimism.replicates is 0"}),
  };
}

export function artifacts(study: Study, withBeyond: boolean): TripodInputs {
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
      optimism: optimismFor(study, false),
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
    optimism: optimismFor(study, true),
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
        priorCorrection: null,
      }),
      sampleSize: available({
        ...meta,
        anticipatedNagelkerke: 0.15,
        sampleSize: [sampleSizeRow("image head (2048 features)", 2048, [31, 23, 27, 19])],
        validation: {
          anticipated: {cstatistic: 0.8, threshold: 0.5},
          rows: study.cohorts.slice(1).map((c) => validationSizeRow(c, 100, 40, {cstatistic: 0.8, threshold: 0.5})),
        },
      }),
    },
  };
}

export const demo: Study = {
  synthetic: true,
  cohorts: ["NFH", "ZHHAJU", "SYUCC"],
  runId: "0822a4f2b684",
  codeVersion: "297aacd",
  balancing: "classWeights",
};
export const other: Study = {
  synthetic: false,
  cohorts: ["Alpha", "Beta"],
  runId: "run-beta-7",
  codeVersion: "abc1234",
  balancing: "oversample",
};

export const byItem = (items: TripodItem[]) => new Map(items.map((i) => [i.item, i]));

/** Headings' ids as Framework makes them (markdown-it-anchor with @sindresorhus/slugify), and explicit ids. */
export function anchors(page: string): Set<string> {
  const text = readFileSync(page, "utf8");
  const ids = new Set<string>();
  for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) ids.add(slugify(m[1] as string));
  for (const m of text.matchAll(/id[:=] ?"([\w-]+)"/g)) ids.add(m[1] as string);
  return ids;
}
