import {
  BeforeExpression,
  commentEnd,
  isNameCode,
  isSpaceCode,
  regexEnd,
  stringEnd,
  Tokens,
  templateEnd,
} from "./sourceTokens.js";

/**
 * The modules a JavaScript or TypeScript source loads when it runs, read with a small lexer rather than a parser:
 * the TypeScript compiler in this project is the native port (no JavaScript API), and esbuild cannot see the worker
 * entry files the pipeline starts with `new URL("./x.ts", import.meta.url)`. The lexer (sourceTokens.ts) knows just
 * enough of the language to never mistake a comment, a string, a template literal or a regular expression for code,
 * so an `import "x"` inside any of them is not a reference. It jumps from one character that can start one of those
 * to the next (a regular expression search, native speed), tokenizes only where `import`, `export {`, `export *` or
 * `new URL` stands in code, and stops after the last of those: every data loader process reads a few hundred files,
 * so lexing must cost milliseconds.
 *
 * Found: static imports and re-exports (`import … from`, `import "…"`, `export … from`), `import("…")` with a literal,
 * `import.meta.resolve("…")` and `new URL("…", import.meta.url)`. Type-only imports and re-exports (`import type`,
 * `export type`, or braces whose every name is marked `type`) are left out: the compiler erases them, so they never
 * run (imports used only as types but not marked so are kept; over-counting only costs a recomputation).
 */
export type ReferenceKind = "import" | "dynamic" | "url";

export interface ModuleReference {
  specifier: string;
  /** `import`: static import or re-export; `dynamic`: import() or import.meta.resolve; `url`: new URL(…, import.meta.url). */
  kind: ReferenceKind;
}

/**
 * The specifier of `from "…"` ending the import or export clause that starts at token k (after `import`, `export`
 * or `import type`), and whether every name it binds is in braces and marked `type` (so the compiler erases it).
 * Undefined when the tokens there are not such a clause (a local `export {a}`, `import x = …`, `import` as a name).
 */
function clauseSource(t: Tokens, k: number): {specifier: string; typeOnly: boolean} | undefined {
  let j = k;
  let bound = false; // a default or namespace binding, never erased with the braces
  let names = 0;
  let typed = 0;
  const named = (at: number) => t.isName(at) || t.isString(at);
  const finish = () =>
    t.isName(j, "from") && t.isString(j + 1)
      ? {specifier: t.stringValue(j + 1), typeOnly: !bound && names > 0 && typed === names}
      : undefined;
  if (t.isName(j) && !(t.isName(j, "from") && t.isString(j + 1))) {
    bound = true; // a default import
    j++;
    if (!t.isPunct(j, ",")) return finish();
    j++;
  }
  if (t.isPunct(j, "*")) {
    bound = true;
    j++;
    if (t.isName(j, "as")) {
      if (!named(j + 1)) return undefined;
      j += 2;
    }
  } else if (t.isPunct(j, "{")) {
    j++;
    while (!t.isPunct(j, "}")) {
      // One specifier: [type] name [as name], then "," or "}".
      names++;
      if (t.isName(j, "type") && named(j + 1) && !t.isName(j + 1, "as")) {
        typed++;
        j++;
      }
      if (!named(j)) return undefined;
      j++;
      if (t.isName(j, "as")) {
        if (!named(j + 1)) return undefined;
        j += 2;
      }
      if (t.isPunct(j, ",")) j++;
      else if (!t.isPunct(j, "}")) return undefined;
    }
    j++;
  } else if (!bound) return undefined;
  return finish();
}

/** The reference made by the statement or expression whose `import`, `export` or `new` is at `at`, if any. */
function referenceAt(source: string, at: number): ModuleReference | undefined {
  const t = new Tokens(source, at);
  if (t.isName(0, "import")) {
    if (t.isPunct(1, "(")) {
      // `import("x")`, `import("x", {with: …})`, and `import("x" as string)` (a cast the compiler erases).
      const literal = t.isString(2) && (t.isPunct(3, ")") || t.isPunct(3, ",") || t.isName(3, "as"));
      return literal ? {specifier: t.stringValue(2), kind: "dynamic"} : undefined;
    }
    if (t.isPunct(1, ".")) {
      const resolves = t.isName(2, "meta") && t.isPunct(3, ".") && t.isName(4, "resolve") && t.isPunct(5, "(");
      return resolves && t.isString(6) ? {specifier: t.stringValue(6), kind: "dynamic"} : undefined;
    }
    if (t.isString(1)) return {specifier: t.stringValue(1), kind: "import"};
    // `import type X from`, `import type {X} from`, `import type * as X from` (but `import type from "…"` and
    // `import type, {x} from "…"` bind a default export named `type`).
    const typeKeyword =
      t.isName(1, "type") && ((t.isName(2) && !t.isName(2, "from")) || t.isPunct(2, "{") || t.isPunct(2, "*"));
    const clause = clauseSource(t, typeKeyword ? 2 : 1);
    return clause && !typeKeyword && !clause.typeOnly ? {specifier: clause.specifier, kind: "import"} : undefined;
  }
  if (t.isName(0, "export")) {
    // `export type {…} from` and `export type * from` are erased; any other `export` declares, it does not load.
    if (!t.isPunct(1, "*") && !t.isPunct(1, "{")) return undefined;
    const clause = clauseSource(t, 1);
    return clause && !clause.typeOnly ? {specifier: clause.specifier, kind: "import"} : undefined;
  }
  const url =
    t.isName(1, "URL") &&
    t.isPunct(2, "(") &&
    t.isString(3) &&
    t.isPunct(4, ",") &&
    t.isName(5, "import") &&
    t.isPunct(6, ".") &&
    t.isName(7, "meta") &&
    t.isPunct(8, ".") &&
    t.isName(9, "url") &&
    t.isPunct(10, ")");
  return url ? {specifier: t.stringValue(3), kind: "url"} : undefined;
}

