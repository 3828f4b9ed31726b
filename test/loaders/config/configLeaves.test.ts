import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {demoKey, evaluateKey, modelKey, optimismKey, preprocessKey} from "../../../loaders/cache/stageKeys.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {switchProtocol} from "../../../loaders/config/protocolDefaults.js";
import {backboneSpec} from "../../../loaders/features/backboneSpec.js";
import {hashJson} from "../../../loaders/hash.js";
import {evaluationOptions} from "../../../loaders/pipeline/evaluationOptions.js";
import {sensitivityConfig} from "../../../loaders/pipeline/geometrySensitivity.js";
import type {OutcomeSource} from "../../../loaders/site/outcomeSource.js";
import {readersAnalysis} from "../../../loaders/site/siteReaders.js";
import {survivalAnalysis} from "../../../loaders/site/siteSurvival.js";
import {evaluatePredictions, type PredictionRow} from "../../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../../src/components/study/studyConfig.js";
import {Protocols} from "../../../src/components/study/vocabulary.js";

/**
 * Issue #13: every leaf of the study configuration takes effect, or is refused when the configuration is normalised.
 * The walk over the default StudyConfig is generic, so a leaf added later fails here until `Effects` says how it
 * takes effect:
 * - key: changing it changes the cache key of the stage that reads it (stageKeys.ts, what runPipeline hashes);
 * - output: changing it changes what a pipeline function returns (metrics.json through evaluationOptions, …);
 * - reads: a page or loader reads it from the configuration (protocol.json's config on the pages) by that name;
 * - refused: it has one implemented value, and any other is refused with "expected … got …".
 * `base` is the configuration the change is made in, for a leaf that only matters under another setting (sizeMm
 * under the fixed geometry): the key still changes without it, but the test then shows the setting it acts under.
 */
type Spec = Record<string, unknown>;
type Effect =
  | {kind: "key"; stage: "demo" | "preprocess" | "model" | "evaluate"; value: unknown; base?: Spec}
  | {kind: "output"; of: (c: StudyConfig) => unknown; value: unknown; base?: Spec}
  | {kind: "reads"; file: string; text: string; value: unknown}
  | {kind: "refused"; value: unknown};

const code = {demo: "demo", preprocess: "preprocess", model: "model", evaluate: "evaluate"};

function stageKey(stage: "demo" | "preprocess" | "model" | "evaluate", c: StudyConfig): string {
  if (stage === "demo") return hashJson(demoKey(c, code));
  if (stage === "preprocess") return hashJson(preprocessKey(c, "data", code));
  // Both protocols run on every build (switchProtocol); a leaf counts if either protocol's key changes.
  if (stage === "model") return hashJson(Protocols.map((p) => modelKey(switchProtocol(c, p), p, "prep", code)));
  return hashJson(Protocols.map((p) => evaluateKey(switchProtocol(c, p), "model", code)));
}

// Two patches per patient, differing, so every aggregation gives different patient vectors; every class present.
const rows: PredictionRow[] = Array.from({length: 32}, (_, i) => {
  const patient = Math.floor(i / 2);
  const label = (["CR", "PR", "SD", "PD"] as const)[patient % 4] as PredictionRow["label"];
  const a = ((i * 37) % 10) / 20 + 0.05;
  const b = ((i * 53) % 10) / 40 + 0.05;
  const rest = (1 - a - b) / 2;
  return {patientId: `p${patient}`, cohort: "X", label, probabilities: [a, b, rest, rest], patchId: `${patient}-${i}`};
});
const metricsJson = (c: StudyConfig) => JSON.stringify(evaluatePredictions(rows, evaluationOptions(c)));
const fewReplicates = {evaluation: {bootstrapReplicates: 100}};

const preprocess = (value: unknown, base?: Spec): Effect => ({
  kind: "key",
  stage: "preprocess",
  value,
  ...(base ? {base} : {}),
});
const model = (value: unknown, base?: Spec): Effect => ({kind: "key", stage: "model", value, ...(base ? {base} : {})});
const ablation = (file: string, text: string, value: unknown): Effect => ({kind: "reads", file, text, value});
const metrics = (value: unknown, base: Spec = fewReplicates): Effect => ({
  kind: "output",
  of: metricsJson,
  value,
  base,
});

