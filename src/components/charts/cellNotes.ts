import type {CellNote} from "../tables/cellNote.js";
import {footnoteLines} from "../tables/cellNote.js";
import {type Child, el} from "./dom.js";

/** A cell's marks as superscripts, each with its particulars as a tooltip. */
export function noteMarks(notes: readonly CellNote[]): Child[] {
  return notes.filter((n) => n.mark).map((n) => el("sup", {class: "cell-flag", title: n.title}, n.mark));
}

/** The cell's title attribute: every note's particulars, or nothing. */
export function noteTitle(notes: readonly CellNote[]): string | null {
  return notes.length ? notes.map((n) => n.title).join("; ") : null;
}

/** The lines under a table explaining its marks and its n/a cells; nothing when no cell has a note. */
export function footnoteList(notes: Iterable<CellNote>): HTMLElement | null {
  const lines = footnoteLines(notes);
  return lines.length ? el("ul", {class: "table-footnotes"}, ...lines.map((l) => el("li", {}, l))) : null;
}
