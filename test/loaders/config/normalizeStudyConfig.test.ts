import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {ConfigError} from "../../../loaders/config/validate.js";
import type {StudyConfig} from "../../../src/components/study/studyConfig.js";

describe("normalizeStudyConfig(spec)", () => {
  it("defaults reproduce the paper's protocol (Peng et al. 2020, Methods)", () => {
    const c = normalizeStudyConfig({});
    assert.equal(c.protocol, "paper");
    assert.equal(c.cohorts.training, "NFH");
    assert.deepEqual(c.imaging.targetSpacingMm, [1, 1, 1]);
    assert.equal(c.patches.sizePx, 224);
    assert.equal(c.patches.slicesPerPatient, 3);
    assert.equal(c.patches.minRoiCoverage, 1);
    assert.equal(c.patches.channels, "grey");
    // The paper's "whole CT-ROI patch" reading on native pixels; tumours too small are excluded, not blown up.
    assert.equal(c.patches.geometry, "roi");
    assert.equal(c.patches.minNativePx, 10);
    assert.equal(c.patches.lesion, "largest");
    assert.equal(c.patches.inPlaneSpacing, "native");
    assert.equal(c.patches.fallback, "exclude");
    assert.deepEqual(c.augmentation.variants, ["identity", "flipH", "flipV", "flipHV", "rot90", "rot270"]);
    assert.equal(c.augmentation.balancing, "oversample");
    assert.equal(c.model.frozenLayers, 174);
    assert.equal(c.model.head, "sigmoid");
    assert.equal(c.model.loss, "binaryCrossentropy");
    assert.equal(c.model.optimizer, "sgd");
    assert.equal(c.model.learningRate, 1e-4);
    assert.equal(c.model.batchSize, 64);
    assert.equal(c.model.epochs, 54);
    assert.equal(c.evaluation.bootstrapReplicates, 1000);
    assert.equal(c.evaluation.ciLevel, 0.95);
    assert.equal(c.evaluation.ciMethod, "naive");
    assert.equal(c.evaluation.primaryLevel, "patch");
    assert.equal(c.evaluation.aggregation, "mean");
    assert.equal(c.study.manifest, null);
  });

  it("undefined and null specs mean all defaults", () => {
    assert.deepEqual(normalizeStudyConfig(undefined), normalizeStudyConfig({}));
    assert.deepEqual(normalizeStudyConfig(null), normalizeStudyConfig({}));
  });

  it('protocol "corrected" switches head, loss, balancing, CI method and unit of analysis', () => {
    const c = normalizeStudyConfig({protocol: "corrected"});
    assert.equal(c.model.head, "softmax");
    assert.equal(c.model.loss, "categoricalCrossentropy");
    assert.equal(c.augmentation.balancing, "classWeights");
    assert.equal(c.evaluation.ciMethod, "cluster");
    assert.equal(c.evaluation.primaryLevel, "patient");
    assert.equal(c.model.learningRate, 1e-4, "everything else stays the paper's");
  });

  it("explicit values override the protocol's defaults", () => {
    const c = normalizeStudyConfig({protocol: "corrected", evaluation: {ciMethod: "delong"}, model: {epochs: 10}});
    assert.equal(c.evaluation.ciMethod, "delong");
    assert.equal(c.model.epochs, 10);
  });

  it("accepts the fixed geometry with its options for the sensitivity analysis", () => {
    const c = normalizeStudyConfig({
      patches: {
        geometry: "fixed",
        sizeMm: 32,
        minNativePx: 8,
        lesion: "union",
        inPlaneSpacing: "common",
        fallback: "inscribed",
      },
    });
    assert.deepEqual(
      [
        c.patches.geometry,
        c.patches.sizeMm,
        c.patches.minNativePx,
        c.patches.lesion,
        c.patches.inPlaneSpacing,
        c.patches.fallback,
      ],
      ["fixed", 32, 8, "union", "common", "inscribed"],
    );
  });

  it('model.engine: "auto" by default; the int8 engine only when asked for by name', () => {
    assert.equal(normalizeStudyConfig({}).model.engine, "auto");
    assert.equal(normalizeStudyConfig({model: {engine: "onnx-int8"}}).model.engine, "onnx-int8");
    assert.throws(() => normalizeStudyConfig({model: {engine: "int8"}}), /model\.engine: expected one of/);
  });

  it("accepts a scalar spacing and a numeric tumour label", () => {
    const c = normalizeStudyConfig({imaging: {targetSpacingMm: 0.8, tumourLabel: 2}});
    assert.deepEqual(c.imaging.targetSpacingMm, [0.8, 0.8, 0.8]);
    assert.equal(c.imaging.tumourLabel, 2);
  });

  const rejections: Array<[string, unknown, RegExp]> = [
    ["a non-object spec", 42, /study config: expected an object, got 42/],
    ["an array spec", [], /study config: expected an object, got an array of length 0/],
    ["an unknown top-level key", {modle: {}}, /study config\.modle: unknown key/],
    ["an unknown nested key", {model: {lr: 0.1}}, /model\.lr: unknown key \(expected one of/],
    ["an unknown protocol", {protocol: "best"}, /protocol: expected one of "paper", "corrected", got "best"/],
    ["a non-object section", {model: "fast"}, /model: expected an object, got "fast"/],
    ["a negative epoch count", {model: {epochs: -3}}, /model\.epochs: expected an integer ≥ 1 and ≤ 10000, got -3/],
    ["a fractional batch size", {model: {batchSize: 6.5}}, /model\.batchSize: expected an integer/],
    ["a zero learning rate", {model: {learningRate: 0}}, /model\.learningRate: expected a finite number > 0/],
    ["NaN", {model: {momentum: Number.NaN}}, /model\.momentum: expected a finite number .* got NaN/],
    ["a string number", {model: {epochs: "54"}}, /model\.epochs: expected an integer .* got "54"/],
    ["an unknown head", {model: {head: "relu"}}, /model\.head: expected one of "sigmoid", "softmax", got "relu"/],
    ["too many frozen layers", {model: {frozenLayers: 178}}, /model\.frozenLayers: expected 174 .*got 178/],
    [
      "fewer frozen layers than implemented",
      {model: {frozenLayers: 173}},
      /model\.frozenLayers: expected 174 .*got 173/,
    ],
    ["fine-tuning, not implemented", {model: {fineTune: "res5"}}, /model\.fineTune: expected "none" .*got "res5"/],
    [
      "an unknown engine",
      {model: {engine: "cuda"}},
      /model\.engine: expected one of "auto", "onnx", "onnx-int8", "tfjs"/,
    ],
    ["an unknown backend", {model: {backend: "webgl"}}, /model\.backend: expected one of/],
    [
      "softmax with binary cross-entropy",
      {model: {head: "softmax", loss: "binaryCrossentropy"}},
      /model\.loss: expected "categoricalCrossentropy" with a softmax head/,
    ],
    [
      "a bad spacing array",
      {imaging: {targetSpacingMm: [1, 1]}},
      /imaging\.targetSpacingMm: expected a positive number or an array of 3/,
    ],
    [
      "a negative spacing",
      {imaging: {targetSpacingMm: [1, -1, 1]}},
      /imaging\.targetSpacingMm\[1\]: expected a finite number > 0/,
    ],
    ["a zero window width", {imaging: {window: {width: 0}}}, /imaging\.window\.width: expected a finite number > 0/],
    ["a bad tumour label", {imaging: {tumourLabel: "tumour"}}, /imaging\.tumourLabel: expected an integer/],
    [
      "an unknown channel mode",
      {patches: {channels: "rgb"}},
      /patches\.channels: expected one of "grey", "windows", "slices", got "rgb"/,
    ],
    [
      "a coverage above 1",
      {patches: {minRoiCoverage: 1.5}},
      /patches\.minRoiCoverage: expected a finite number > 0 and ≤ 1, got 1.5/,
    ],
    [
      "two channel windows",
      {patches: {channelWindows: [{}, {}]}},
      /patches\.channelWindows: expected an array of 3 windows/,
    ],
    ["an unknown fallback", {patches: {fallback: "drop"}}, /patches\.fallback: expected one of "inscribed", "exclude"/],
    [
      "an unknown patch geometry",
      {patches: {geometry: "circle"}},
      /patches\.geometry: expected one of "roi", "fixed", got "circle"/,
    ],
    [
      "a fractional minNativePx",
      {patches: {minNativePx: 7.5}},
      /patches\.minNativePx: expected an integer ≥ 1 and ≤ 1024, got 7\.5/,
    ],
    [
      "a zero minNativePx",
      {patches: {minNativePx: 0}},
      /patches\.minNativePx: expected an integer ≥ 1 and ≤ 1024, got 0/,
    ],
    [
      "an unknown lesion rule",
      {patches: {lesion: "all"}},
      /patches\.lesion: expected one of "largest", "union", got "all"/,
    ],
    [
      "an unknown in-plane spacing",
      {patches: {inPlaneSpacing: 1}},
      /patches\.inPlaneSpacing: expected one of "native", "common", got 1/,
    ],
    ["an empty variant list", {augmentation: {variants: []}}, /augmentation\.variants: expected a non-empty array/],
    [
      "an unknown variant",
      {augmentation: {variants: ["identity", "rot45"]}},
      /augmentation\.variants\[1\]: expected one of/,
    ],
    [
      "a repeated variant",
      {augmentation: {variants: ["identity", "flipH", "flipH"]}},
      /augmentation\.variants\[2\]: expected distinct values/,
    ],
    [
      "variants without identity",
      {augmentation: {variants: ["flipH"]}},
      /augmentation\.variants: expected the list to include "identity"/,
    ],
    ["an unknown balancing", {augmentation: {balancing: "smote"}}, /augmentation\.balancing: expected one of/],
    ["a negative seed", {seeds: {training: -1}}, /seeds\.training: expected an integer ≥ 0/],
    [
      "too few replicates",
      {evaluation: {bootstrapReplicates: 10}},
      /evaluation\.bootstrapReplicates: expected an integer ≥ 100/,
    ],
    [
      "a CI level of 1",
      {evaluation: {ciLevel: 1}},
      /evaluation\.ciLevel: expected a finite number > 0\.5 and ≤ 0\.999, got 1/,
    ],
    [
      "an unknown CI method",
      {evaluation: {ciMethod: "bca"}},
      /evaluation\.ciMethod: expected one of "cluster", "naive", "delong"/,
    ],
    [
      "an unknown level",
      {evaluation: {primaryLevel: "slice"}},
      /evaluation\.primaryLevel: expected one of "patch", "patient"/,
    ],
    ["an unknown aggregation", {evaluation: {aggregation: "sum"}}, /evaluation\.aggregation: expected one of/],
    [
      "an inverted threshold range",
      {evaluation: {decisionCurve: {from: 0.5, to: 0.4}}},
      /evaluation\.decisionCurve: expected from < to/,
    ],
    [
      "a zero threshold step",
      {evaluation: {decisionCurve: {step: 0}}},
      /evaluation\.decisionCurve\.step: expected a finite number ≥ 0\.001/,
    ],
    ["an empty study name", {study: {name: " "}}, /study\.name: expected a non-empty string/],
    ["a numeric manifest", {study: {manifest: 3}}, /study\.manifest: expected a non-empty string, got 3/],
    ["an unknown demo scale", {study: {demo: {scale: "huge"}}}, /study\.demo\.scale: expected one of "demo", "paper"/],
    [
      "validation containing the training cohort",
      {cohorts: {validation: ["NFH"]}},
      /cohorts\.validation: expected cohorts other than the training cohort "NFH"/,
    ],
    [
      "a non-string validation cohort",
      {cohorts: {validation: [1]}},
      /cohorts\.validation\[0\]: expected a non-empty string, got 1/,
    ],
  ];
  for (const [what, spec, message] of rejections) {
    it(`rejects ${what} with an "expected … got …" message`, () => {
      assert.throws(
        () => normalizeStudyConfig(spec),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  it("output is JSON-serialisable, round-trips through normalisation and is stable", () => {
    for (const spec of [{}, {protocol: "corrected"}, {imaging: {targetSpacingMm: 0.7}, seeds: {training: 7}}]) {
      const c = normalizeStudyConfig(spec);
      const json = JSON.stringify(c);
      assert.deepEqual(JSON.parse(json), c, "no undefined, NaN, Infinity or functions");
      assert.equal(
        JSON.stringify(normalizeStudyConfig(JSON.parse(json))),
        json,
        "normalising a config is the identity",
      );
      assert.equal(JSON.stringify(normalizeStudyConfig(spec)), json, "same spec ⇒ same bytes");
    }
  });

  it("never mutates its input", () => {
    const spec = {model: {epochs: 3}, augmentation: {variants: ["identity", "flipH"]}};
    const copy = structuredClone(spec);
    const c: StudyConfig = normalizeStudyConfig(spec);
    c.augmentation.variants.push("rot90");
    assert.deepEqual(spec, copy);
  });

  it("property: any valid epochs/seed/lr combination normalises to itself", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 10000}),
        fc.integer({min: 0, max: 2 ** 32 - 1}),
        fc.double({min: 1e-8, max: 10, noNaN: true}),
        fc.constantFrom("paper", "corrected"),
        (epochs, seed, learningRate, protocol) => {
          const c = normalizeStudyConfig({protocol, model: {epochs, learningRate}, seeds: {training: seed}});
          assert.equal(c.model.epochs, epochs);
          assert.equal(c.model.learningRate, learningRate);
          assert.equal(c.seeds.training, seed);
          assert.deepEqual(normalizeStudyConfig(JSON.parse(JSON.stringify(c))), c);
        },
      ),
      {seed: 20200101, numRuns: 200},
    );
  });
});

