import {type CellNote, naNote} from "./cellNote.js";

/** Fewer patients (or events) than this and an estimate is flagged as resting on a small sample. */
export const SmallSample = 10;
/** At least this share of bootstrap replicates without a fit and an interval is flagged. */
export const FailedShare = 0.1;

export const SmallSampleNote = `from fewer than ${SmallSample} patients (or patches, at patch level) or ${SmallSample} events: the estimate and its interval rest on a small sample and are unstable`;
export const ZeroWidthNote =
  "an interval of zero width: every resample gave the same value (a perfect or an empty split), so it does not express the uncertainty";
export const FailedFitsNote = `${100 * FailedShare}% or more of the bootstrap replicates had no fit: the interval rests only on those that had one`;

export interface EstimateFacts {
  /** Patients the estimate is from. */
  n?: number | null | undefined;
  /** Events it is from: for a binary outcome the smaller of the two groups (responders or non-responders). */
  events?: number | null | undefined;
  /** Its interval, as the table shows it. */
  ci?: readonly [number | null, number | null] | null | undefined;
  /** Bootstrap replicates drawn, and how many of them had no fit. */
  replicates?: number | null | undefined;
  failed?: number | null | undefined;
  /** Decimals the interval is shown to: ends that print alike are a zero-width interval to the reader. */
  digits?: number;
}

/**
 * The flags an estimate's cell carries, the rule written once for every table: † from fewer than 10 patients or
 * 10 events, ‡ an interval whose two ends print alike ("1.000 [1.000, 1.000]"), § a bootstrap in which 10% or more
 * of the replicates had no fit ("249 of 403 replicates without a fit"). Each flag's title gives the cell's numbers.
 * Pure; facts left out are not judged.
 */
export function estimateFlags(facts: EstimateFacts): CellNote[] {
  const {n, events, ci, replicates, failed, digits = 3} = facts;
  const notes: CellNote[] = [];
  const small: string[] = [];
  if (typeof n === "number" && n < SmallSample) small.push(`n = ${n}`);
  if (typeof events === "number" && events < SmallSample)
    small.push(`${events} event${events === 1 ? "" : "s"} (the smaller outcome group)`);
  if (small.length) notes.push({mark: "†", title: `small sample: ${small.join(", ")}`, footnote: SmallSampleNote});
  const [lo, hi] = ci ?? [null, null];
  if (
    typeof lo === "number" &&
    typeof hi === "number" &&
    Number.isFinite(lo) &&
    lo.toFixed(digits) === hi.toFixed(digits)
  )
    notes.push({
      mark: "‡",
      title: `interval of zero width (${lo.toFixed(digits)} to ${hi.toFixed(digits)})`,
      footnote: ZeroWidthNote,
    });
  if (
    typeof replicates === "number" &&
    typeof failed === "number" &&
    replicates > 0 &&
    failed / replicates >= FailedShare
  )
    notes.push({mark: "§", title: `${failed} of ${replicates} replicates without a fit`, footnote: FailedFitsNote});
  return notes;
}

/**
 * The notes of an AUC cell from its cases (responders) and controls: n/a with the empty group named when one is
 * empty (or `note`, the statistic's own reason, when given), otherwise `estimateFlags` with n = cases + controls and
 * events = the smaller group.
 */
export function aucNotes(
  auc: {
    value: number | null;
    ci?: EstimateFacts["ci"];
    cases: number;
    controls: number;
    note?: string | undefined;
    /** What a case and a control are, for the n/a reason: a responder and a non-responder unless told. */
    names?: {cases: string; controls: string};
  },
  extra: Omit<EstimateFacts, "n" | "events" | "ci"> = {},
): CellNote[] {
  const {value, ci, cases, controls, note, names = {cases: "responder", controls: "non-responder"}} = auc;
  if (value === null) {
    const why =
      cases + controls === 0
        ? "no patient in the cohort"
        : cases === 0
          ? `no ${names.cases} in the cohort (an AUC needs both groups)`
          : controls === 0
            ? `no ${names.controls} in the cohort (an AUC needs both groups)`
            : (note ?? "the estimate could not be computed");
    return [naNote(why)];
  }
  return estimateFlags({...extra, n: cases + controls, events: Math.min(cases, controls), ci});
}
