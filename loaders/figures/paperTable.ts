/**
 * A table as a journal takes it: a title, a header row, body rows of display text (numbers already formatted, as
 * on the page), and an optional note under it. `header` marks rows that head a group (Table 1's variables).
 */
export interface PaperTable {
  title: string;
  columns: string[];
  rows: Array<{cells: string[]; header?: boolean}>;
  note?: string;
}
