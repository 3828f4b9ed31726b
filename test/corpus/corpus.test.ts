/**
 * The bad-input corpus: every folder test/corpus/<command>/<case>/ holding a case.json is one case, run through the
 * real CLI in-process (runCli) on a copy of the corpus, so a new case is a new folder of files, not code.
 *
 * case.json (see test/corpus/README.md):
 *   about      what a hospital export looked like to give this input
 *   argv       the command line, run with the case folder as the working directory
 *   exit       expected exit code (0 ok, 1 failure, 2 usage)
 *   stdout / stderr   fragments that must appear (paths relative to the case folder are fine: messages name files)
 *   notStdout / notStderr  fragments that must not appear
 *   store      for preprocess: the patch store folder to read the flow report from
 *   analysed   patients that must reach the analysis (the rest of the study still runs)
 *   excluded   patient → fragments its exclusion reason must contain (kind first is fine: it is matched too)
 *   files      paths that must exist after the run; absent: paths that must not
 *   contains   path → fragments the output file must contain; notContains: fragments it must not
 *   fileCounts folder → number of files under it (recursively), e.g. one thumbnail per patch
 */
import assert from "node:assert/strict";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import type {CliIO} from "../../loaders/cli/command.js";
import {runCli} from "../../loaders/cli/main.js";
import {readPatchStore} from "../../loaders/imaging/patchStore.js";

interface CorpusCase {
  about: string;
  argv: string[];
  exit: number;
  stdout?: string[];
  stderr?: string[];
  notStdout?: string[];
  notStderr?: string[];
  store?: string;
  analysed?: string[];
  excluded?: Record<string, string[]>;
  files?: string[];
  absent?: string[];
  contains?: Record<string, string[]>;
  notContains?: Record<string, string[]>;
  fileCounts?: Record<string, number>;
}

function countFiles(dir: string): number {
  return readdirSync(dir, {withFileTypes: true}).reduce(
    (n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1),
    0,
  );
}

const corpus = fileURLToPath(new URL(".", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "tace-corpus-"));
after(() => rmSync(work, {recursive: true, force: true}));
// verbatimSymlinks: a planted link must stay the relative link the case wrote, not become one into the repository.
cpSync(corpus, work, {recursive: true, verbatimSymlinks: true, filter: (src) => !src.endsWith(".ts")});

function cases(): Array<{name: string; dir: string; spec: CorpusCase}> {
  const found: Array<{name: string; dir: string; spec: CorpusCase}> = [];
  for (const command of readdirSync(work).sort()) {
    if (!statSync(join(work, command)).isDirectory() || command === "images") continue;
    for (const name of readdirSync(join(work, command)).sort()) {
      const dir = join(work, command, name);
      const file = join(dir, "case.json");
      if (!existsSync(file)) continue;
      found.push({name: `${command}/${name}`, dir, spec: JSON.parse(readFileSync(file, "utf8")) as CorpusCase});
    }
  }
  return found;
}

function includesAll(text: string, fragments: string[] | undefined, what: string): void {
  for (const f of fragments ?? []) assert.ok(text.includes(f), `${what} should contain ${JSON.stringify(f)}:\n${text}`);
}

function includesNone(text: string, fragments: string[] | undefined, what: string): void {
  for (const f of fragments ?? [])
    assert.ok(!text.includes(f), `${what} should not contain ${JSON.stringify(f)}:\n${text}`);
}

async function checkFlow(dir: string, spec: CorpusCase): Promise<void> {
  if (!spec.store) return;
  const study = await readPatchStore(join(dir, spec.store));
  const flows = Object.values(study.flow);
  const analysed = new Set(Object.values(study.cohorts).flatMap((set) => set.records.map((r) => r.patientId)));
  for (const id of spec.analysed ?? []) assert.ok(analysed.has(id), `patient ${id} should be analysed`);
  const exclusions = flows.flatMap((f) => f.excluded);
  for (const [id, fragments] of Object.entries(spec.excluded ?? {})) {
    const mine = exclusions.filter((e) => e.patientId === id);
    assert.ok(mine.length > 0, `patient ${id} should be excluded; excluded: ${exclusions.map((e) => e.patientId)}`);
    assert.ok(!analysed.has(id), `excluded patient ${id} must not be analysed`);
    const text = mine.map((e) => `${e.kind}: ${e.reason}`).join("\n");
    includesAll(text, fragments, `exclusion of ${id}`);
  }
  const expected = new Set([...(spec.analysed ?? []), ...Object.keys(spec.excluded ?? {})]);
  for (const e of exclusions) assert.ok(expected.has(e.patientId), `unexpected exclusion: ${e.reason}`);
}

describe("bad-input corpus (test/corpus/<command>/<case>/case.json)", () => {
  const all = cases();
  it("has cases for several commands", () => {
    assert.ok(new Set(all.map((c) => c.name.split("/")[0])).size >= 2);
  });
  for (const {name, dir, spec} of all) {
    it(`${name}: ${spec.about}`, async () => {
      const outChunks: string[] = [];
      const errChunks: string[] = [];
      const io: CliIO = {stdout: (t) => outChunks.push(t), stderr: (t) => errChunks.push(t), cwd: dir};
      const code = await runCli(spec.argv, io);
      const out = outChunks.join("");
      const err = errChunks.join("");
      assert.equal(code, spec.exit, `exit code of workbench ${spec.argv.join(" ")}\nstderr:\n${err}`);
      includesAll(out, spec.stdout, "stdout");
      includesAll(err, spec.stderr, "stderr");
      includesNone(out, spec.notStdout, "stdout");
      includesNone(err, spec.notStderr, "stderr");
      await checkFlow(dir, spec);
      for (const f of spec.files ?? []) assert.ok(existsSync(join(dir, f)), `${f} should exist`);
      for (const f of spec.absent ?? []) assert.ok(!existsSync(join(dir, f)), `${f} should not exist`);
      for (const [f, fragments] of Object.entries(spec.contains ?? {})) {
        includesAll(readFileSync(join(dir, f), "utf8"), fragments, f);
      }
      for (const [f, fragments] of Object.entries(spec.notContains ?? {})) {
        includesNone(readFileSync(join(dir, f), "utf8"), fragments, f);
      }
      for (const [f, n] of Object.entries(spec.fileCounts ?? {}))
        assert.equal(countFiles(join(dir, f)), n, `files under ${f}`);
    });
  }
});
