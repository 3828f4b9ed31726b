/**
 * The installed packages a set of imported package names brings in, as package-lock.json (lockfileVersion 2 or 3)
 * pins them: each named package and, transitively, what it depends on (a dependency's upgrade can change the numbers
 * as surely as the package's own), each found where Node would find it from its dependent (its own node_modules
 * first, then each enclosing one). One line per package, sorted: its lock path, version and integrity.
 */
export interface LockEntry {
  version?: string;
  integrity?: string;
  resolved?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface LockFile {
  packages?: Record<string, LockEntry>;
}

/** Where Node finds `name` from the package installed at `from` ("" for the repository itself). */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const path = base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[path]) return path;
    if (base === "") return undefined;
    // Up one enclosing node_modules: "node_modules/a/node_modules/b" → "node_modules/a" → "".
    const cut = base.lastIndexOf("/node_modules/");
    base = cut < 0 ? "" : base.slice(0, cut);
  }
}

export function lockedPackages(lock: LockFile, names: readonly string[]): string[] {
  const packages = lock.packages ?? {};
  const seen = new Set<string>();
  const lines: string[] = [];
  const queue: string[] = [];
  for (const name of names) {
    const path = locate(packages, "", name);
    // Imported but not in the lockfile (not installed, or a builtin this Node knows and the lexer did not): its name
    // is still part of the version, so installing it later changes the key.
    if (path) queue.push(path);
    else lines.push(`node_modules/${name} (not locked)`);
  }
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const entry = packages[path]!;
    if (entry.link && entry.resolved !== undefined) {
      // A linked package (a workspace, a `file:` dependency) is described, with its dependencies, at its target.
      lines.push(`${path} -> ${entry.resolved}`);
      if (packages[entry.resolved]) queue.push(entry.resolved);
      continue;
    }
    lines.push(`${path} ${entry.version ?? ""} ${entry.integrity ?? entry.resolved ?? ""}`);
    const deps = {...entry.peerDependencies, ...entry.optionalDependencies, ...entry.dependencies};
    for (const dep of Object.keys(deps)) {
      const found = locate(packages, path, dep);
      // An optional or peer dependency that is not installed has nothing to pin.
      if (found) queue.push(found);
    }
  }
  return lines.sort();
}
