import {createHmac, randomBytes} from "node:crypto";
import {link, mkdir, readFile, unlink, writeFile} from "node:fs/promises";
import {dirname} from "node:path";
import {projectPaths} from "../paths.js";

/**
 * Pseudonymous patient ids for the published site: `P-` + the first hex digits of HMAC-SHA256(salt, id). Without the
 * salt nobody can recompute the mapping from a list of MRNs; with it, the study team can. The salt therefore never
 * reaches the site: it comes from $WORKBENCH_PSEUDONYM_SALT, or from `.cache/pseudonym-salt` (git-ignored), created
 * with random bytes and mode 0600 on first use. The same salt gives the same pseudonyms in every build.
 */
export const SaltEnvVar = "WORKBENCH_PSEUDONYM_SALT";

/** 12 hex digits = 48 bits: the chance of any collision among 20,000 patients is below 1e-6 (and it is detected). */
export const PseudonymHexDigits = 12;

const minSaltLength = 16;

export function saltFile(repo: string): string {
  return projectPaths(repo).pseudonymSalt;
}

/** The salt: the environment variable when set, else the cache file (created on first use). */
export async function pseudonymSalt(repo: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env[SaltEnvVar];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < minSaltLength) {
      throw new Error(
        `${SaltEnvVar}: expected a secret of at least ${minSaltLength} characters, got ${fromEnv.length}`,
      );
    }
    return fromEnv;
  }
  const path = saltFile(repo);
  const existing = await readSalt(path);
  if (existing !== undefined) return existing;
  // Several data loaders start at once: each writes a private temporary file and hard-links it into place, which
  // fails when another got there first, so every loader ends up with the one salt and nobody reads a half-written file.
  await mkdir(dirname(path), {recursive: true});
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(temporary, `${randomBytes(32).toString("hex")}\n`, {mode: 0o600, flag: "wx"});
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temporary);
  }
  const salt = await readSalt(path);
  if (salt === undefined) throw new Error(`${path}: the pseudonym salt file vanished while it was being created`);
  return salt;
}

async function readSalt(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`${path}: cannot read the pseudonym salt (${(error as Error).message})`);
  }
  const salt = text.trim();
  if (salt.length < minSaltLength) {
    throw new Error(
      `${path}: expected a pseudonym salt of at least ${minSaltLength} characters, got ${salt.length}; delete the file to create a new one (the site's pseudonyms will change)`,
    );
  }
  return salt;
}

export function pseudonym(salt: string, id: string, hexDigits = PseudonymHexDigits): string {
  return `P-${createHmac("sha256", salt).update(id, "utf8").digest("hex").slice(0, hexDigits)}`;
}

/**
 * Pseudonyms for a set of ids, checked one-to-one: two ids with the same truncated hash would merge two patients on
 * the site, so a collision is an error that names both ids (in the build log, never the site) and the remedy.
 */
export function pseudonymMap(ids: Iterable<string>, salt: string, hexDigits = PseudonymHexDigits): Map<string, string> {
  const map = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const id of ids) {
    if (map.has(id)) continue;
    const p = pseudonym(salt, id, hexDigits);
    const other = owner.get(p);
    if (other !== undefined) {
      throw new Error(
        `pseudonymous ids collide: patients ${other} and ${id} both map to ${p}; use another salt (${SaltEnvVar}, or delete .cache/pseudonym-salt) and rebuild`,
      );
    }
    owner.set(p, id);
    map.set(id, p);
  }
  return map;
}
