import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import type {FlowReport} from "../../../loaders/imaging/flowReport.js";
import type {PatchRecord, PatchSet} from "../../../loaders/imaging/patchSet.js";
import {
  notAnalysableRun,
  reusesMainRun,
  sensitivityConfig,
  sensitivityRun,
  sharesMainPatches,
  spread,
  untrainableReason,
} from "../../../loaders/pipeline/geometrySensitivity.js";
import type {PipelineResult} from "../../../loaders/pipeline/runPipeline.js";
import {geometryArtifact} from "../../../loaders/site/geometryArtifact.js";
import {synthCounts} from "../../../loaders/synth/synthScales.js";
import {evaluatePredictions, type PredictionRow} from "../../../src/components/stats/evaluatePredictions.js";
import {notAnalysableNotes} from "../../../src/components/tables/geometryRows.js";

describe("geometrySensitivity", () => {
  const config = normalizeStudyConfig({protocol: "paper"});

  it("runs the corrected protocol with the geometry's patches, unaugmented unless asked", () => {
    const run = sensitivityConfig(config, {geometry: "fixed", sizeMm: 32});
    assert.equal(run.name, "fixed 32 mm");
    assert.deepEqual([run.config.patches.geometry, run.config.patches.sizeMm], ["fixed", 32]);
    assert.equal(run.protocolConfig.protocol, "corrected");
    assert.equal(run.protocolConfig.model.head, "softmax");
    assert.deepEqual(run.protocolConfig.augmentation.variants, ["identity"]);
    const configured = normalizeStudyConfig({sensitivity: {variants: "configured"}});
    assert.deepEqual(
      sensitivityConfig(configured, {geometry: "roi"}).protocolConfig.augmentation.variants,
      configured.augmentation.variants,
    );
  });

  it("shares the main run's patches only for its own geometry, and reuses the run itself only with its variants", () => {
    assert.ok(sharesMainPatches(config, {geometry: "roi"}));
    assert.ok(!sharesMainPatches(config, {geometry: "fixed", sizeMm: 16}));
    const fixed = normalizeStudyConfig({patches: {geometry: "fixed", sizeMm: 16}});
    assert.ok(sharesMainPatches(fixed, {geometry: "fixed", sizeMm: 16}));
    assert.ok(!sharesMainPatches(fixed, {geometry: "fixed", sizeMm: 32}));
    assert.ok(!reusesMainRun(config, {geometry: "roi"}));
    assert.ok(reusesMainRun(normalizeStudyConfig({sensitivity: {variants: "configured"}}), {geometry: "roi"}));
  });

  it("summarises each cohort: patients lost to 'too small', patch size spread and AUCs with intervals", () => {
    const flow: FlowReport = {
      A: {
        cohort: "A",
        eligible: 10,
        excluded: [
          {patientId: "x", cohort: "A", kind: "tumourTooSmall", reason: "too small"},
          {patientId: "y", cohort: "A", kind: "unreadableImage", reason: "bad"},
        ],
        excludedByKind: [],
        analysedPatients: 8,
        analysedPatches: 16,
        fallbackPatients: [],
      },
    };
    const record = (i: number): PatchRecord => ({
      patchId: `p${i}`,
      patientId: `P${i >> 1}`,
      cohort: "A",
      label: (["CR", "PR", "SD", "PD"] as const)[(i >> 1) % 4]!,
      geometry: "fixed",
      sliceIndex: i,
      centreMm: [0, 0, 0],
      sizeMm: 32,
      nativePx: 40 + i,
      magnification: 224 / (40 + i),
      roiCoverage: 1,
      fallback: false,
    });
    const records = Array.from({length: 16}, (_, i) => record(i));
    const cohorts: Record<string, PatchSet> = {A: {cohort: "A", sizePx: 224, records, pixels: new Uint8Array(0)}};
    const rows: PredictionRow[] = records.map((r, i) => {
      const a = 0.1 + ((i * 7) % 10) / 20;
      return {
        patientId: r.patientId,
        cohort: "A",
        label: r.label,
        probabilities: [a, 0.5 - a / 2, 0.25 - a / 4, 0.25 - a / 4],
        patchId: r.patchId,
      };
    });
    const evaluation = evaluatePredictions(rows, {bootstrap: 50, seed: 1, ciLevel: 0.95});
    const run = sensitivityRun({geometry: "fixed", sizeMm: 32}, false, flow, cohorts, {runId: "r1"}, evaluation);
    assert.equal(run.name, "fixed 32 mm");
    const a = run.cohorts[0]!;
    assert.deepEqual(
      [a.eligible, a.analysedPatients, a.analysedPatches, a.tumourTooSmall, a.excluded],
      [10, 8, 16, 1, 2],
    );
    assert.deepEqual(a.sizeMm, {median: 32, min: 32, max: 32});
    assert.equal(a.magnification?.max, Math.round((224 / 40) * 1e4) / 1e4);
    const expected = evaluation.cohorts.A!.patient;
    assert.equal(a.patient?.perClass.CR.auc, expected.perClass.CR.auc);
    assert.deepEqual(a.patient?.objectiveResponse.ci, expected.objectiveResponse.ciBootstrap);
    assert.equal(a.patch?.n, 16);
  });

  it("spread gives the median between min and max (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: 0, max: 100, noNaN: true}), {minLength: 1, maxLength: 30}), (values) => {
        const s = spread(values)!;
        assert.ok(s.min <= s.median && s.median <= s.max);
      }),
      {seed: 3},
    );
    assert.equal(spread([]), null);
  });

  // The tiny study (loaders/synth/synthScales.ts) under fixed 32 mm: every training patient's tumour is too small for a
  // 32 mm square, so the training cohort has no patch. The run is recorded as not analysable, with who was lost.
  it("records a geometry that leaves the tiny study's training cohort without patches as not analysable, with why", () => {
    const tiny = synthCounts.tiny;
    const lostAll = (cohort: string, n: number): FlowReport[string] => ({
      cohort,
      eligible: n,
      excluded: Array.from({length: n}, (_, i) => ({
        patientId: `${cohort}-${i}`,
        cohort,
        kind: "tumourTooSmall" as const,
        reason: "tumour smaller than the 32 mm patch",
      })),
      excludedByKind: [],
      analysedPatients: 0,
      analysedPatches: 0,
      fallbackPatients: [],
    });
    const flow: FlowReport = {NFH: lostAll("NFH", tiny.NFH), ZHHAJU: lostAll("ZHHAJU", tiny.ZHHAJU)};
    const empty = (cohort: string): PatchSet => ({cohort, sizePx: 224, records: [], pixels: new Uint8Array(0)});
    const cohorts = {NFH: empty("NFH"), ZHHAJU: empty("ZHHAJU")};
    const reason = untrainableReason("NFH", "fixed 32 mm", flow, cohorts) as string;
    assert.equal(
      reason,
      `the training cohort NFH has no patches under fixed 32 mm: ${tiny.NFH} of ${tiny.NFH} eligible patients lost (${tiny.NFH} with a tumour too small for the patch), so no head can be trained`,
    );
    assert.match(untrainableReason("SYUCC", "fixed 32 mm", flow, cohorts) as string, /not in the preprocessed study/);

    const geometry = {geometry: "fixed" as const, sizeMm: 32};
    const run = notAnalysableRun(geometry, false, {flow, cohorts}, reason);
    assert.equal(run.runId, "");
    assert.equal(run.notAnalysable, reason);
    assert.deepEqual(
      run.cohorts.map((c) => [c.cohort, c.eligible, c.tumourTooSmall, c.patient, c.patch]),
      [
        ["NFH", tiny.NFH, tiny.NFH, null, null],
        ["ZHHAJU", tiny.ZHHAJU, tiny.ZHHAJU, null, null],
      ],
    );
    // Without patches at all (its preprocessing failed): the reason alone.
    assert.deepEqual(notAnalysableRun(geometry, false, null, "its run failed: x").cohorts, []);

    // The site artifact carries the reason and the page's note names the geometry; a run that ran has none.
    const result = {
      config: normalizeStudyConfig({}),
      sensitivity: [run, {...run, name: "roi", geometry: {geometry: "roi"}, runId: "r1", notAnalysable: undefined}],
      timings: [],
    } as unknown as PipelineResult; // only the fields geometryArtifact reads
    const artifact = geometryArtifact(result);
    assert.equal(artifact.runs[0]?.notAnalysable, reason);
    assert.ok(!("notAnalysable" in (artifact.runs[1] as object)));
    assert.deepEqual(notAnalysableNotes(artifact), [`fixed 32 mm: not analysable, so it has no AUCs: ${reason}.`]);
  });

  it("finds a training cohort with patches trainable", () => {
    const cohorts = {NFH: {cohort: "NFH", sizePx: 224, records: [{} as PatchRecord], pixels: new Uint8Array(0)}};
    assert.equal(untrainableReason("NFH", "roi", {}, cohorts), null);
  });
});
