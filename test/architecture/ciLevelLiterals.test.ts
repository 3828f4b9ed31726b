import assert from "node:assert/strict";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";

/**
 * The CI level is configurable (`evaluation.ciLevel`), so no page, caption, column header or legend may write "95%"
 * as a fixed string: every "x% CI" is written by formatCiLevel from the level the numbers were computed at (issue
 * #22). This test reads the sources that make the site's text — the pages, src/components, the site loaders and the
 * methods table's rows — and fails on any "95%" / "95 %" / "95 per cent" outside the allow-list below, where each
 * line is a fact that does not depend on the study's level (what the paper did, a method defined at 95%).
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const Literal = /95\s?(%|per ?cent)/i;

interface Allowed {
  /** Repository-relative file, or a pattern for a family of files. */
  file: string | RegExp;
  /** The allowed line must match this. */
  line: RegExp;
  why: string;
  /** Whether the entry must still match a line (off for files other engineers are rewriting). */
  mustMatch: boolean;
}

const Allowed: Allowed[] = [
  {
    file: /^src\/components\/stats\/\w*[sS]ampleSize\.ts$/,
    line: /95% confidence/,
    why:
      "Riley et al.'s sample-size criteria (pmsampsize, pmvalsampsize) are defined with 95% confidence; they are the " +
      "method's definition, not the study's interval level.",
    mustMatch: false,
  },
];

/** The files whose text reaches the site: pages, the shared components, the site loaders, the methods table rows. */
function scannedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(repo, dir))) {
      if (name.startsWith(".")) continue; // Framework's .observablehq cache holds vendored npm code
      const path = join(dir, name);
      if (statSync(join(repo, path)).isDirectory()) walk(path);
      else if (/\.(ts|md|js)$/.test(name)) out.push(path);
    }
  };
  for (const name of readdirSync(join(repo, "src"))) if (name.endsWith(".md")) out.push(join("src", name));
  walk("src/components");
  walk("loaders/site");
  for (const name of readdirSync(join(repo, "loaders/config")))
    if (/^protocolRows.*\.ts$/.test(name)) out.push(join("loaders/config", name));
  return out.map((f) => relative(repo, join(repo, f)).split("\\").join("/")).sort();
}

const fileMatches = (entry: Allowed, file: string) =>
  typeof entry.file === "string" ? entry.file === file : entry.file.test(file);

/** Every line with the literal that no allow-list entry covers, as "file:line: text"; and the entries used. */
function findFixedLevels(files: readonly string[], read: (file: string) => string) {
  const offending: string[] = [];
  const used = new Set<Allowed>();
  for (const file of files) {
    read(file)
      .split("\n")
      .forEach((text, i) => {
        if (!Literal.test(text)) return;
        const entry = Allowed.find((a) => fileMatches(a, file) && a.line.test(text));
        if (entry) used.add(entry);
        else offending.push(`${file}:${i + 1}: ${text.trim()}`);
      });
  }
  return {offending, used};
}

describe("no fixed 95% in the site's text", () => {
  const files = scannedFiles();
  const result = findFixedLevels(files, (f) => readFileSync(join(repo, f), "utf8"));

  it("scans the pages, src/components, loaders/site and the methods table rows", () => {
    for (const expected of [
      "src/discrimination.md",
      "src/components/tables/headlineRows.ts",
      "src/components/specs/rocSpec.ts",
      "loaders/site/ablationSiteArtifacts.ts",
      "loaders/config/protocolRowsEvaluation.ts",
    ])
      assert.ok(files.includes(expected), `${expected} is scanned`);
    assert.ok(!files.some((f) => f.includes(".observablehq")), "Framework's cache is not scanned");
  });

  it("finds no 95% outside the allow-list: write the level with formatCiLevel(ciLevel)", () => {
    assert.deepEqual(result.offending, []);
  });

  it("has no stale allow-list entry, and each entry says why", () => {
    for (const entry of Allowed) {
      assert.ok(entry.why.length > 40, `${String(entry.file)}: say why the line may keep 95%`);
      if (entry.mustMatch) assert.ok(result.used.has(entry), `${String(entry.file)} ${entry.line}: no such line now`);
    }
  });

  it("catches the forms a fixed level takes, and lets a computed one pass", () => {
    const scan = (text: string) => findFixedLevels(["src/x.md"], () => text).offending;
    assert.equal(scan('label: "AUC (95% CI)"').length, 1);
    assert.equal(scan("with 95 % intervals").length, 1);
    assert.equal(scan("a 95 per cent band").length, 1);
    // The source text of a computed label, quoted as the scan reads it (not evaluated here).
    assert.deepEqual(scan(`label: \`AUC ($\{formatCiLevel(ciLevel)} CI)\``), []);
    assert.deepEqual(scan("ciLevel: 0.95"), []);
  });
});