// Issue #23's outcomes: what the readers and survival analyses publish for a tiny study of their own.
const outcomeSource = (config: StudyConfig): OutcomeSource => {
  const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
  const classes = ["CR", "PR", "SD", "PD"] as const;
  return {
    config,
    synthetic: true,
    protocols: ["corrected"],
    rows: {
      corrected: ids.map((id, i) => {
        const s = (i + 0.5) / ids.length;
        return {
          patientId: id,
          cohort: "A",
          label: classes[i % 4] as (typeof classes)[number],
          probabilities: [s / 2, s / 2, (1 - s) / 2, (1 - s) / 2],
        };
      }),
    },
    readers: {
      name: "readers.csv",
      text: `patient_id,r1,r2,r3\n${ids.map((id, i) => `${id},${classes[i % 4]},${classes[(i + (i % 3 === 0 ? 1 : 0)) % 4]},${classes[(i + (i % 2)) % 4]}`).join("\n")}\n`,
    },
    survival: {
      name: "survival.csv",
      text: `patient_id,os_time,os_event,ttp_time,ttp_event\n${ids.map((id, i) => `${id},${10 + 3 * i},${i % 3 === 0 ? 0 : 1},${5 + 2 * i},${i % 2}`).join("\n")}\n`,
    },
    publish: (id) => id,
  };
};
const endpointsBase: Spec = {outcomes: {endpoints: structuredClone(normalizeStudyConfig({}).outcomes.endpoints)}};
const survivalOut = (value: unknown): Effect => ({
  kind: "output",
  of: (c) => survivalAnalysis(outcomeSource(c)),
  value,
  base: endpointsBase,
});
const readersOut = (value: unknown): Effect => ({kind: "output", of: (c) => readersAnalysis(outcomeSource(c)), value});

