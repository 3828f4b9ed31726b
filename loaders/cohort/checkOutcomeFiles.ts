import {readFile} from "node:fs/promises";
import {basename} from "node:path";
import {readReadersCsv} from "../../src/components/readers/readReadersCsv.js";
import {readSurvivalCsv} from "../../src/components/survival/readSurvivalCsv.js";

/**
 * Reads the readers' and survival files a command was given (null = not given), strictly, so a bad one is refused
 * before any work with the readers' own messages (file, line and patient); returns what they hold.
 */
export async function checkOutcomeFiles(readers: string | null, survival: string | null) {
  return {
    readers: readers === null ? null : readReadersCsv(await readFile(readers, "utf8"), basename(readers)),
    survival: survival === null ? null : readSurvivalCsv(await readFile(survival, "utf8"), basename(survival)),
  };
}
