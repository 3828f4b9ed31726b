/**
 * Just enough of JavaScript's lexical grammar (TypeScript's is the same) to read module references
 * (moduleReferences.ts): where a string, a template literal, a regular expression or a comment ends, and a lazy
 * tokenizer that reads a statement's tokens from a given position on, only as far as a caller looks.
 */
export type Kind = "name" | "punct" | "string" | "other";

/** ASCII characters of names (`#` for private names); every other character from U+0080 up counts too. */
const NameChar = new Uint8Array(128);
for (let c = 0; c < 128; c++) NameChar[c] = /[\w$#]/.test(String.fromCharCode(c)) ? 1 : 0;

export const isNameCode = (c: number) =>
  c < 128 ? NameChar[c] === 1 : c !== 0xa0 && c !== 0xfeff && c !== 0x2028 && c !== 0x2029;
export const isSpaceCode = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** After these words a `/` starts a regular expression, not a division. */
export const BeforeExpression = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

/** The index of the closing quote of the string whose opening quote is at `open` (or of the line's end). */
export function stringEnd(source: string, open: number): number {
  const quote = source.charCodeAt(open);
  const n = source.length;
  let j = open + 1;
  for (; j < n; j++) {
    const c = source.charCodeAt(j);
    if (c === 92) j++;
    else if (c === quote || c === 10) break;
  }
  return Math.min(j, n);
}

/**
 * Template characters from `from` (just after "`", or after a substitution's closing "}"): the index of the closing
 * "`" (substitution false) or of the "$" of the next "${" (substitution true).
 */
export function templateEnd(source: string, from: number): {at: number; substitution: boolean} {
  const n = source.length;
  for (let j = from; j < n; j++) {
    const c = source.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 96) return {at: j, substitution: false};
    else if (c === 36 && source.charCodeAt(j + 1) === 123) return {at: j, substitution: true};
  }
  return {at: n, substitution: false};
}

/** The index just past the regular expression literal (flags included) whose opening "/" is at `open`. */
export function regexEnd(source: string, open: number): number {
  const n = source.length;
  let j = open + 1;
  let inClass = false;
  for (; j < n; j++) {
    const c = source.charCodeAt(j);
    if (c === 10) break;
    if (c === 92) j++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) break;
  }
  j++;
  while (j < n && isNameCode(source.charCodeAt(j))) j++;
  return Math.min(j, n);
}

/** The index just past the comment starting at `open` ("//" or "/*"). */
export function commentEnd(source: string, open: number): number {
  const block = source.charCodeAt(open + 1) === 42;
  const stop = source.indexOf(block ? "*/" : "\n", open + 2);
  return stop < 0 ? source.length : stop + (block ? 2 : 0);
}

/**
 * Tokens from a position on, read as far as a caller asks (`has(k)`), as parallel arrays (kind, start, end; a
 * string's range is inside its quotes, without escapes undone). Comments and white space are skipped.
 */
export class Tokens {
  readonly kind: Kind[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  // Open "{" of code (false) and "${" of template literals (true), innermost last.
  private readonly braces: boolean[] = [];
  private at: number;

  constructor(
    readonly source: string,
    from: number,
  ) {
    this.at = from;
  }

  /** Whether token k exists (reading on until it does or the source ends). */
  has(k: number): boolean {
    while (this.kind.length <= k && this.at < this.source.length) this.next();
    return k >= 0 && k < this.kind.length;
  }

  isName(k: number, word?: string): boolean {
    if (!this.has(k) || this.kind[k] !== "name") return false;
    if (word === undefined) return true;
    const from = this.start[k]!;
    return this.end[k]! - from === word.length && this.source.startsWith(word, from);
  }

  isPunct(k: number, char: string): boolean {
    if (!this.has(k) || this.kind[k] !== "punct") return false;
    const from = this.start[k]!;
    return this.end[k]! - from === char.length && this.source.startsWith(char, from);
  }

  isString(k: number): boolean {
    return this.has(k) && this.kind[k] === "string";
  }

  /** A string token's value with escapes undone (simply: module specifiers have no meaningful escapes). */
  stringValue(k: number): string {
    return this.source.slice(this.start[k]!, this.end[k]!).replace(/\\(.)/gs, "$1");
  }

  private push(kind: Kind, from: number, to: number) {
    this.kind.push(kind);
    this.start.push(from);
    this.end.push(to);
  }

  private regexAllowed(): boolean {
    const last = this.kind.length - 1;
    if (last < 0) return true;
    const kind = this.kind[last];
    if (kind === "punct") {
      const c = this.source.charCodeAt(this.start[last]!);
      return c !== 41 && c !== 93 && c !== 125; // ) ] }
    }
    return kind === "name" && BeforeExpression.has(this.source.slice(this.start[last]!, this.end[last]!));
  }

  /** Template characters from `from`; a template without substitutions reads like a string (as `import(\`./x\`)`). */
  private template(from: number, head: boolean) {
    const {at, substitution} = templateEnd(this.source, from);
    if (substitution) {
      this.braces.push(true);
      this.push("other", from, at);
      this.at = at + 2;
    } else {
      this.push(head ? "string" : "other", from, at);
      this.at = at + 1;
    }
  }

  /** Reads one token, or skips white space or a comment. */
  private next() {
    const {source} = this;
    const i = this.at;
    const c = source.charCodeAt(i);
    const after = source.charCodeAt(i + 1);
    let j = i + 1;
    if (isSpaceCode(c)) {
      while (j < source.length && isSpaceCode(source.charCodeAt(j))) j++;
    } else if (c === 47 && (after === 47 || after === 42)) {
      j = commentEnd(source, i);
    } else if (c === 34 || c === 39) {
      j = stringEnd(source, i);
      this.push("string", i + 1, j);
      j++;
    } else if (c === 96) {
      return this.template(i + 1, true);
    } else if (c === 47 && this.regexAllowed()) {
      j = regexEnd(source, i);
      this.push("other", i, j);
    } else if (isDigit(c) || (c === 46 && isDigit(after))) {
      while (j < source.length && (isNameCode(source.charCodeAt(j)) || source.charCodeAt(j) === 46)) j++;
      this.push("other", i, j);
    } else if (isNameCode(c)) {
      while (j < source.length && isNameCode(source.charCodeAt(j))) j++;
      this.push("name", i, j);
    } else if (c === 123) {
      this.braces.push(false);
      this.push("punct", i, j);
    } else if (c === 125 && this.braces.pop() === true) {
      return this.template(j, false);
    } else if (c === 46 && after === 46 && source.charCodeAt(i + 2) === 46) {
      j = i + 3;
      this.push("punct", i, j);
    } else {
      this.push("punct", i, j);
    }
    this.at = j;
  }
}
