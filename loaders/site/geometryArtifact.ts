import type {GeometrySensitivityArtifact} from "../../src/components/artifacts.js";
import {geometryName} from "../../src/components/study/geometryName.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";

/**
 * data/geometry.json: the geometry sensitivity runs of the pipeline result (counts and AUCs only — no patient id
 * travels), with the sensitivity stages' timings so the page can say what the analysis cost this build.
 */
export function geometryArtifact(result: PipelineResult): GeometrySensitivityArtifact {
  const {sensitivity, patches} = result.config;
  const main = geometryName(
    patches.geometry === "roi" ? {geometry: "roi"} : {geometry: "fixed", sizeMm: patches.sizeMm},
  );
  return {
    protocol: "corrected",
    variants: sensitivity.variants,
    ciLevel: result.config.evaluation.ciLevel,
    mainGeometry: main,
    runs: result.sensitivity.map((run) => ({
      name: run.name,
      geometry: run.geometry.geometry,
      sizeMm: run.geometry.geometry === "fixed" ? run.geometry.sizeMm : null,
      runId: run.runId,
      sharesMainPatches: run.sharesMainPatches,
      cohorts: run.cohorts,
      ...(run.notAnalysable === undefined ? {} : {notAnalysable: run.notAnalysable}),
    })),
    timings: result.timings.filter((t) => t.stage.startsWith("sensitivity ")),
    ...(result.sensitivity.length === 0
      ? {emptyReason: "The study configuration lists no geometries (sensitivity.geometries is empty)."}
      : {}),
  };
}
