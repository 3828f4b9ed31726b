import {mkdirSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";

/** Writes `files` (repository-relative path → content) under `root`, making folders as needed. */
export function writeFiles(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true});
    writeFileSync(join(root, path), content);
  }
}

/** A small repository whose graph from entry.ts is known exactly. */
export const FakeRepo: Record<string, string> = {
  "entry.ts": [
    `// import "./commented.js" is a comment, not an import`,
    `/* import {x} from "./blockCommented.js"; */`,
    `import {a} from "./a.js";`,
    `import type {T} from "./types.js";`,
    `import {type U} from "./types2.js";`,
    `import {readFile} from "node:fs/promises";`,
    `import {join} from "path";`,
    `import scoped from "@scope/pkg/sub/path.js";`,
    `import plain from "plain-pkg/deep";`,
    `export * from "./reexported.js";`,
    `const s = 'import "./inString.js"';`,
    `const t = \`import("./inTemplate.js") \${1 + 1}\`;`,
    `export async function load(): Promise<unknown> {`,
    `  return import("./lazy.js");`,
    `}`,
    `export const worker = new URL("./worker.ts", import.meta.url);`,
    `export const u: T | U | undefined = undefined;`,
    `export {readFile, join, scoped, plain, s, t};`,
  ].join("\n"),
  "a.ts": `import {b} from "./lib/b.js";\nexport const a = b;\n`,
  "lib/b.ts": `export {c} from "../c.js";\nexport const b = 1;\n`,
  "c.ts": `export const c = 1;\n`,
  "reexported.ts": `export const r = 1;\n`,
  "lazy.ts": `import {c} from "./c.js";\nimport "./nowhere.js";\nexport const lazy = c;\n`,
  "worker.ts": `import "./workerDep.js";\n`,
  "workerDep.ts": `export const w = 1;\n`,
  // Present, so a wrongly counted reference would be found and listed.
  "types.ts": `export type T = number;\n`,
  "types2.ts": `export type U = string;\n`,
  "commented.ts": `export {};\n`,
  "blockCommented.ts": `export {};\n`,
  "inString.ts": `export {};\n`,
  "inTemplate.ts": `export {};\n`,
  "unrelated.ts": `export {};\n`,
};
