import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {moduleReferences} from "../../../loaders/cache/moduleReferences.js";

const specifiers = (source: string) => moduleReferences(source).map((r) => `${r.kind} ${r.specifier}`);

describe("moduleReferences(source)", () => {
  it("finds static imports, re-exports, side-effect, dynamic and meta imports, and worker URLs", () => {
    const source = [
      `import a from "./a.js";`,
      `import b, {c as d} from './b.js';`,
      `import * as e from "./e.js";`,
      `import "./side.js";`,
      `export * from "./all.js";`,
      `export * as ns from "./ns.js";`,
      `export {f, g as h} from "./fg.js";`,
      `import {\n  i, // a comment inside the clause\n  j,\n} from "./multiline.js";`,
      `const lazy = () => import("./lazy.js");`,
      `const cast = await import("./cast.js" as string);`,
      `const withAttributes = await import("./data.json", {with: {type: "json"}});`,
      "const literal = import(`./template.js`);",
      `const api = import.meta.resolve("tsx/esm/api");`,
      `const worker = new URL("./worker.ts", import.meta.url);`,
      `import type from "./defaultNamedType.js";`,
    ].join("\n");
    assert.deepEqual(specifiers(source), [
      "import ./a.js",
      "import ./b.js",
      "import ./e.js",
      "import ./side.js",
      "import ./all.js",
      "import ./ns.js",
      "import ./fg.js",
      "import ./multiline.js",
      "dynamic ./lazy.js",
      "dynamic ./cast.js",
      "dynamic ./data.json",
      "dynamic ./template.js",
      "dynamic tsx/esm/api",
      "url ./worker.ts",
      "import ./defaultNamedType.js",
    ]);
  });

  it("leaves out what the compiler erases: type-only imports and re-exports", () => {
    const source = [
      `import type {T} from "./t.js";`,
      `import type D from "./d.js";`,
      `import type * as N from "./n.js";`,
      `import {type U, type V as W} from "./uv.js";`,
      `export type {X} from "./x.js";`,
      `export type * from "./star.js";`,
      `export {type Y} from "./y.js";`,
      `import {type Z, z} from "./mixed.js";`,
      `import Default, {type Q} from "./default.js";`,
    ].join("\n");
    assert.deepEqual(specifiers(source), ["import ./mixed.js", "import ./default.js"]);
  });

  it("never reads a reference inside a comment, a string, a template or a regular expression", () => {
    const source = [
      `// import "./lineComment.js";`,
      `/* import {x} from "./blockComment.js";`,
      `   export * from "./blockComment2.js"; */`,
      `const s = 'import "./singleQuoted.js"';`,
      `const d = "export * from './doubleQuoted.js'";`,
      `const t = \`import("./inTemplate.js") \${\`nested \${'import "./deep.js"'}\`} new URL("./u.js", import.meta.url)\`;`,
      `const r = /import "\\.\\/inRegex.js"[/"']/g;`,
      `const ratio = a / b; const other = c / d; // import "./afterDivision.js"`,
      `const escaped = "a \\" import './escaped.js'";`,
      `import {real} from "./real.js";`,
    ].join("\n");
    assert.deepEqual(specifiers(source), ["import ./real.js"]);
  });

  it("ignores the words as names: properties, longer names, non-literal imports, local exports", () => {
    const source = [
      `const o = {import: 1, export: 2, new: 3};`,
      `o.import("./property.js"); o?.import("./optional.js"); $import("./dollar.js"); reimport("./re.js");`,
      `const name = "./x.js"; await import(name); await import(\`./\${name}\`);`,
      `export {name};`,
      `export const e = 1;`,
      `const url = new URL("../", import.meta.url);`,
      `const map = new Map(); const n = newURL("./no.js", import.meta.url);`,
    ].join("\n");
    assert.deepEqual(specifiers(source), ["url ../"]);
  });

  it("reads code after a template with substitutions, and a regular expression after a keyword", () => {
    const source = [
      `const t = \`a \${b ? \`c \${d}\` : {e: 1}.e} f\`;`,
      `function g(s) { return /["'\`]/.test(s); }`,
      `import {h} from "./after.js";`,
      // A quote or backtick inside a regular expression opens nothing: the import after it on the line counts.
      `const q = /"/; import {i} from "./sameLine.js";`,
      "const bt = /`/;",
      `import {j} from "./afterBacktick.js";`,
      `const k = x / 2; const l = y / 3; import {m} from "./afterDivisions.js";`,
    ].join("\n");
    assert.deepEqual(specifiers(source), [
      "import ./after.js",
      "import ./sameLine.js",
      "import ./afterBacktick.js",
      "import ./afterDivisions.js",
    ]);
  });

  it("finds an import after a comment that ends with a full stop (not a member access)", () => {
    assert.deepEqual(specifiers(`// started by workerClient.ts.\nimport {a} from "./a.js";`), ["import ./a.js"]);
  });
});
