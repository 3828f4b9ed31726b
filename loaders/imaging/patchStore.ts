import {mkdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {safeName, slugOf} from "../output/safeName.js";
import {writeNewFile} from "../output/writeNoFollow.js";
import type {ContextCrop, PatchContext} from "./contextCrop.js";
import {type PatchSet, patchByteLength} from "./patchSet.js";
import {patchThumbnailPng} from "./patchThumbnailPng.js";
import type {PreprocessedStudy} from "./preprocessedStudy.js";

/**
 * The patch store on disk:
 *   study.json                         format, cohort list, flow report, clinical rows, geometry, warnings
 *   cohorts/<n>-<cohort>.bin           uint8 pixels, N × sizePx × sizePx × 3 (PatchSet layout)
 *   cohorts/<n>-<cohort>.json          {cohort, sizePx, count, records, thumbnails}
 *   thumbnails/<n>-<cohort>/<i>-<slug>-<hash>.png
 *   contexts/<n>-<cohort>/<i>-<slug>-<hash>.png   Fig 4's crop around the tumour (contextCrop.ts), when made
 * Ids are never used as paths: folders are named by the cohort's position plus a slug, thumbnails by the patch's
 * position, a slug and a hash of its id (see output/safeName.ts), and `thumbnails` in the cohort's JSON maps each
 * patch id to its file (and `contexts` to its crop and the crop's geometry), so `X/1` and `X_1`, or ids that differ only in their 61st character, keep their own images.
 */
export const patchStoreFormat = "tace-workbench/patch-store@1";

interface StudyFile extends Omit<PreprocessedStudy, "cohorts"> {
  format: typeof patchStoreFormat;
  cohorts: Array<{cohort: string; file: string; count: number; sizePx: number}>;
}

/** One entry per patch, in record order: the patch id and its thumbnail's path relative to the store. */
export type ThumbnailIndex = Array<{patchId: string; file: string}>;

/** One entry per patch, in record order: the context crop's path relative to the store and its geometry. */
export type ContextIndex = Array<{patchId: string; file: string} & PatchContext>;

/**
 * Writes the store into `dir`, a fresh empty folder (the CLI passes the temporary folder that then replaces `--out`;
 * the pipeline its cache's temporary folder). Every file is created with O_EXCL | O_NOFOLLOW, so nothing already in
 * the folder, a planted link included, is ever written through.
 */
export async function writePatchStore(
  dir: string,
  study: PreprocessedStudy,
  options: {thumbnails?: boolean} = {},
): Promise<void> {
  await mkdir(join(dir, "cohorts"));
  const withThumbnails = options.thumbnails ?? true;
  if (withThumbnails) await mkdir(join(dir, "thumbnails"));
  const cohorts: StudyFile["cohorts"] = [];
  for (const [n, set] of Object.values(study.cohorts).entries()) {
    const file = `${n}-${slugOf(set.cohort)}`;
    await writeNewFile(join(dir, "cohorts", `${file}.bin`), set.pixels);
    const thumbnails: ThumbnailIndex = [];
    if (withThumbnails) {
      await mkdir(join(dir, "thumbnails", file));
      // Names come from the position, so even two records sharing an id would keep separate files.
      for (const [i, record] of set.records.entries()) {
        const path = `thumbnails/${file}/${safeName(i, record.patchId, ".png")}`;
        await writeNewFile(join(dir, path), patchThumbnailPng(set, i));
        thumbnails.push({patchId: record.patchId, file: path});
      }
    }
    const contexts: ContextIndex = [];
    if (set.contexts) {
      if (set.contexts.length !== set.records.length) {
        throw new Error(
          `patch store: cohort ${set.cohort} has ${set.records.length} records but ${set.contexts.length} context crops`,
        );
      }
      await mkdir(join(dir, "contexts", file), {recursive: true});
      for (const [i, record] of set.records.entries()) {
        const path = `contexts/${file}/${safeName(i, record.patchId, ".png")}`;
        const crop = set.contexts[i]!;
        await writeNewFile(join(dir, path), crop.png);
        contexts.push({patchId: record.patchId, file: path, ...crop.context});
      }
    }
    const meta = {
      cohort: set.cohort,
      sizePx: set.sizePx,
      count: set.records.length,
      records: set.records,
      thumbnails,
      ...(set.contexts ? {contexts} : {}),
    };
    await writeNewFile(join(dir, "cohorts", `${file}.json`), `${JSON.stringify(meta, null, 1)}\n`);
    cohorts.push({cohort: set.cohort, file, count: set.records.length, sizePx: set.sizePx});
  }
  const {cohorts: _sets, ...rest} = study;
  const studyFile: StudyFile = {format: patchStoreFormat, ...rest, cohorts};
  await writeNewFile(join(dir, "study.json"), `${JSON.stringify(studyFile, null, 1)}\n`);
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
    const meta = JSON.parse(await readFile(`${base}.json`, "utf8")) as {
      sizePx: number;
      records: PatchSet["records"];
      contexts?: ContextIndex;
    };
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
      ...(meta.contexts ? {contexts: await readContexts(dir, meta.contexts, meta.records.length, `${base}.json`)} : {}),
    };
  }
  const {format: _format, cohorts: _list, ...rest} = studyFile;
  return {...rest, cohorts: sets};
}

/** The context crops named by a cohort's index; a path outside contexts/ or a count that disagrees is refused. */
async function readContexts(dir: string, index: ContextIndex, count: number, what: string): Promise<ContextCrop[]> {
  if (index.length !== count) throw new Error(`${what}: expected ${count} context crops, got ${index.length}`);
  return Promise.all(
    index.map(async ({patchId: _id, file, ...context}) => {
      if (!/^contexts\/[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*\.png$/.test(file)) {
        throw new Error(`${what}: context crop path ${JSON.stringify(file)} is not under contexts/`);
      }
      const png = await readFile(join(dir, file));
      return {context, png: new Uint8Array(png.buffer, png.byteOffset, png.length)};
    }),
  );
}
