import {readdir} from "node:fs/promises";
import {join} from "node:path";

/**
 * Finding the HCC-TACE-Seg clinical sheet and its columns. Column names come from third-party code and a CSV export,
 * not from TCIA's own documentation, so they are matched case-insensitively and ignoring punctuation, and the summary
 * says which sheet column each output came from.
 */
export const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Index of the first header matching one of the candidates (case- and punctuation-insensitive), or -1. */
export function findColumn(header: readonly string[], candidates: readonly string[]): number {
  const names = header.map(squash);
  for (const c of candidates) {
    const i = names.indexOf(squash(c));
    if (i >= 0) return i;
  }
  return -1;
}

/** What the summary prints for one output: the sheet column(s) it came from, or what was looked for. */
export interface ColumnFound {
  field: string;
  found: string[] | null;
  lookedFor: string[];
  /** Why the output took this name or coding (e.g. "1/2, not M/F"), when it is not obvious. */
  remark?: string;
}

/** The sheet under `root` (two levels deep at most) whose name contains "clinical"; the first by name. */
export async function findClinicalSheet(root: string): Promise<string> {
  const found: string[] = [];
  const visit = async (dir: string, depth: number) => {
    for (const e of await readdir(dir, {withFileTypes: true})) {
      if (e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory() && depth < 2) await visit(p, depth + 1);
      else if (/\.(xlsx|csv)$/i.test(e.name) && /clinical/i.test(e.name)) found.push(p);
    }
  };
  await visit(root, 0);
  found.sort();
  if (found.length === 0)
    throw new Error(`${root}: no clinical spreadsheet (*clinical*.xlsx or .csv) found; pass --clinical <file>`);
  return found[0]!;
}