const Effects: Record<string, Effect> = {
  "outcomes.readers": {kind: "reads", file: "loaders/site/outcomeSource.ts", text: "outcomes.readers", value: "r.csv"},
  "outcomes.survival": {
    kind: "reads",
    file: "loaders/site/outcomeSource.ts",
    text: "outcomes.survival",
    value: "s.csv",
  },
  "outcomes.referenceStandard.rule": readersOut("unanimous"),
  "outcomes.referenceStandard.tie": readersOut("worse"),
  "outcomes.endpoints.os.label": survivalOut("Death"),
  "outcomes.endpoints.os.unit": survivalOut("weeks"),
  "outcomes.endpoints.os.aucTimes": survivalOut([20]),
  "outcomes.endpoints.ttp.label": survivalOut("Progression"),
  "outcomes.endpoints.ttp.unit": survivalOut("days"),
  "outcomes.endpoints.ttp.aucTimes": survivalOut([15]),
  "outcomes.endpoints.os.landmark": survivalOut(8),
  "outcomes.endpoints.ttp.landmark": survivalOut(4),
  "outcomes.responderThreshold": survivalOut(0.3),
  "outcomes.assumedCodings": survivalOut(["sex coded 1/2"]),
  protocol: {kind: "reads", file: "src/index.md", text: "config.protocol", value: "corrected"},
  "study.name": {kind: "reads", file: "src/components/charts/demoBanner.ts", text: "config.study.name", value: "X"},
  "study.manifest": {
    kind: "reads",
    file: "loaders/config/loadStudyConfig.ts",
    text: "config.study.manifest",
    value: "s.csv",
  },
  "study.demo.scale": {kind: "key", stage: "demo", value: "paper"},
  "study.demo.seed": {kind: "key", stage: "demo", value: 2},
  "cohorts.training": model("ZHHAJU"),
  "cohorts.validation": model(["SYUCC"]),
  "imaging.window.level": preprocess(40),
  "imaging.window.width": preprocess(350),
  "imaging.targetSpacingMm": preprocess([0.5, 0.5, 1], {patches: {inPlaneSpacing: "common"}}),
  "imaging.tumourLabel": preprocess(2),
  "patches.geometry": preprocess("fixed"),
  "patches.sizePx": preprocess(112),
  "patches.sizeMm": preprocess(24, {patches: {geometry: "fixed"}}),
  "patches.minNativePx": preprocess(12),
  "patches.minDiameterMm": preprocess(12),
  "patches.lesion": preprocess("union"),
  "patches.inPlaneSpacing": preprocess("common"),
  "patches.slicesPerPatient": preprocess(5),
  "patches.patchesPerSlice": preprocess(2, {patches: {geometry: "fixed"}}),
  "patches.minSliceAreaFraction": preprocess(0.5),
  "patches.minRoiCoverage": preprocess(0.9, {patches: {geometry: "fixed"}}),
  "patches.channels": preprocess("windows"),
  "patches.channelWindows": preprocess(
    [
      {level: 40, width: 400},
      {level: 60, width: 150},
      {level: 100, width: 600},
    ],
    {patches: {channels: "windows"}},
  ),
  "patches.fallback": preprocess("inscribed", {patches: {geometry: "fixed"}}),
  "augmentation.variants": model(["identity", "flipH"]),
  "augmentation.balancing": model("none"),
  "model.backbone": {kind: "refused", value: "vgg16"},
  "model.frozenLayers": {kind: "refused", value: 173},
  "model.batchNormEpsilon": model(1e-5),
  "model.head": model("softmax", {model: {loss: "categoricalCrossentropy"}}),
  "model.loss": model("categoricalCrossentropy"),
  "model.priorCorrection": model("trainingPrevalence", {model: {head: "softmax", loss: "categoricalCrossentropy"}}),
  "model.optimizer": model("adam"),
  "model.momentum": model(0.5),
  "model.learningRate": model(1e-3),
  "model.batchSize": model(32),
  "model.epochs": model(10),
  "model.fineTune": {kind: "refused", value: "res5"},
  // The engine is not in the model key (both engines give the same embeddings); the model stage starts the one asked for.
  "model.engine": {kind: "reads", file: "loaders/pipeline/modelStages.ts", text: "config.model.engine", value: "tfjs"},
  "model.backend": {kind: "output", of: (c) => backboneSpec(c), value: "wasm"},
  "seeds.training": model(2),
  "seeds.augmentation": model(2),
  "seeds.bootstrap": metrics(2),
  "seeds.extraSeeds": model(2),
  "evaluation.bootstrapReplicates": metrics(200),
  "evaluation.ciLevel": metrics(0.9),
  "evaluation.ciMethod": {
    kind: "reads",
    file: "src/discrimination.md",
    text: "config.evaluation.ciMethod",
    value: "delong",
  },
  "evaluation.primaryLevel": {
    kind: "reads",
    file: "src/objective-response.md",
    text: "config.evaluation.primaryLevel",
    value: "patient",
  },
  "evaluation.aggregation": metrics("max"),
  "evaluation.decisionCurve.from": metrics(0.05),
  "evaluation.decisionCurve.to": metrics(0.9),
  "evaluation.decisionCurve.step": metrics(0.05),
  "evaluation.calibrationBins": metrics(5),
  "clinical.columns": preprocess({ecog: {type: "number"}}),
  "site.patientIds": {
    kind: "reads",
    file: "loaders/site/sitePipeline.ts",
    text: "site.patientIds",
    value: "pseudonymous",
  },
  // Issue #11's geometry sensitivity runs.
  "sensitivity.geometries": {
    kind: "reads",
    file: "loaders/pipeline/runPipeline.ts",
    text: "config.sensitivity.geometries",
    value: [],
  },
  "sensitivity.variants": {
    kind: "output",
    of: (c) => sensitivityConfig(c, {geometry: "roi"}).protocolConfig,
    value: "configured",
  },
  // Issue #13's ablation ladder (its key hashes the paper run's whole configuration; loaders/ablation/ablationAnalysis.ts).
  "ablation.enabled": ablation("loaders/ablation/ablationAnalysis.ts", "config.ablation.enabled", false),
  "ablation.seeds": ablation("loaders/ablation/runAblation.ts", "ablation.seeds", 6),
  "ablation.folds": ablation("loaders/ablation/runAblation.ts", "ablation.folds", 3),
  "ablation.budgetMultipliers": ablation("loaders/ablation/runAblation.ts", "ablation.budgetMultipliers", [1, 2]),
  "ablation.netBenefitThresholds": ablation("loaders/ablation/runAblation.ts", "ablation.netBenefitThresholds", [0.3]),
  // Issue #13's optimism correction: the optimism analysis's key (loaders/optimism/optimismAnalysis.ts) of each protocol.
  "optimism.replicates": {
    kind: "output",
    of: (c) => Protocols.map((p) => optimismKey(switchProtocol(c, p), "model")),
    value: 10,
  },
};

