import type {Provenance} from "../artifacts.js";
import {dataTable} from "../charts/dataTable.js";
import {el} from "../charts/dom.js";
import {formatEstimate, formatPercent} from "../format/formatStat.js";
import type {OutcomeBlocks} from "../outcomes/evaluateOutcomes.js";
import type {EndpointSpec} from "../study/studyConfig.js";
import {
  readerPairColumns,
  readerPairCsv,
  readerPairRows,
  referenceColumns,
  referenceRows,
} from "../tables/readersTables.js";
import {survivalColumns, survivalCsv, survivalRows} from "../tables/survivalTables.js";

/**
 * The readers' and survival results of an uploaded model on the "Your predictions" page: reader agreement and the
 * model against each reference standard in the chosen cohort, then survival by predicted response for every endpoint
 * and cohort — the tables of the Readers and Survival pages, for the user's file.
 */
export function outcomesView(
  blocks: OutcomeBlocks | undefined,
  {
    cohort,
    endpoints,
    ciLevel,
    provenance,
  }: {cohort: string; endpoints: Record<string, EndpointSpec>; ciLevel: number; provenance: Provenance | undefined},
): HTMLElement {
  const parts: HTMLElement[] = [];
  if (blocks?.readers) {
    const r = blocks.readers;
    parts.push(
      el("h3", {}, "Readers"),
      el(
        "p",
        {id: "your-fleiss", "data-value": r.fleissKappa.kappa ?? ""},
        `Fleiss' κ ${formatEstimate(r.fleissKappa.kappa, r.fleissKappa.ci)} over ${r.n} patients read by every reader; unanimous ${formatPercent(r.unanimous.share)}.`,
      ),
      dataTable(readerPairRows({agreement: r}), readerPairColumns(ciLevel), {
        id: "your-reader-pairs",
        filename: "your-reader-agreement",
        provenance,
        csvRows: readerPairCsv({agreement: r}),
      }),
      dataTable(referenceRows({model: {upload: r.model}}, "upload", cohort), referenceColumns(ciLevel), {
        id: "your-reference-table",
        filename: `your-model-vs-readers-${cohort}`,
        provenance,
        caption: `Your model against each reference standard, ${cohort}, patient level.`,
      }),
    );
  }
  if (blocks?.survival) {
    const survival = blocks.survival;
    const cohorts = [...new Set(Object.values(survival).flatMap((byCohort) => Object.keys(byCohort)))];
    const artifact = {cohorts, trainingCohort: "", protocols: {upload: {survival}}};
    parts.push(el("h3", {}, "Survival by predicted response"));
    for (const endpoint of Object.keys(survival)) {
      const spec = endpoints[endpoint];
      const unit = spec?.unit ?? "time units";
      const rows = survivalRows(artifact, "upload", endpoint);
      parts.push(
        el(
          "div",
          {class: "table-scroll"},
          dataTable(rows, survivalColumns(unit, ciLevel), {
            id: `your-survival-${endpoint}`,
            filename: `your-survival-${endpoint}`,
            provenance,
            csvRows: survivalCsv(rows),
            caption: `${spec?.label ?? endpoint}; predicted responder: P(CR) + P(PR) ≥ ${blocks.survivalOptions?.threshold ?? 0.5}.`,
          }),
        ),
      );
    }
  }
  return el("div", {id: "your-outcomes"}, ...parts);
}
