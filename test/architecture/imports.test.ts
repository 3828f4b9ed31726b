import assert from "node:assert/strict";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";

/**
 * The import graph of the sources, checked for cycles and for imports that point the wrong way.
 *
 * Layers, lowest first; a file may import from its own layer or a lower one, never a higher one:
 *   0 src/components   pure code that runs in the browser and in Node (statistics, charts, vocabulary)
 *   1 models           the ResNet50 and the heads (tfjs); may use src/components, never the pipeline
 *   2 loaders          the Node-only pipeline (config → cohort → imaging → features → train → predict → evaluate)
 *   3 bin, src/data    entry points: the command line and the site's data loaders
 * Pages (src/*.md) sit above everything and are not parsed here.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const Roots = ["src/components", "models", "loaders", "bin", "src/data"] as const;

function layerOf(file: string): number {
  if (file.startsWith("src/components/")) return 0;
  if (file.startsWith("models/")) return 1;
  if (file.startsWith("loaders/")) return 2;
  if (file.startsWith("bin/") || file.startsWith("src/data/")) return 3;
  return Number.POSITIVE_INFINITY; // anything else (pages, tests) is never a legal import target
}

/**
 * Known cycles, each written as the sorted files of its strongly connected component, to be removed once fixed.
 * A cycle not listed here fails the test.
 */
const KnownCycles: string[][] = [];

/**
 * Known imports that break a rule, as "from -> to", to be removed once fixed. Any other breach fails the test.
 */
const KnownUpward = new Set<string>([]);

