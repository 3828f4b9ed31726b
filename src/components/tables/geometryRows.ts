import type {AucWithCi, GeometrySensitivityArtifact} from "../artifacts.js";
import {formatEstimate, formatFixed} from "../format/formatStat.js";
import type {GeometryRow} from "../specs/geometrySpec.js";
import type {Level, ResponseLabel} from "../study/vocabulary.js";
import {ResponseLabels} from "../study/vocabulary.js";
import {type CellNote, naNote} from "./cellNote.js";
import {estimateFlags} from "./estimateFlags.js";

/**
 * The geometry sensitivity page's table: one row per geometry and cohort, side by side — patients analysed and lost
 * to "tumour too small", patch size and magnification, accuracy, per-class and objective-response AUCs (with their
 * CI at the artifact's ciLevel) — at the chosen level (the row's type is the figure's, specs/geometrySpec.ts). Pure:
 * the page renders it, the CSV writes its raw fields.
 */
export type {GeometryRow};

/** A table row: the figure's row and each AUC cell's notes (its flags, or why it is n/a). */
export interface GeometryTableRow extends GeometryRow {
  aucNotes: Record<ResponseLabel | "OR", CellNote[]>;
}

/** One sentence per geometry that could not be analysed, with the reason, for the page to show above the table. */
export function notAnalysableNotes(artifact: GeometrySensitivityArtifact): string[] {
  return artifact.runs.flatMap((run) =>
    run.notAnalysable === undefined ? [] : [`${run.name}: not analysable, so it has no AUCs: ${run.notAnalysable}.`],
  );
}

export function geometryRows(artifact: GeometrySensitivityArtifact, level: Level): GeometryTableRow[] {
  return artifact.runs.flatMap((run) =>
    run.cohorts.map((c) => {
      const l = c[level];
      const empty: AucWithCi = {auc: null, ci: null};
      const auc = {
        ...(Object.fromEntries(ResponseLabels.map((label) => [label, l?.perClass[label] ?? empty])) as Record<
          ResponseLabel,
          AucWithCi
        >),
        OR: l?.objectiveResponse ?? empty,
      };
      const aucText = Object.fromEntries(
        Object.entries(auc).map(([k, v]) => [k, formatEstimate(v.auc, v.ci, 3)]),
      ) as GeometryRow["aucText"];
      // Why an AUC is missing, from the run and the cohort: a geometry that could not be analysed, no patient left
      // under it, or (an AUC being undefined exactly then) one outcome group empty.
      const missing =
        run.notAnalysable !== undefined
          ? `${run.name} could not be analysed: ${run.notAnalysable}`
          : !l
            ? c.analysedPatients === 0
              ? `no patient of ${c.cohort} is analysable under ${run.name}`
              : `no ${level}-level result under ${run.name}`
            : null;
      const aucNotes = Object.fromEntries(
        Object.entries(auc).map(([k, v]) => [
          k,
          v.auc !== null
            ? estimateFlags({n: l?.n, ci: v.ci})
            : [
                naNote(
                  missing ??
                    (k === "OR"
                      ? "no responder, or no non-responder, in the cohort (an AUC needs both groups)"
                      : `no ${k}, or only ${k}, in the cohort (an AUC needs both groups)`),
                ),
              ],
        ]),
      ) as GeometryTableRow["aucNotes"];
      const range = (s: {median: number; min: number; max: number} | null, digits: number) =>
        s ? `${formatFixed(s.median, digits)} (${formatFixed(s.min, digits)}–${formatFixed(s.max, digits)})` : "–";
      return {
        geometry: run.name,
        cohort: c.cohort,
        eligible: c.eligible,
        analysedPatients: c.analysedPatients,
        lost: c.tumourTooSmall,
        patches: c.analysedPatches,
        sizeMm: range(c.sizeMm, 1),
        magnification: range(c.magnification, 1),
        n: l?.n ?? null,
        accuracy: l?.accuracy ?? null,
        aucText,
        auc,
        aucNotes,
      };
    }),
  );
}

/** Flat CSV rows: every AUC and interval bound in its own column, numbers unformatted. */
export function geometryCsvRows(rows: readonly GeometryRow[]): Array<Record<string, unknown>> {
  return rows.map((r) => {
    const out: Record<string, unknown> = {
      geometry: r.geometry,
      cohort: r.cohort,
      eligible: r.eligible,
      analysed_patients: r.analysedPatients,
      lost_tumour_too_small: r.lost,
      patches: r.patches,
      size_mm_median_range: r.sizeMm,
      magnification_median_range: r.magnification,
      n: r.n,
      accuracy: r.accuracy,
    };
    for (const [k, v] of Object.entries(r.auc)) {
      const name = k === "OR" ? "objective_response" : k;
      out[`auc_${name}`] = v.auc;
      out[`auc_${name}_lo`] = v.ci?.[0] ?? null;
      out[`auc_${name}_hi`] = v.ci?.[1] ?? null;
    }
    return out;
  });
}
