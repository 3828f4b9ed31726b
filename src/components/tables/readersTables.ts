import {formatCiLevel, formatEstimate, formatFixed, formatInterval, formatPercent} from "../format/formatStat.js";
import type {ModelAgainstReaders, ModelVsReference} from "../readers/modelAgainstReaders.js";
import type {ReaderPair} from "../readers/readerAgreement.js";
import type {ReadersArtifact} from "../readers/readersArtifact.js";
import type {Column} from "./column.js";

type Cell = Record<string, unknown>;

/** One row per pair of readers: the patients both read, and Cohen's κ unweighted, linear and quadratic with CIs. */
export function readerPairRows(artifact: Pick<ReadersArtifact, "agreement">): Array<ReaderPair & Cell> {
  return artifact.agreement.pairs.map((p) => ({...p}));
}

const kappaCell = (k: ReaderPair["cohen"]) => formatEstimate(k.kappa, k.ci);

export function readerPairColumns(ciLevel: number): Array<Column<ReaderPair & Cell>> {
  const level = `${formatCiLevel(ciLevel)} CI`;
  return [
    {key: "pair", label: "readers", format: (r) => `${r.a} vs ${r.b}`},
    {key: "n", label: "patients both read"},
    {
      key: "cohen",
      label: `Cohen's κ (${level})`,
      format: (r) => kappaCell(r.cohen),
      attributes: (r) => ({"data-value": r.cohen.kappa ?? "", "data-pair": `${r.a}|${r.b}`}),
    },
    {key: "linear", label: `linear weighted κ (${level})`, format: (r) => kappaCell(r.linear)},
    {key: "quadratic", label: `quadratic weighted κ (${level})`, format: (r) => kappaCell(r.quadratic)},
  ];
}

/** The pairs' CSV: plain numbers, one column per value. */
export function readerPairCsv(artifact: Pick<ReadersArtifact, "agreement">): Array<Record<string, unknown>> {
  return artifact.agreement.pairs.map((p) => ({
    reader_a: p.a,
    reader_b: p.b,
    n: p.n,
    ...Object.fromEntries(
      (["cohen", "linear", "quadratic"] as const).flatMap((w) => [
        [`${w}_kappa`, p[w].kappa],
        [`${w}_lower`, p[w].ci?.[0] ?? null],
        [`${w}_upper`, p[w].ci?.[1] ?? null],
      ]),
    ),
  }));
}

export type ReferenceRow = ModelVsReference & {label: string} & Cell;

/** The model against each reference standard of one protocol and cohort, in the artifact's order. */
export function referenceRows(
  artifact: {model: Partial<Record<string, Record<string, ModelAgainstReaders>>>},
  protocol: string,
  cohort: string,
): ReferenceRow[] {
  const model = artifact.model[protocol]?.[cohort];
  if (!model) return [];
  return model.references.map((r) => ({
    ...r,
    label:
      r.rule.rule === "reader" ? `reader ${r.name}` : r.name === "majority" ? "majority of readers" : "unanimous only",
  }));
}

export function referenceColumns(ciLevel: number): Array<Column<ReferenceRow>> {
  return [
    {key: "label", label: "reference standard"},
    {key: "n", label: "patients", format: (r) => `${r.n} (${r.nCases} responders)`},
    {
      key: "auc",
      label: `objective-response AUC (${formatCiLevel(ciLevel)} CI, DeLong)`,
      format: (r) => formatEstimate(r.auc, r.ci),
      attributes: (r) => ({"data-value": r.auc ?? ""}),
    },
    {key: "accuracy", label: "accuracy (4 classes)", format: (r) => formatPercent(r.accuracy)},
    {
      key: "excluded",
      label: "left out",
      format: (r) => {
        const parts = Object.entries(r.excluded)
          .filter(([, n]) => n > 0)
          .map(([why, n]) => `${n} ${excludedWords[why] ?? why}`);
        return parts.length === 0 ? "none" : parts.join(", ");
      },
    },
  ];
}

const excludedWords: Record<string, string> = {
  notRead: "not read by this reader",
  tooFewReadings: "read by fewer than two",
  tie: "tied",
  disagreement: "readers disagree",
};

/** One sentence a reader can take away, computed from the artifact. */
export function readersHeadline(artifact: ReadersArtifact): string {
  const {agreement} = artifact;
  const f = agreement.fleissKappa;
  const unanimous = agreement.unanimous;
  const lowest = [...agreement.pairs].sort((a, b) => (a.cohen.kappa ?? 1) - (b.cohen.kappa ?? 1))[0];
  return (
    `${agreement.readers.length} readers read ${agreement.n} patients in common; they agree on ` +
    `${unanimous.count} (${formatPercent(unanimous.share)}), Fleiss' κ ${formatFixed(f.kappa)}` +
    (f.ci ? ` ${formatInterval(f.ci)} (${formatCiLevel(artifact.ciLevel)} CI)` : "") +
    (lowest
      ? `; the least concordant pair, ${lowest.a} and ${lowest.b}, has Cohen's κ ${formatFixed(lowest.cohen.kappa)}`
      : "") +
    ". A model cannot agree with the reference standard more than the readers who define it agree with each other."
  );
}
