import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {writeNewFile} from "../output/writeNoFollow.js";
import type {PatientOutcome} from "./preprocessManifestPatient.js";

/**
 * One shard's patient outcomes on disk, for `workbench merge` to assemble the study from:
 *   outcomes.json   the outcomes as JSON, every byte array replaced by {"$bytes": [offset, length]} into…
 *   outcomes.bin    …the concatenated bytes (patch pixels, context-crop PNGs), in the order JSON visits them.
 * Byte arrays are found wherever they are, so fields added to a patient's result travel without changes here.
 */
export const outcomeStoreFormat = "tace-workbench/patient-outcomes@1";

interface OutcomeFile {
  format: typeof outcomeStoreFormat;
  /** Index of the first outcome in the study's patient order (assembleStudy.patientOrder) and how many follow. */
  start: number;
  outcomes: unknown[];
}

export async function writeOutcomeStore(
  dir: string,
  start: number,
  outcomes: readonly PatientOutcome[],
): Promise<void> {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify({format: outcomeStoreFormat, start, outcomes}, (_key, value: unknown) => {
    if (value instanceof Uint8Array) {
      chunks.push(value);
      offset += value.length;
      return {$bytes: [offset - value.length, value.length]};
    }
    if (ArrayBuffer.isView(value))
      throw new Error(`writeOutcomeStore: unsupported ${value.constructor.name} in an outcome`);
    return value;
  });
  const bin = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    bin.set(c, at);
    at += c.length;
  }
  await writeNewFile(join(dir, "outcomes.bin"), bin);
  await writeNewFile(join(dir, "outcomes.json"), json);
}

export async function readOutcomeStore(dir: string): Promise<{start: number; outcomes: PatientOutcome[]}> {
  const path = join(dir, "outcomes.json");
  const bin = await readFile(join(dir, "outcomes.bin"));
  const file = JSON.parse(await readFile(path, "utf8"), (_key, value: unknown) => {
    if (value && typeof value === "object" && "$bytes" in value) {
      const [offset, length] = (value as {$bytes: [number, number]}).$bytes;
      if (offset + length > bin.length) throw new Error(`${path}: byte range ${offset}+${length} beyond outcomes.bin`);
      return new Uint8Array(bin.buffer, bin.byteOffset + offset, length);
    }
    return value;
  }) as OutcomeFile;
  if (file.format !== outcomeStoreFormat) {
    throw new Error(`${path}: expected format "${outcomeStoreFormat}", got ${JSON.stringify(file.format)}`);
  }
  return {start: file.start, outcomes: file.outcomes as PatientOutcome[]};
}