/** Every leaf path of a configuration: plain objects are walked, arrays and empty objects are leaves. */
function leaves(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length === 0) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** `base` with `path` set to `value` (a deep copy; the path's objects are created as needed). */
function withLeaf(base: Spec, path: string, value: unknown): Spec {
  const spec = structuredClone(base);
  const keys = path.split(".");
  let at: Spec = spec;
  for (const key of keys.slice(0, -1)) {
    at[key] = (at[key] as Spec | undefined) ?? {};
    at = at[key] as Spec;
  }
  at[keys.at(-1) as string] = value;
  return spec;
}

function leafOf(config: StudyConfig, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], config);
}

const repo = new URL("../../../", import.meta.url);
const defaults = normalizeStudyConfig({});

describe("every configuration leaf takes effect or is refused at normalisation (issue #13)", () => {
  const paths = leaves(defaults);

  it("the walk finds the leaves, and every leaf has an entry saying how it takes effect", () => {
    assert.ok(paths.length >= 50, `${paths.length} leaves`);
    const missing = paths.filter((p) => !(p in Effects));
    assert.deepEqual(missing, [], `leaves with no entry in configLeaves.test.ts Effects: ${missing.join(", ")}`);
    const stale = Object.keys(Effects).filter((p) => !paths.includes(p));
    assert.deepEqual(stale, [], `entries for leaves the configuration no longer has: ${stale.join(", ")}`);
  });

  for (const path of paths) {
    const effect = Effects[path];
    if (!effect) continue;
    it(`${path}: ${effect.kind === "refused" ? "any other value is refused" : `changing it changes ${effect.kind === "key" ? `the ${effect.stage} stage's cache key` : effect.kind === "output" ? "an output" : `what ${effect.file} reads`}`}`, () => {
      if (effect.kind === "refused") {
        assert.throws(
          () => normalizeStudyConfig(withLeaf({}, path, effect.value)),
          (error: Error) =>
            error.name === "ConfigError" &&
            new RegExp(`^${path.replace(/\./g, "\\.")}: expected .* got `).test(error.message),
        );
        return;
      }
      const base = effect.kind === "reads" ? {} : (effect.base ?? {});
      const before = normalizeStudyConfig(base);
      const after = normalizeStudyConfig(withLeaf(base, path, effect.value));
      assert.notDeepEqual(leafOf(after, path), leafOf(before, path), "the change must change the leaf");
      if (effect.kind === "key") assert.notEqual(stageKey(effect.stage, after), stageKey(effect.stage, before));
      else if (effect.kind === "output") assert.notDeepEqual(effect.of(after), effect.of(before));
      else {
        const source = readFileSync(new URL(effect.file, repo), "utf8");
        assert.ok(source.includes(effect.text), `${effect.file} reads ${effect.text}`);
      }
    });
  }
});

describe("optimism.replicates is validated when the configuration is normalised", () => {
  it("refuses a negative, fractional or huge count with expected … got …, and accepts 0 (off)", () => {
    for (const bad of [-1, 2.5, 1001, "10"]) {
      assert.throws(
        () => normalizeStudyConfig({optimism: {replicates: bad}}),
        /^ConfigError: optimism\.replicates: expected .* got |optimism\.replicates: expected .* got /,
      );
    }
    assert.throws(() => normalizeStudyConfig({optimism: {reps: 3}}), /optimism\.reps: unknown key/);
    assert.equal(normalizeStudyConfig({optimism: {replicates: 0}}).optimism.replicates, 0);
  });
});
