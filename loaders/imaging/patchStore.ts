import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {type PatchSet, patchByteLength} from "./patchSet.js";
import {patchThumbnailPng} from "./patchThumbnailPng.js";
import type {PreprocessedStudy} from "./preprocessStudy.js";

/**
 * The patch store on disk:
 *   study.json                         format, cohort list, flow report, clinical rows, geometry, warnings
 *   cohorts/<n>-<cohort>.bin           uint8 pixels, N × sizePx × sizePx × 3 (PatchSet layout)
 *   cohorts/<n>-<cohort>.json          {cohort, sizePx, count, records}
 *   thumbnails/<n>-<cohort>/<patchId>.png
 * File names use a sanitised cohort name prefixed by its position, so any cohort string is safe and names stay unique.
 */
export const patchStoreFormat = "tace-workbench/patch-store@1";

interface StudyFile extends Omit<PreprocessedStudy, "cohorts"> {
  format: typeof patchStoreFormat;
  cohorts: Array<{cohort: string; file: string; count: number; sizePx: number}>;
}

const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60);

export async function writePatchStore(
  dir: string,
  study: PreprocessedStudy,
  options: {thumbnails?: boolean} = {},
): Promise<void> {
  await mkdir(join(dir, "cohorts"), {recursive: true});
  const cohorts: StudyFile["cohorts"] = [];
  for (const [n, set] of Object.values(study.cohorts).entries()) {
    const file = `${n}-${safe(set.cohort)}`;
    await writeFile(join(dir, "cohorts", `${file}.bin`), set.pixels);
    const meta = {cohort: set.cohort, sizePx: set.sizePx, count: set.records.length, records: set.records};
    await writeFile(join(dir, "cohorts", `${file}.json`), `${JSON.stringify(meta, null, 1)}\n`);
    cohorts.push({cohort: set.cohort, file, count: set.records.length, sizePx: set.sizePx});
    if (options.thumbnails ?? true) {
      const folder = join(dir, "thumbnails", file);
      await mkdir(folder, {recursive: true});
      for (const [i, record] of set.records.entries()) {
        await writeFile(join(folder, `${safe(record.patchId)}.png`), patchThumbnailPng(set, i));
      }
    }
  }
  const {cohorts: _sets, ...rest} = study;
  const studyFile: StudyFile = {format: patchStoreFormat, ...rest, cohorts};
  await writeFile(join(dir, "study.json"), `${JSON.stringify(studyFile, null, 1)}\n`);
}

export async function readPatchStore(dir: string): Promise<PreprocessedStudy> {
  const path = join(dir, "study.json");
  const studyFile = JSON.parse(await readFile(path, "utf8")) as StudyFile;
  if (studyFile.format !== patchStoreFormat) {
    throw new Error(`${path}: expected format "${patchStoreFormat}", got ${JSON.stringify(studyFile.format)}`);
  }
  const sets: Record<string, PatchSet> = {};
  for (const entry of studyFile.cohorts) {
    const base = join(dir, "cohorts", entry.file);
    const meta = JSON.parse(await readFile(`${base}.json`, "utf8")) as {sizePx: number; records: PatchSet["records"]};
    const bytes = await readFile(`${base}.bin`);
    const expected = meta.records.length * patchByteLength(meta.sizePx);
    if (bytes.length !== expected) {
      throw new Error(
        `${base}.bin: expected ${expected} bytes for ${meta.records.length} patches of ${meta.sizePx} px, got ${bytes.length}`,
      );
    }
    sets[entry.cohort] = {
      cohort: entry.cohort,
      sizePx: meta.sizePx,
      records: meta.records,
      pixels: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    };
  }
  const {format: _format, cohorts: _list, ...rest} = studyFile;
  return {...rest, cohorts: sets};
}
