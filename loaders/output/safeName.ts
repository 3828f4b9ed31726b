import {sha256} from "../hash.js";

/**
 * File and archive-entry names derived from untrusted ids (patch ids, patient ids, cohort names).
 *
 * An id from a manifest may hold anything: `../x`, `/abs`, `a\b`, NUL, a thousand characters, emoji. It is never used
 * as a path. A name is `<index>-<slug>-<hash>`: the zero-padded position makes names unique within one list, the
 * readable slug lets a person find a file by eye, and a short SHA-256 of the exact id tells apart ids whose slugs
 * agree (`X/1` and `X_1`, ids that differ only after the slug is cut). The id itself stays in the data, next to the
 * name it was given, so lookups go id → name and never name → id.
 */

/** Every name this module returns matches this pattern (no separators, no leading dot). */
export const SafeNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The slug is cut here; the whole name stays well under the 255-byte limit of common file systems. */
export const SlugMaxLength = 40;
const HashLength = 8;
/** Index digits; wider indexes still work, they just print more digits. */
const IndexWidth = 4;

/** The readable part: ASCII letters, digits, `.`, `_`, `-`; everything else collapses to `_`. Never empty. */
export function slugOf(id: string): string {
  const ascii = id.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const slug = ascii
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    // Leading dots or dashes would make hidden files or option-looking names; runs of dots would read as `..`.
    .replace(/\.{2,}/g, "_")
    .replace(/^[._-]+/, "")
    .slice(0, SlugMaxLength)
    .replace(/[._-]+$/, "");
  return slug === "" ? "id" : slug;
}

/** First hex digits of the SHA-256 of the id's UTF-8 bytes. */
export function idHash(id: string): string {
  return sha256(id).slice(0, HashLength);
}

/** `0007-x_1-3f2a9c01` (plus `.ext` when given): the name of the `index`-th item of a list, whose id is `id`. */
export function safeName(index: number, id: string, ext = ""): string {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new RangeError(`safeName: index must be a non-negative integer, not ${index}`);
  }
  if (ext !== "" && !/^\.[A-Za-z0-9]+$/.test(ext))
    throw new RangeError(`safeName: bad extension ${JSON.stringify(ext)}`);
  return `${String(index).padStart(IndexWidth, "0")}-${slugOf(id)}-${idHash(id)}${ext}`;
}

/**
 * Names for a list of ids, in order. Duplicate ids would make the id → name map ambiguous, so they are refused with
 * the id named (the caller's data, not the naming, is then wrong).
 */
export function safeNames(ids: readonly string[], ext = ""): Map<string, string> {
  const names = new Map<string, string>();
  for (const [i, id] of ids.entries()) {
    if (names.has(id)) throw new Error(`duplicate id ${JSON.stringify(id)} at position ${i}: names need distinct ids`);
    names.set(id, safeName(i, id, ext));
  }
  return names;
}
