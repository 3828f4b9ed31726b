import {createHash, randomUUID} from "node:crypto";
import {mkdir, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import {hashFile} from "../hash.js";

/**
 * A file's content hash (sha256), remembered under `memoDir` by the file's identity: its absolute path, device,
 * inode, size, and modification and status-change times in nanoseconds — the check git and make rely on. Every data
 * loader of a site build works out the study's data hash (studyDataHash.ts), and at the paper's scale that meant
 * reading 14 GB of CT once per loader; with the memo a build reads each file once. Any write to the file, a copy over
 * it or a rename onto it changes the change time (which no user tool sets), so a stale hash would need the file
 * rewritten within the same nanosecond at the same size. `memoDir` null hashes without remembering.
 */
export async function memoHashFile(path: string, memoDir: string | null): Promise<string> {
  if (memoDir === null) return hashFile(path);
  const absolute = resolve(path);
  const info = await stat(absolute, {bigint: true});
  const identity = [absolute, info.dev, info.ino, info.size, info.mtimeNs, info.ctimeNs].join("\u0000");
  const entry = join(memoDir, `${createHash("sha256").update(identity).digest("hex").slice(0, 40)}.sha256`);
  const remembered = await readFile(entry, "utf8").catch(() => null);
  if (remembered !== null && /^[0-9a-f]{64}$/.test(remembered)) return remembered;
  const hash = await hashFile(absolute);
  // Written whole or not at all (temp + rename): concurrent loaders or shards may remember the same file at once.
  await mkdir(memoDir, {recursive: true});
  const temp = `${entry}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, hash);
    await rename(temp, entry);
  } finally {
    await rm(temp, {force: true});
  }
  return hash;
}