describe("switchProtocol(config, protocol)", () => {
  it("switches only the parameters where the protocols differ and keeps the user's other settings", async () => {
    const {switchProtocol} = await import("../../../loaders/config/protocolDefaults.js");
    const paper = normalizeStudyConfig({model: {epochs: 7}, seeds: {training: 3}});
    const corrected = switchProtocol(paper, "corrected");
    assert.deepEqual(
      {
        ...corrected,
        protocol: "paper",
        model: {...corrected.model, head: "sigmoid", loss: "binaryCrossentropy", priorCorrection: "none"},
      },
      {
        ...paper,
        augmentation: {...paper.augmentation, balancing: "classWeights"},
        evaluation: {...paper.evaluation, ciMethod: "cluster", primaryLevel: "patient"},
      },
    );
    assert.equal(corrected.model.epochs, 7);
    assert.deepEqual(switchProtocol(corrected, "paper"), paper);
    assert.equal(switchProtocol(paper, "paper"), paper);
  });
});

describe("normalizeStudyConfig: clinical.columns and site.patientIds", () => {
  it("declares typed clinical columns; numeric levels are kept as text", () => {
    const c = normalizeStudyConfig({
      clinical: {
        columns: {
          ecog: {type: "ordinal", levels: [0, 1, 2]},
          bmi: {type: "number", unit: "kg/m²"},
          etiology: {type: "category", levels: ["HBV", "HCV", "alcohol"]},
          weight: {type: "number"},
        },
      },
    });
    assert.deepEqual(c.clinical.columns, {
      ecog: {type: "ordinal", levels: ["0", "1", "2"]},
      bmi: {type: "number", unit: "kg/m²"},
      etiology: {type: "category", levels: ["HBV", "HCV", "alcohol"]},
      weight: {type: "number"},
    });
    assert.deepEqual(normalizeStudyConfig({}).clinical.columns, {});
  });

  it('rejects a bad declaration with "expected … got …"', () => {
    const bad: Array<[unknown, RegExp]> = [
      [[], /^clinical\.columns: expected an object of column name → \{type, …\}, got an array of length 0$/],
      [{ecog: "ordinal"}, /^clinical\.columns\.ecog: expected an object such as \{"type": "number"\}, got "ordinal"$/],
      [{ecog: {}}, /^clinical\.columns\.ecog\.type: expected one of "number", "category", "ordinal", got undefined$/],
      [
        {ecog: {type: "text"}},
        /^clinical\.columns\.ecog\.type: expected one of "number", "category", "ordinal", got "text"$/,
      ],
      [
        {ecog: {type: "ordinal"}},
        /^clinical\.columns\.ecog\.levels: expected an array of at least 2 levels, got undefined$/,
      ],
      [
        {ecog: {type: "ordinal", levels: ["0"]}},
        /levels: expected an array of at least 2 levels, got an array of length 1/,
      ],
      [
        {ecog: {type: "category", levels: ["a", "A"]}},
        /levels\[1\]: expected distinct levels \(case-insensitive\), got "A" twice/,
      ],
      [{ecog: {type: "category", levels: ["a", ""]}}, /levels\[1\]: expected a non-empty string, got ""/],
      [
        {bmi: {type: "number", levels: ["a", "b"]}},
        /^clinical\.columns\.bmi\.levels: unknown key \(expected one of type, unit\)$/,
      ],
      [
        {"Body Mass": {type: "number"}},
        /^clinical\.columns\.Body Mass: expected a lower-case column name .*, got "Body Mass"$/,
      ],
      [
        {age: {type: "number"}},
        /^clinical\.columns\.age: expected a column Table 1 does not already know, got the known column "age"$/,
      ],
      [
        {mask: {type: "number"}},
        /^clinical\.columns\.mask: expected a clinical column, got the required manifest column "mask"$/,
      ],
    ];
    for (const [columns, message] of bad) {
      assert.throws(
        () => normalizeStudyConfig({clinical: {columns}}),
        (e: Error) => e instanceof ConfigError && message.test(e.message),
        JSON.stringify(columns),
      );
    }
    assert.throws(() => normalizeStudyConfig({clinical: {colums: {}}}), /clinical\.colums: unknown key/);
  });

  it("validates internally with B = 200 by default for a manifest study, rms::validate's 40 for the demo", () => {
    assert.equal(normalizeStudyConfig({study: {manifest: "study.csv"}}).optimism.replicates, 200);
    assert.equal(normalizeStudyConfig({}).optimism.replicates, 40);
    assert.equal(normalizeStudyConfig({optimism: {replicates: 500}}).optimism.replicates, 500);
  });

  it("publishes pseudonymous ids by default for a manifest study, the demo's readable ids otherwise", () => {
    assert.equal(normalizeStudyConfig({}).site.patientIds, "as-is");
    assert.equal(normalizeStudyConfig({study: {manifest: "study.csv"}}).site.patientIds, "pseudonymous");
    assert.equal(
      normalizeStudyConfig({study: {manifest: "study.csv"}, site: {patientIds: "as-is"}}).site.patientIds,
      "as-is",
    );
    assert.equal(normalizeStudyConfig({site: {patientIds: "pseudonymous"}}).site.patientIds, "pseudonymous");
    assert.throws(
      () => normalizeStudyConfig({site: {patientIds: "hashed"}}),
      (e: Error) =>
        e instanceof ConfigError &&
        e.message === 'site.patientIds: expected one of "pseudonymous", "as-is", got "hashed"',
    );
  });
});
