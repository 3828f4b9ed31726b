import type {Availability} from "../../src/components/analysis/availability.js";
import {ablationAnalysis} from "../ablation/ablationAnalysis.js";
import {acrossCentresAnalysis} from "../acrossCentres/acrossCentresAnalysis.js";
import type {Analysis, AnalysisInput} from "../analysis/analysis.js";
import {runAnalysis} from "../analysis/runAnalysis.js";
import type {ArtifactCache} from "../cache/artifactCache.js";
import {StageEntries} from "../cache/codeVersion.js";
import {calibrationExtrasAnalysis} from "../calibrationExtras/calibrationExtrasAnalysis.js";
import {clinicalBaselineAnalysis} from "../clinicalBaseline/clinicalBaselineAnalysis.js";
import {optimismAnalysis} from "../optimism/optimismAnalysis.js";
import {ordinalAnalysis} from "../ordinal/ordinalAnalysis.js";
import {sampleSizeAnalysis} from "../sampleSize/sampleSizeAnalysis.js";
import type {StageTiming} from "./stageTiming.js";

/**
 * Every analysis that follows the main results, in the order the pipeline runs them. Adding one: its folder (the
 * Analysis, and its stage code), an entry here, its data loader (`src/data/<id>.json.ts`, one call to siteAnalysis),
 * its page, and its tests. The runner gives each the same cache, timing and error path (runAnalysis.ts).
 */
export const Analyses = {
  ablation: ablationAnalysis,
  clinicalBaseline: clinicalBaselineAnalysis,
  acrossCentres: acrossCentresAnalysis,
  ordinal: ordinalAnalysis,
  calibrationExtras: calibrationExtrasAnalysis,
  sampleSize: sampleSizeAnalysis,
  optimismPaper: optimismAnalysis("paper"),
  optimismCorrected: optimismAnalysis("corrected"),
} as const;

export type AnalysisName = keyof typeof Analyses;
type ValueOf<A> = A extends Analysis<infer T> ? T : never;
export type AnalysisValue<K extends AnalysisName> = ValueOf<(typeof Analyses)[K]>;
export type AnalysisResults = {[K in AnalysisName]: Availability<AnalysisValue<K>>};

/** Every stage's code entries, the main stages' and the analyses', by cache stage name (for the code-version tests). */
export const CodeEntries: Record<string, readonly string[]> = {
  ...StageEntries,
  ...Object.fromEntries(Object.values(Analyses).map((a) => [a.id, [a.entry]])),
};

/** Runs every analysis in turn: each failure is recorded as `failed` and the next analysis runs. */
export async function runAnalyses(
  input: AnalysisInput,
  cache: ArtifactCache,
  repo: string,
  timings: StageTiming[],
): Promise<AnalysisResults> {
  const results: Partial<Record<AnalysisName, Availability<unknown>>> = {};
  for (const name of Object.keys(Analyses) as AnalysisName[]) {
    const outcome = await runAnalysis(Analyses[name] as Analysis<unknown>, input, cache, repo);
    results[name] = outcome.result;
    if (outcome.timing) timings.push(outcome.timing);
  }
  return results as AnalysisResults;
}
