import {createHash} from "node:crypto";
import {readFileSync, type Stats, statSync} from "node:fs";
import {isBuiltin} from "node:module";
import {dirname, isAbsolute, join, relative, resolve, sep} from "node:path";
import {moduleReferences} from "./moduleReferences.js";

/**
 * Everything a set of entry files loads when it runs: the repository files it imports, transitively (worker entry
 * files started by `new URL("./x.ts", import.meta.url)` included, with their own imports), and the npm packages those
 * files import by name. Relative `.js` specifiers resolve to the `.ts` source beside them, as tsx runs them.
 */
export interface ImportGraph {
  /** The entries and every file they reach, by repository-relative path ("/" separators), sorted by path. */
  files: ImportedFile[];
  /** Package names (`@scope/name`, subpaths dropped) imported by those files, sorted; `node:` builtins left out. */
  packages: string[];
  /** "importer -> specifier" of imports that find no file in the repository (or name a URL scheme), sorted. */
  unresolved: string[];
}

export interface ImportedFile {
  path: string;
  /** SHA-256 of the file's content, hex. */
  sha256: string;
}

/** Files read for references; any other file a reference reaches (JSON, WASM) is content only. */
const Scripts = /\.(ts|mts|cts|js|mjs|cjs)$/;

/**
 * One reference of a file: a package, a specifier that is no repository path (a URL scheme), or a relative one with
 * the file it was last resolved to (absolute; resolved again whenever that file is gone or was never found).
 */
type Link = {package: string} | {scheme: string} | RelativeLink;
type RelativeLink = {relative: string; url: boolean; found?: string | undefined};

interface FileRecord {
  stats: Pick<Stats, "mtimeMs" | "size" | "ino">;
  sha256: string;
  /** Its references; read once per content. */
  links: Link[];
}

/**
 * Each file as last read in this process, while its modification time, size and inode stay the same: every data
 * loader process (and `workbench run`) computes each stage's graph, mostly over the same files, and one stat per
 * file is far cheaper than reading, lexing and resolving it again. An edited file has a new time and is read afresh.
 */
const records = new Map<string, FileRecord>();

const isFile = (path: string) => statSync(path, {throwIfNoEntry: false})?.isFile() === true;

/** The files tsx would load for a relative specifier, most likely first. */
function candidates(path: string): string[] {
  const swapped: Record<string, string> = {".js": ".ts", ".mjs": ".mts", ".cjs": ".cts"};
  const ext = /\.[cm]?js$/.exec(path)?.[0];
  if (ext) return [path.slice(0, -ext.length) + swapped[ext], path];
  if (/\.[^/\\.]+$/.test(path)) return [path];
  return [path, `${path}.ts`, `${path}.js`, join(path, "index.ts"), join(path, "index.js")];
}

export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

function linksOf(source: string): Link[] {
  const links: Link[] = [];
  for (const {specifier, kind} of moduleReferences(source)) {
    if (specifier.startsWith("node:") || isBuiltin(specifier)) continue;
    if (specifier.startsWith(".") || isAbsolute(specifier)) links.push({relative: specifier, url: kind === "url"});
    // An absolute URL (https:, data:) given to `new URL` is no repository code; imported, it is named as it is.
    else if (kind === "url") continue;
    else if (/^[a-z][a-z\d+.-]*:/i.test(specifier)) links.push({scheme: specifier});
    else links.push({package: packageName(specifier)});
  }
  return links;
}

/** The file's record, current as of now; undefined when there is no file at `path`. */
function fileRecord(path: string): FileRecord | undefined {
  const stats = statSync(path, {throwIfNoEntry: false});
  if (!stats?.isFile()) return undefined;
  const known = records.get(path);
  if (
    known &&
    known.stats.mtimeMs === stats.mtimeMs &&
    known.stats.size === stats.size &&
    known.stats.ino === stats.ino
  ) {
    return known;
  }
  const content = readFileSync(path);
  const record: FileRecord = {
    stats: {mtimeMs: stats.mtimeMs, size: stats.size, ino: stats.ino},
    sha256: createHash("sha256").update(content).digest("hex"),
    links: Scripts.test(path) ? linksOf(content.toString("utf8")) : [],
  };
  records.set(path, record);
  return record;
}

const posix = (path: string) => path.split(sep).join("/");

/**
 * The graph from `entries` (repository-relative paths). An entry that does not exist throws: a stage whose entry was
 * renamed must fail loudly, not be keyed by nothing. Synchronous on purpose: a few hundred small files stat'ed in
 * turn cost a millisecond or two, and each asynchronous call a trip through the thread pool (slower on a busy
 * machine than the work itself).
 */
export function importGraph(repo: string, entries: readonly string[]): ImportGraph {
  const root = resolve(repo);
  const files = new Map<string, string>();
  const packages = new Set<string>();
  const unresolved = new Set<string>();
  const visited = new Set<string>();
  const inside = (path: string) => {
    const rel = relative(root, path);
    return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  // Each file to visit, with the reference that led to it (resolved again should the file be gone: the reference's
  // last resolution is remembered, so a file is stat'ed once per visit, not once more per import of it).
  type Via = {importer: string; rel: string; link: RelativeLink; retried: boolean};
  const queue: Array<{path: string; via?: Via}> = entries.map((entry) => ({path: resolve(root, entry)}));
  const follow = (via: Via) => {
    const {importer, rel, link} = via;
    link.found ??= candidates(resolve(dirname(importer), link.relative)).find(isFile);
    // A file outside the repository would make the version depend on where the checkout is; it is named instead.
    if (link.found && inside(link.found)) queue.push({path: link.found, via});
    else if (link.found) unresolved.add(`${rel} -> ${link.relative} (outside the repository)`);
    // A URL may name a folder or a file the code writes; only an import that finds nothing is unresolved.
    else if (!link.url) unresolved.add(`${rel} -> ${link.relative}`);
  };
  while (queue.length > 0) {
    const {path, via} = queue.pop()!;
    if (visited.has(path)) continue;
    const record = inside(path) ? fileRecord(path) : undefined;
    if (!record) {
      if (!via) throw new Error(`import graph: entry ${relative(root, path)} is not a file in ${root}`);
      via.link.found = undefined;
      if (via.retried) unresolved.add(`${via.rel} -> ${via.link.relative}`);
      else follow({...via, retried: true});
      continue;
    }
    visited.add(path);
    const rel = posix(relative(root, path));
    files.set(rel, record.sha256);
    for (const link of record.links) {
      if ("package" in link) packages.add(link.package);
      else if ("scheme" in link) unresolved.add(`${rel} -> ${link.scheme}`);
      else follow({importer: path, rel, link, retried: false});
    }
  }
  return {
    files: [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, sha256]) => ({path, sha256})),
    packages: [...packages].sort(),
    unresolved: [...unresolved].sort(),
  };
}
