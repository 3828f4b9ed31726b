/**
 * Spreadsheet formula-injection guard, the OWASP way: a text cell that starts with =, +, -, @, a tab or a carriage
 * return would be run as a formula by Excel, LibreOffice or Sheets, so the writer prefixes it with an apostrophe (')
 * — the spreadsheets' own "this is text" marker, which they hide. Numbers written from numbers are never prefixed
 * (-0.5 stays a number); only text cells are guarded.
 *
 * The reader undoes it: it strips exactly one apostrophe when what follows is more apostrophes and then one of those
 * characters. The writer therefore also prefixes a text that already starts with apostrophes followed by one of them
 * ("'=x" is written "''=x"), so that write → read gives back every string unchanged.
 */
const guarded = /^'*[=+\-@\t\r]/;
const written = /^'+[=+\-@\t\r]/;

/** The cell text to write for a text value (before quoting). */
export function neutraliseFormula(text: string): string {
  return guarded.test(text) ? `'${text}` : text;
}

/** The value a written cell stood for: one guarding apostrophe removed. */
export function restoreFormula(cell: string): string {
  return written.test(cell) ? cell.slice(1) : cell;
}
