import type {JsonDataFile, JsonDataFiles} from "../../src/components/contracts/dataFiles.js";

/**
 * What a JSON data loader does last: its one artifact to stdout, typed by the site's contract for that file
 * (src/components/contracts/dataFiles.ts), so a loader cannot write a shape its page does not expect.
 */
export function writeDataFile<K extends JsonDataFile>(_name: K, value: JsonDataFiles[K]): void {
  process.stdout.write(JSON.stringify(value));
}
