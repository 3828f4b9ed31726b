import {createHash} from "node:crypto";
import {createReadStream} from "node:fs";

/**
 * The project's hashing primitives and the configuration's identity, each defined once. Every digest is sha256 in
 * lowercase hex; the short forms shown on pages are prefixes of these.
 */

/** sha256 of the chunks concatenated (no separators: sha256("ab") === sha256("a", "b")). */
export function sha256(...chunks: Array<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest("hex");
}

/** sha256 of a list: each part followed by a NUL, so ["ab", "c"] and ["a", "bc"] hash differently. */
export function hashParts(...parts: Array<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Stable JSON: object keys sorted, so equal values hash equally whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

export function hashJson(value: unknown): string {
  return hashParts(stableJson(value));
}

/** sha256 of a file's bytes, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The identity of a resolved study configuration (16 hex digits of its stable-JSON hash): what the Protocol page and
 * a run's provenance show as the config hash. Key order does not matter.
 */
export function configHash(config: object): string {
  return hashJson(config).slice(0, 16);
}
