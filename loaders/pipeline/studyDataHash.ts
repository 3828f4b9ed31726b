import {readdir, stat} from "node:fs/promises";
import {join} from "node:path";
import type {DeclaredColumns} from "../../src/components/study/studyConfig.js";
import {readManifest} from "../cohort/manifest.js";
import {hashFile, hashParts} from "../hash.js";
import {memoHashFile} from "./fileHashMemo.js";

/**
 * The data hash of a study: the manifest's bytes and every image and mask it names (a DICOM folder by all its
 * files). Missing files hash as "missing" so the hash is defined; preprocessing reports them as exclusions.
 * `declared` is the study's `clinical.columns`: a manifest with an undeclared column is refused here, before any work.
 * `memoDir` remembers the images' hashes between processes (fileHashMemo.ts); null reads every file.
 */
export async function studyDataHash(
  manifestPath: string,
  declared: DeclaredColumns = {},
  memoDir: string | null = null,
): Promise<string> {
  const parts: string[] = [await hashFile(manifestPath)];
  const manifest = await readManifest(manifestPath, declared);
  for (const patient of manifest.patients) {
    for (const path of [patient.image, patient.mask]) parts.push(path, await hashPath(path, memoDir));
  }
  return hashParts(...parts).slice(0, 16);
}

async function hashPath(path: string, memoDir: string | null): Promise<string> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return "missing";
  }
  if (!info.isDirectory()) return memoHashFile(path, memoDir);
  const names = (await readdir(path)).sort();
  const hashes: string[] = [];
  for (const name of names) hashes.push(name, await hashPath(join(path, name), memoDir));
  return hashParts(...hashes);
}
