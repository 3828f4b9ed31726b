import type {ProtocolRow} from "../../src/components/artifacts.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";

/**
 * One parameter of the Protocol page's methods table (protocolTable.ts): what the paper states, if anything, the
 * value this study uses, and why they differ. A parameter the paper does not state has no `paper` text: its paper
 * column reads "not stated; ours", never a value put in the paper's mouth.
 */
export interface Descriptor {
  section: string;
  parameter: string;
  key: string;
  /** What the paper states, in words; absent when it states nothing. */
  paper?: string;
  /** When not stated: where our value comes from (e.g. "MATLAB R2018a's default"), shown after "not stated; ours". */
  source?: string;
  /** The stated value, comparable with the resolved value (only with `paper`). */
  paperValue?: unknown;
  value: (c: StudyConfig) => unknown;
  /** Why the study departs from the paper (shown when the values differ). */
  reason: string;
  /** Why we chose this value, for a parameter the paper does not state. */
  unreported?: string;
}

export const NotStated = "not stated; ours";

export function formatValue(v: unknown): string {
  if (Array.isArray(v)) return v.map(formatValue).join(", ");
  if (v && typeof v === "object") {
    return Object.entries(v)
      .map(([k, x]) => `${k} ${formatValue(x)}`)
      .join(", ");
  }
  if (v === null) return "built-in synthetic demo study";
  return String(v);
}

export function protocolRow(d: Descriptor, config: StudyConfig): ProtocolRow {
  const used = d.value(config);
  const stated = d.paper !== undefined;
  const differs = stated && "paperValue" in d && formatValue(d.paperValue) !== formatValue(used);
  return {
    section: d.section,
    parameter: d.parameter,
    key: d.key,
    paper: stated ? (d.paper as string) : d.source ? `${NotStated} (${d.source})` : NotStated,
    used: formatValue(used),
    differs,
    reason: stated ? (differs ? d.reason : "") : (d.unreported ?? d.reason),
  };
}