/** Where a reference may start: `import`, `export {` or `export *`, `new URL`. */
const Start = /\bimport\b|\bexport\s*[{*]|\bnew\s+URL\b/g;

/**
 * A character that may begin a string, template, regular expression or comment, or close a template's substitution;
 * or where a reference may start.
 */
const Landmark = new RegExp(`[/"'\`{}]|${Start.source}`, "g");

export function moduleReferences(source: string): ModuleReference[] {
  const out: ModuleReference[] = [];
  // Lexing stops after the last place a reference may start (in most files the imports at the top).
  let last = -1;
  Start.lastIndex = 0;
  for (let m = Start.exec(source); m !== null; m = Start.exec(source)) last = m.index;
  if (last < 0) return out;
  const n = source.length;
  // Open "{" of code (false) and "${" of template literals (true), innermost last.
  const braces: boolean[] = [];
  // Whether a "/" at the start of the current stretch of plain code would begin a regular expression.
  let regexAllowed = true;
  // Where the current stretch of plain code (between landmarks) began.
  let stretch = source.startsWith("#!") ? Math.max(0, source.indexOf("\n")) : 0;

  /** Updates regexAllowed from the plain code stretch [stretch, to): decided by its last word or character. */
  const settle = (to: number) => {
    let j = to - 1;
    while (j >= stretch && isSpaceCode(source.charCodeAt(j))) j--;
    if (j < stretch) return;
    const c = source.charCodeAt(j);
    if (isNameCode(c)) {
      let k = j;
      while (k > stretch && isNameCode(source.charCodeAt(k - 1))) k--;
      regexAllowed = BeforeExpression.has(source.slice(k, j + 1));
    } else regexAllowed = c !== 41 && c !== 93; // ) ]
  };

  /** Continues a template from `from`; returns where plain code resumes. */
  const template = (from: number) => {
    const {at, substitution} = templateEnd(source, from);
    if (substitution) braces.push(true);
    regexAllowed = substitution;
    return substitution ? at + 2 : at + 1;
  };

  Landmark.lastIndex = stretch;
  for (let m = Landmark.exec(source); m !== null; m = Landmark.exec(source)) {
    const at = m.index;
    if (at > last) break;
    const word = m[0];
    let resume = at + 1;
    if (word.length > 1) {
      const keyword = word.startsWith("new") ? 3 : 6;
      // A word in plain code (a landmark never falls inside a string or comment: those are skipped whole). Not a
      // longer name (`$import`, `newer`), nor a property (`x.import`).
      const before = at > 0 ? source.charCodeAt(at - 1) : 32;
      let j = at - 1;
      // Looking back no further than this stretch of plain code (a comment's last "." is no member access), and a
      // spread ("...") is none either.
      while (j >= stretch && isSpaceCode(source.charCodeAt(j))) j--;
      const member = j >= stretch && source.charCodeAt(j) === 46 && source.charCodeAt(j - 1) !== 46;
      if (!isNameCode(before) && !isNameCode(source.charCodeAt(at + keyword)) && !member) {
        const reference = referenceAt(source, at);
        if (reference) out.push(reference);
      }
      // On after the keyword itself: the "{" of `export {` still counts for the brace depth.
      Landmark.lastIndex = at + keyword;
      continue;
    }
    settle(at);
    const next = source.charCodeAt(at + 1);
    if (word === "/" && (next === 47 || next === 42)) {
      resume = commentEnd(source, at);
    } else if (word === "/") {
      resume = regexAllowed ? regexEnd(source, at) : at + 1;
      regexAllowed = !regexAllowed;
    } else if (word === '"' || word === "'") {
      resume = Math.min(n, stringEnd(source, at) + 1);
      regexAllowed = false;
    } else if (word === "`") {
      resume = template(at + 1);
    } else if (word === "{") {
      braces.push(false);
      regexAllowed = true;
    } else if (braces.pop() === true) {
      resume = template(at + 1);
    } else regexAllowed = false; // "}" closing a block or an object
    stretch = resume;
    Landmark.lastIndex = resume;
  }
  return out;
}
