import {formatCiLevel, formatEstimate, formatFixed, formatInterval, type Interval} from "../format/formatStat.js";
import type {LevelEvaluation} from "../stats/evaluatePredictions.js";
import {type ResponseLabel, ResponseLabels} from "../study/vocabulary.js";
import type {Column} from "./column.js";
import {aucNotes} from "./estimateFlags.js";

/** One class of the per-class summary: its AUC under every interval method, argmax operating point and counts. */
export type PerClassRow = {
  class: ResponseLabel;
  auc: number | null;
  /** The bootstrap the level offers: patient-cluster at patch level, the only one at patient level. */
  cluster: Interval | null;
  /** The paper's naive patch bootstrap (the only bootstrap at patient level, where both coincide). */
  naive: Interval | null;
  /** DeLong's interval: at patch level it treats every patch as independent. */
  delong: Interval | null;
  /** Obuchowski's clustered interval (patch level); DeLong's at patient level, where the two are equal. */
  obuchowski: Interval | null;
  sensitivity: number | null;
  specificity: number | null;
  nCases: number;
  nControls: number;
};

/** The per-class rows of one level's evaluation, in the class order CR, PR, SD, PD. */
export function perClassRows(level: LevelEvaluation): PerClassRow[] {
  return ResponseLabels.map((label) => {
    const s = level.perClass[label];
    return {
      class: label,
      auc: s.auc,
      cluster: s.ciBootstrap,
      naive: s.ciBootstrapNaive ?? s.ciBootstrap,
      delong: s.ciDeLong,
      obuchowski: s.ciObuchowski === undefined ? s.ciDeLong : s.ciObuchowski,
      sensitivity: s.metrics.sensitivity.value,
      specificity: s.metrics.specificity.value,
      nCases: s.nCases,
      nControls: s.nControls,
    };
  });
}

/**
 * The per-class table's columns: intervals as "[0.801, 0.902]" ("–" when there is none), labelled with the interval's
 * level and with the bootstrap the level uses (patient-cluster at patch level). The AUC cell carries `data-class` and
 * `data-auc` for tests.
 */
export function perClassColumns(level: "patch" | "patient", ciLevel: number): Array<Column<PerClassRow>> {
  const ci = `${formatCiLevel(ciLevel)} CI`;
  return [
    {key: "class", label: "Class"},
    {
      key: "auc",
      label: "AUC",
      format: (r) => formatEstimate(r.auc, null),
      attributes: (r) => ({"data-class": r.class, "data-auc": r.auc ?? ""}),
      // Flags by the class's cases and controls and its headline interval (the bootstrap's); why it is n/a.
      notes: (r) =>
        aucNotes({
          value: r.auc,
          ci: r.cluster,
          cases: r.nCases,
          controls: r.nControls,
          names: {cases: `${r.class} case`, controls: `case other than ${r.class}`},
        }),
    },
    {
      key: "cluster",
      label: level === "patch" ? `${ci} patient-cluster bootstrap` : `${ci} bootstrap`,
      format: (r) => formatInterval(r.cluster),
    },
    {key: "naive", label: `${ci} naive patch bootstrap`, format: (r) => formatInterval(r.naive)},
    {
      key: "delong",
      label: level === "patch" ? `${ci} DeLong (ignores clustering)` : `${ci} DeLong`,
      format: (r) => formatInterval(r.delong),
    },
    ...(level === "patch"
      ? [
          {
            key: "obuchowski",
            label: `${ci} Obuchowski (clustered)`,
            format: (r: PerClassRow) => formatInterval(r.obuchowski),
          },
        ]
      : []),
    {key: "sensitivity", label: "Sensitivity (argmax)", format: (r) => formatFixed(r.sensitivity, 3, "–")},
    {key: "specificity", label: "Specificity (argmax)", format: (r) => formatFixed(r.specificity, 3, "–")},
    {key: "nCases", label: "Cases"},
    {key: "nControls", label: "Controls"},
  ];
}
