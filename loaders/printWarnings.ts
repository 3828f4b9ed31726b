/** Warnings printed one by one; the rest are counted (a file of lower-case labels would warn on every row). */
export const MaxPrintedWarnings = 10;

/**
 * Writes each warning on its own line, prefixed `warning: `, up to `max` of them, then one line counting the rest.
 * Shared by `workbench evaluate`, `workbench report` and the predictions-only site build, which read the same CSVs.
 */
export function printWarnings(warnings: readonly string[], write: (text: string) => void, max = MaxPrintedWarnings) {
  for (const w of warnings.slice(0, max)) write(`warning: ${w}\n`);
  if (warnings.length > max) write(`warning: … and ${warnings.length - max} more\n`);
}
