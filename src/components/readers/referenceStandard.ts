import type {ReferenceStandardSetting} from "../study/studyConfig.js";
import type {ReadersTable} from "./readReadersCsv.js";

/** How a majority tie is settled: leave the patient out, or take the worse (closer to PD) or better tied class. */
export const TieBreaks = ["exclude", "worse", "better"] as const;
export type TieBreak = (typeof TieBreaks)[number];

/** The reference standard, a study setting (outcomes.referenceStandard): one reader, the majority, or unanimous. */
export type ReferenceRule = ReferenceStandardSetting;
export const ReferenceRuleNames = ["reader", "majority", "unanimous"] as const;

/**
 * Why a patient has no reference class: "notRead" — the rule's reader did not read the patient; "tooFewReadings" —
 * fewer than two readers read the patient (majority, unanimous); "tie" — the majority is tied and tie is "exclude";
 * "disagreement" — the readers who read the patient did not all agree (unanimous).
 */
export const ExclusionReasons = ["notRead", "tooFewReadings", "tie", "disagreement"] as const;
export type ExclusionReason = (typeof ExclusionReasons)[number];

export interface ReferenceRow {
  patientId: string;
  /** Class index (CR 0 … PD 3), or null with `reason`. */
  reference: number | null;
  reason?: ExclusionReason;
  /** How many readers read this patient. */
  readings: number;
}

export interface ReferenceStandard {
  rule: ReferenceRule;
  rows: ReferenceRow[];
  counts: {
    patients: number;
    /** Patients with a reference class. */
    assigned: number;
    /** Patients whose majority was tied (majority rule only; settled or excluded as `tie` says). */
    ties: number;
    excluded: Record<ExclusionReason, number>;
  };
}

/**
 * The reference class of every patient of a readers table under `rule`. Only readings that exist count: a reader who
 * did not read a patient (an empty cell) neither votes nor blocks.
 *
 * - reader: that reader's class; "notRead" when that reader did not read the patient.
 * - majority: the class given by more of the patient's available readers than any other class (a plurality: with
 *   three readers 2–1 and 2–0 decide, 1–1–1 is a tie; with four, 2–1–1 decides, 2–2 is a tie), over at least two
 *   readings, else "tooFewReadings" (so a patient read by one reader has no majority even if the others would agree).
 *   A tie is settled by `tie`: "worse" takes the tied class with the highest index (closer to PD, e.g. PR–SD → SD),
 *   "better" the lowest (PR–SD → PR), "exclude" gives null with reason "tie".
 * - unanimous: the class when every available reading agrees and there are at least two, else "tooFewReadings" or
 *   "disagreement".
 *
 * Throws RangeError for a reader not in the table (naming the readers) or a tie mode outside TieBreaks.
 */
export function referenceStandard(table: ReadersTable, rule: ReferenceRule): ReferenceStandard {
  const excluded: Record<ExclusionReason, number> = {notRead: 0, tooFewReadings: 0, tie: 0, disagreement: 0};
  let ties = 0;
  let readerIndex = -1;
  if (rule.rule === "reader") {
    readerIndex = table.readers.indexOf(rule.reader);
    if (readerIndex < 0)
      throw new RangeError(`reference reader "${rule.reader}" is not one of the readers: ${table.readers.join(", ")}`);
  } else if (rule.rule === "majority" && !(TieBreaks as readonly string[]).includes(rule.tie)) {
    throw new RangeError(`majority tie must be one of ${TieBreaks.join("|")}, not ${String(rule.tie)}`);
  }
  const rows = table.rows.map(({patientId, labels}): ReferenceRow => {
    const readings = labels.filter((l): l is number => l !== null);
    const row = (reference: number | null, reason?: ExclusionReason): ReferenceRow => {
      if (reason) excluded[reason]++;
      return reason
        ? {patientId, reference, reason, readings: readings.length}
        : {patientId, reference, readings: readings.length};
    };
    if (rule.rule === "reader") {
      const label = labels[readerIndex] ?? null;
      return label === null ? row(null, "notRead") : row(label);
    }
    if (readings.length < 2) return row(null, "tooFewReadings");
    if (rule.rule === "unanimous")
      return readings.every((l) => l === readings[0]) ? row(readings[0] as number) : row(null, "disagreement");
    const votes = new Map<number, number>();
    for (const l of readings) votes.set(l, (votes.get(l) ?? 0) + 1);
    const most = Math.max(...votes.values());
    const top = [...votes].filter(([, v]) => v === most).map(([c]) => c);
    if (top.length === 1) return row(top[0] as number);
    ties++;
    if (rule.tie === "exclude") return row(null, "tie");
    return row(rule.tie === "worse" ? Math.max(...top) : Math.min(...top));
  });
  return {
    rule,
    rows,
    counts: {patients: rows.length, assigned: rows.filter((r) => r.reference !== null).length, ties, excluded},
  };
}
