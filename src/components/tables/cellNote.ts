/**
 * A note on one table cell: a mark after its text with the cell's particulars as its tooltip, and a line under the
 * table that says what the mark means. Estimates from small samples or degenerate intervals (estimateFlags.ts) and
 * the reason of an "n/a" (naNote) are both cell notes, so every table shows them the same way (charts/cellNotes.ts).
 */
export interface CellNote {
  /** The mark after the cell's text ("†"); "" for an n/a reason, where the cell's "n/a" is its own mark. */
  mark: string;
  /** This cell's particulars, its tooltip: "from 7 patients, 3 of them responders". */
  title: string;
  /** The line under the table explaining the mark; one line per distinct footnote. */
  footnote: string;
}

/** Why a cell says "n/a", from the data: its tooltip and its footnote line read "n/a: <reason>". */
export function naNote(reason: string): CellNote {
  const text = `n/a: ${reason}`;
  return {mark: "", title: text, footnote: text};
}

/** The footnote lines of a table's notes, each distinct line once, marks first in order of first appearance. */
export function footnoteLines(notes: Iterable<CellNote>): string[] {
  const lines = new Set<string>();
  for (const n of notes) lines.add(n.mark ? `${n.mark} ${n.footnote}` : n.footnote);
  return [...lines];
}