/** Stage folders that must not import each other in either direction (they share through a lower module). */
const Siblings: Array<[string, string]> = [["loaders/train/", "loaders/predict/"]];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(repo, dir)).sort()) {
    const path = join(dir, name);
    if (statSync(join(repo, path)).isDirectory()) {
      if (!name.startsWith(".") && name !== "weights" && name !== "runs") out.push(...sourceFiles(path));
    } else if (/\.(ts|mts|mjs)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Specifiers of static imports, re-exports, side-effect imports and dynamic import("…") calls. */
export function importSpecifiers(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specs: string[] = [];
  const patterns = [/\b(?:import|export)\s[^;"'`]*?\sfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g];
  patterns.push(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g);
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) specs.push(m[1]!);
  return specs;
}

function resolveImport(from: string, spec: string, known: Set<string>): string | undefined {
  if (!spec.startsWith(".")) return undefined; // packages and node: builtins are outside the graph
  const base = relative(repo, resolve(repo, dirname(from), spec));
  const candidates = [base, base.replace(/\.js$/, ".ts"), base.replace(/\.mjs$/, ".mts"), `${base}.ts`];
  candidates.push(join(base, "index.ts"));
  return candidates.find((c) => known.has(c)) ?? base;
}

function buildGraph(): Map<string, string[]> {
  const files = Roots.flatMap((r) => sourceFiles(r));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importSpecifiers(readFileSync(join(repo, file), "utf8"))
      .map((s) => resolveImport(file, s, known))
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return found;
}

export function breaches(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const edge = `${from} -> ${to}`;
      if (layerOf(to) > layerOf(from)) out.push(edge);
      else if (
        Siblings.some(([a, b]) => (from.startsWith(a) && to.startsWith(b)) || (from.startsWith(b) && to.startsWith(a)))
      )
        out.push(edge);
    }
  }
  return out.sort();
}

describe("import graph", () => {
  const graph = buildGraph();

  it("parses the sources it is meant to check", () => {
    assert.ok(graph.size > 100, `expected the source tree, got ${graph.size} files`);
    assert.ok(graph.get("loaders/pipeline/modelStages.ts")?.includes("loaders/train/runModel.ts"));
  });

  it("has no import cycle beyond the known ones", () => {
    const key = (c: string[]) => c.join(" ");
    const known = new Set(KnownCycles.map(key));
    const unexpected = cycles(graph).filter((c) => !known.has(key(c)));
    assert.deepEqual(unexpected, [], `new import cycles:\n${unexpected.map(key).join("\n")}`);
  });

  it("has no import pointing up the layers, and train and predict do not import each other", () => {
    const unexpected = breaches(graph).filter((e) => !KnownUpward.has(e));
    assert.deepEqual(unexpected, [], `imports against the layer order:\n${unexpected.join("\n")}`);
  });

  it("lists only known exceptions that still exist (remove an entry once it is fixed)", () => {
    const current = new Set(breaches(graph));
    assert.deepEqual(
      [...KnownUpward].filter((e) => !current.has(e)),
      [],
    );
    const currentCycles = new Set(cycles(graph).map((c) => c.join(" ")));
    assert.deepEqual(
      KnownCycles.map((c) => c.join(" ")).filter((c) => !currentCycles.has(c)),
      [],
    );
  });
});

/**
 * The folder of a file one level inside `src/components/` or `loaders/` (a file directly in either root is its own
 * node, "src/components" or "loaders"), or undefined outside them.
 */
export function folderOf(file: string): string | undefined {
  for (const root of ["src/components", "loaders"]) {
    if (!file.startsWith(`${root}/`)) continue;
    const parts = file.slice(root.length + 1).split("/");
    return parts.length > 1 ? `${root}/${parts[0]}` : root;
  }
  return undefined;
}

/** The graph of folders: an edge where a file of one imports a file of another within the same root. */
export function folderGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const a = folderOf(from);
    if (a === undefined) continue;
    if (!out.has(a)) out.set(a, new Set());
    for (const to of targets) {
      const b = folderOf(to);
      if (b !== undefined && b !== a && a.split("/")[0] === b.split("/")[0]) out.get(a)?.add(b);
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Issue #21: the folders of loaders/ import one way too. The pipeline spine (loaders/pipeline/) runs the analyses, so
 * what they share with it lives below them: the artifact cache and code versions in loaders/cache/, the worker pool
 * and progress in loaders/runtime/, the model stage's artifact with the training code (loaders/train/).
 */

describe("folders", () => {
  const graph = buildGraph();
  const folders = folderGraph(graph);

  it("src/components/ has no folder-level import cycle", () => {
    const found = cycles(folders).filter((c) => c[0]?.startsWith("src/components"));
    assert.deepEqual(found, [], `folder cycles:\n${found.map((c) => c.join(" ")).join("\n")}`);
  });

  it("loaders/ has no folder-level import cycle", () => {
    const found = cycles(folders).filter((c) => c[0]?.startsWith("loaders"));
    assert.deepEqual(found, [], `folder cycles:\n${found.map((c) => c.join(" ")).join("\n")}`);
  });

  it("no two source files share a name, and no file is over 300 lines", () => {
    const files = [...Roots.flatMap((r) => sourceFiles(r)), ...sourceFiles("src").filter((f) => !graph.has(f))];
    const byName = new Map<string, string[]>();
    for (const f of new Set(files)) {
      const name = f.split("/").at(-1) as string;
      byName.set(name, [...(byName.get(name) ?? []), f]);
    }
    const shared = [...byName.values()].filter((list) => list.length > 1);
    assert.deepEqual(shared, [], `files sharing a name: ${shared.map((l) => l.join(" / ")).join("; ")}`);
    const long = [...new Set(files)].filter((f) => readFileSync(join(repo, f), "utf8").split("\n").length > 301);
    assert.deepEqual(long, [], `files over 300 lines: ${long.join(", ")}`);
  });
});

describe("the checker itself", () => {
  it("reads static, type-only, re-export, side-effect and dynamic imports, not comments", () => {
    const src = `import {a} from "./a.js";\nimport type {B} from "../b.js";\nexport {c} from "./c.js";\nimport "./d.js";\nconst e = await import("./e.ts");\n// import {x} from "./x.js";\n/* import "./y.js" */`;
    assert.deepEqual(importSpecifiers(src).sort(), ["../b.js", "./a.js", "./c.js", "./d.js", "./e.ts"]);
  });

  it("groups files by folder and keeps only edges between folders of one root", () => {
    const g = new Map([
      ["src/components/tables/a.ts", ["src/components/charts/b.ts", "src/components/tables/c.ts"]],
      ["src/components/artifacts.ts", ["src/components/stats/s.ts"]],
      ["loaders/site/x.ts", ["src/components/tables/a.ts", "loaders/pipeline/y.ts"]],
    ]);
    assert.deepEqual(
      [...folderGraph(g)],
      [
        ["src/components/tables", ["src/components/charts"]],
        ["src/components", ["src/components/stats"]],
        ["loaders/site", ["loaders/pipeline"]],
      ],
    );
  });

  it("finds a three-file cycle and a self-import, and no cycle in a chain", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["d"]],
      ["e", ["a"]],
    ]);
    assert.deepEqual(cycles(g), [["a", "b", "c"], ["d"]]);
    assert.deepEqual(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
      [],
    );
  });

  it("flags models importing loaders and components importing models, not the other way", () => {
    const g = new Map([
      ["models/head.ts", ["loaders/config/x.ts", "src/components/stats/random.ts"]],
      ["src/components/a.ts", ["models/head.ts"]],
      ["loaders/train/t.ts", ["models/head.ts", "loaders/predict/p.ts"]],
    ]);
    assert.deepEqual(breaches(g), [
      "loaders/train/t.ts -> loaders/predict/p.ts",
      "models/head.ts -> loaders/config/x.ts",
      "src/components/a.ts -> models/head.ts",
    ]);
  });
});
