import type {AblationArtifact, SeedSpread} from "../ablation/ablationArtifact.js";
import {seedsWithValue} from "./ablationRows.js";

/**
 * The ladder page's captions, counted from data/ablation.json rather than from the configured number of seeds: a
 * rung's metric is averaged over the seeds where it is defined (seedSpread.ts leaves out a seed whose AUC is
 * undefined, e.g. a cohort with one outcome class), so "over 5 seeds" is only written when all 5 have a value, and
 * otherwise the caption says how many cells rest on fewer.
 */

/** "5", or "3–5" when the counts differ; "0" for none. */
function countText(counts: readonly number[]): string {
  if (counts.length === 0) return "0";
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Every rung × cohort × metric spread of the ladder table. */
function ladderSpreads(artifact: AblationArtifact): SeedSpread[] {
  return artifact.rungs.flatMap((rung) =>
    Object.values(rung.cohorts).flatMap((m) => [
      m.patient.objectiveResponseAuc,
      m.patient.accuracy,
      m.patient.macroAuc,
    ]),
  );
}

/** The rungs table: how many seeds each rung was trained with, from the rungs' own seed lists. */
export function rungsCaption(artifact: AblationArtifact): string {
  const seeds = countText(artifact.rungs.map((r) => r.seeds.length));
  return `Each rung is trained with ${seeds} seeds (seeds.training + k, seeds.augmentation + k).`;
}

/** The ladder table: the seeds its means and ranges are over, and how many cells rest on fewer than all. */
export function ladderCaption(artifact: AblationArtifact): string {
  const spreads = ladderSpreads(artifact);
  const seeds = countText(spreads.map((s) => s.perSeed.length));
  const short = spreads.filter((s) => seedsWithValue(s) < s.perSeed.length);
  if (short.length === 0) return `Patient level, mean (SD) [min–max] over ${seeds} seeds.`;
  const missing = short.reduce((n, s) => n + s.perSeed.length - seedsWithValue(s), 0);
  return (
    `Patient level, mean (SD) [min–max] over each rung's ${seeds} seeds that have a value: ` +
    `${plural(short.length, "cell rests", "cells rest")} on fewer and say how many ("k of n seeds"), ` +
    `${plural(missing, "seed value", "seed values")} in all being undefined (e.g. one outcome class in the cohort).`
  );
}

/** The ladder figure: seeds per rung, and the seeds' AUCs it cannot draw (it shows the external cohorts only). */
export function ladderChartNote(artifact: AblationArtifact): string {
  const spreads = artifact.rungs.flatMap((rung) =>
    artifact.externalCohorts.flatMap((cohort) => {
      const s = rung.cohorts[cohort]?.patient.objectiveResponseAuc;
      return s ? [s] : [];
    }),
  );
  const seeds = countText(artifact.rungs.map((r) => r.seeds.length));
  const undefinedAucs = spreads.reduce((n, s) => n + s.perSeed.length - seedsWithValue(s), 0);
  return undefinedAucs === 0
    ? `${seeds} seeds per rung`
    : `${seeds} seeds per rung; ${plural(undefinedAucs, "seed's AUC is", "seeds' AUCs are")} undefined and not drawn`;
}
