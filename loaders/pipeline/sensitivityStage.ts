import type {SensitivityGeometry, StudyConfig} from "../../src/components/study/studyConfig.js";
import type {FlowReport} from "../imaging/flowReport.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {readPatchStore} from "../imaging/patchStore.js";
import {
  notAnalysableRun,
  reusesMainRun,
  type SensitivityRun,
  sensitivityConfig,
  sensitivityRun,
  sharesMainPatches,
  untrainableReason,
} from "./geometrySensitivity.js";
import type {ModelStages} from "./modelStages.js";
import type {PreprocessStage} from "./preprocessStage.js";
import type {StageTiming} from "./stageTiming.js";

/**
 * The geometry sensitivity analysis's stages for one geometry: the corrected protocol re-run with the patches cut
 * under it (what each run is, and what of it the site shows, is geometrySensitivity.ts). Kept apart from runPipeline
 * because of its failure rule: it is a sensitivity analysis, never a reason to lose the report, so a geometry that
 * leaves the training cohort without patches (fixed 32 mm on a tiny study), or whose run fails, is recorded as not
 * analysable with the patients lost and the reason, and the pipeline carries on.
 */
export interface SensitivityInput {
  config: StudyConfig;
  /** The main run's preprocess entry and patch store, reused (with its cached embeddings) by its own geometry. */
  main: {stage: {key: string; value: {seconds: number}; hit: boolean; dir: string}; flow: FlowReport};
  cohorts: Record<string, PatchSet>;
  preprocess: PreprocessStage;
  stages: ModelStages;
  timings: StageTiming[];
  log(message: string): void;
}

export async function runSensitivityGeometry(
  geometry: SensitivityGeometry,
  input: SensitivityInput,
): Promise<SensitivityRun> {
  const {config, main, timings, log} = input;
  const run = sensitivityConfig(config, geometry);
  const shared = sharesMainPatches(config, geometry);
  let patches: {flow: FlowReport; cohorts: Record<string, PatchSet>} | null = null;
  try {
    // Every geometry but the main run's is preprocessed once, without gallery crops (in the main run's pass).
    const stage = shared ? main.stage : await input.preprocess(run.config, false);
    if (!shared) {
      timings.push({stage: `sensitivity preprocess (${run.name})`, seconds: stage.value.seconds, cached: stage.hit});
    }
    patches = shared ? {flow: main.flow, cohorts: input.cohorts} : await readPatchStore(stage.dir);
    const untrainable = untrainableReason(config.cohorts.training, run.name, patches.flow, patches.cohorts);
    if (untrainable) {
      log(`sensitivity ${run.name}: not analysable: ${untrainable}`);
      return notAnalysableRun(geometry, shared, patches, untrainable);
    }
    // CAMs only when this is the main corrected run itself, whose cached entry (CAMs included) is then reused.
    const model = await input.stages.model(
      "corrected",
      run.protocolConfig,
      stage,
      patches.cohorts,
      reusesMainRun(config, geometry),
    );
    timings.push({stage: `sensitivity model (${run.name})`, seconds: model.value.seconds, cached: model.hit});
    const {artifact, evaluation, metrics} = await input.stages.evaluate("corrected", run.protocolConfig, model);
    timings.push({stage: `sensitivity evaluate (${run.name})`, seconds: evaluation.value, cached: evaluation.hit});
    return sensitivityRun(geometry, shared, patches.flow, patches.cohorts, artifact, metrics);
  } catch (error) {
    const reason = `its run failed: ${error instanceof Error ? error.message : String(error)}`;
    log(`sensitivity ${run.name}: not analysable: ${reason}`);
    return notAnalysableRun(geometry, shared, patches, reason);
  }
}
