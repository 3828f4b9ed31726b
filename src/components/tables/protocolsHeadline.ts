import {formatEstimate} from "../format/formatStat.js";
import type {HeadlineResult} from "./homeHeadline.js";

/**
 * One line a page can open with, above its controls: each protocol's objective-response AUC per patient on every
 * external cohort, "paper: B 0.71 [0.62, 0.80], C 0.68 [0.57, 0.79]; corrected: …", from `homeHeadline`'s rows
 * (metrics.json), never typed in. Empty when the build has no external cohort.
 */
export function protocolsHeadline(
  results: ReadonlyArray<Pick<HeadlineResult, "protocol" | "cohort" | "auc" | "ci">>,
): string {
  const byProtocol = new Map<string, string[]>();
  for (const r of results) {
    const list = byProtocol.get(r.protocol) ?? [];
    list.push(`${r.cohort} ${formatEstimate(r.auc, r.ci, 2)}`);
    byProtocol.set(r.protocol, list);
  }
  if (byProtocol.size === 0) return "";
  const parts = [...byProtocol].map(([protocol, cells]) => `${protocol}: ${cells.join(", ")}`);
  return `Objective-response AUC per patient on the external cohorts — ${parts.join("; ")}.`;
}
