import type {Provenance} from "../artifacts.js";
import {dataTable} from "../charts/dataTable.js";
import {el} from "../charts/dom.js";
import {formatCiLevel, formatFixed, formatInterval, formatP} from "../format/formatStat.js";
import type {UploadResult} from "./evaluateUpload.js";

/**
 * The paired comparison of the dropped file's model with this site's model (pairedComparison.ts), one table per
 * kind: ΔAUC by DeLong (yours − site's) for each class and objective response, and ΔNB of objective response at a few
 * thresholds with a paired bootstrap band, both at `ciLevel` (the level the worker computed them at). States plainly
 * when no patient is shared (e.g. the site publishes pseudonymous ids) or when the site has no predictions.
 */
export function comparisonView(
  comparison: UploadResult["comparison"],
  {provenance, ciLevel}: {provenance: Provenance | null; ciLevel: number},
): HTMLElement {
  if (comparison === null)
    return el("p", {id: "comparison-none"}, "This site has no predictions of its own to compare with.");
  if (comparison.cohorts.length === 0) {
    return el(
      "p",
      {id: "comparison-none"},
      "No patient of your file is among this site's patients (same id and cohort), so there is nothing to pair. ",
      "A site built from a real study publishes pseudonymous ids (P-…); use those ids to compare.",
    );
  }
  const aucRows = comparison.cohorts.flatMap((c) =>
    c.auc.map((a) => ({cohort: c.cohort, shared: c.shared, target: a.target, ...("note" in a ? {note: a.note} : a)})),
  );
  const nbRows = comparison.cohorts.flatMap((c) => c.netBenefit.map((n) => ({cohort: c.cohort, ...n})));
  const options = provenance ? {provenance} : {};
  return el(
    "div",
    {id: "comparison"},
    el(
      "p",
      {class: "small"},
      `Against the site's ${comparison.against} protocol, on shared patients at patient level. `,
      ...comparison.cohorts
        .filter((c) => c.labelMismatches > 0)
        .map((c) => `${c.cohort}: ${c.labelMismatches} shared patient(s) left out because the labels differ. `),
    ),
    dataTable(
      aucRows,
      [
        {key: "cohort", label: "Cohort"},
        {key: "shared", label: "Shared patients"},
        {key: "target", label: "Target"},
        {key: "user", label: "AUC yours", format: (r) => ("user" in r ? formatFixed(r.user) : "–")},
        {key: "site", label: "AUC site", format: (r) => ("site" in r ? formatFixed(r.site) : "–")},
        {
          key: "difference",
          label: "ΔAUC (yours − site)",
          format: (r) => ("difference" in r ? formatFixed(r.difference) : (r.note ?? "–")),
          attributes: (r) => ({
            "data-target": r.target,
            "data-difference": "difference" in r ? (r.difference as number) : "",
          }),
        },
        {
          key: "ci",
          label: `${formatCiLevel(ciLevel)} CI (DeLong, paired)`,
          format: (r) => ("ci" in r ? formatInterval(r.ci as [number, number]) : "–"),
        },
        {key: "p", label: "p", format: (r) => ("p" in r ? formatP(r.p as number) : "–")},
      ],
      {id: "comparison-table", filename: "comparison-auc", ...options},
    ),
    dataTable(
      nbRows,
      [
        {key: "cohort", label: "Cohort"},
        {key: "threshold", label: "Threshold", format: (r) => r.threshold.toFixed(2)},
        {key: "difference", label: "ΔNB (yours − site)", format: (r) => r.difference.toFixed(4)},
        {key: "ci", label: `${formatCiLevel(ciLevel)} band (paired bootstrap)`, format: (r) => formatInterval(r.ci, 4)},
      ],
      {id: "comparison-nb-table", filename: "comparison-net-benefit", ...options},
    ),
  );
}
