import assert from "node:assert/strict";
import {appendFileSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import type {Analysis, AnalysisInput} from "../../../loaders/analysis/analysis.js";
import {runAnalysis} from "../../../loaders/analysis/runAnalysis.js";
import {createArtifactCache} from "../../../loaders/cache/artifactCache.js";
import {FakeRepo, writeFiles} from "../cache/fakeRepo.js";

/** The runner only hands the input to the analysis (and logs through it); these tests read `log` and `config`. */
function input(log: string[] = [], setting = 1): AnalysisInput {
  return {config: {setting}, log: (m: string) => log.push(m)} as unknown as AnalysisInput;
}

function fakeRepo(): string {
  const root = mkdtempSync(join(tmpdir(), "analysis-repo-"));
  writeFiles(root, {...FakeRepo, "package-lock.json": JSON.stringify({packages: {"": {}}})});
  return root;
}

/** An analysis whose entry is the fake repository's entry.ts, counting its runs. */
function counting(overrides: Partial<Analysis<{n: number}>> = {}): Analysis<{n: number}> & {runs: number} {
  const analysis = {
    id: "demo-analysis",
    title: "demo analysis",
    entry: "entry.ts",
    runs: 0,
    key: (i: AnalysisInput) => ({setting: (i.config as unknown as {setting: number}).setting}),
    async run() {
      analysis.runs++;
      return {n: 42};
    },
    ...overrides,
  };
  return analysis;
}

describe("runAnalysis(analysis, input, cache, repo)", () => {
  it("runs once, stores the value, and serves it from the cache after", async () => {
    const repo = fakeRepo();
    const cache = createArtifactCache(mkdtempSync(join(tmpdir(), "analysis-cache-")));
    const analysis = counting();
    const first = await runAnalysis(analysis, input(), cache, repo);
    assert.deepEqual(first.result, {status: "ok", value: {n: 42}});
    assert.equal(first.timing?.stage, "demo analysis");
    assert.equal(first.timing?.cached, false);
    const second = await runAnalysis(analysis, input(), cache, repo);
    assert.deepEqual(second.result, {status: "ok", value: {n: 42}});
    assert.equal(second.timing?.cached, true);
    assert.equal(analysis.runs, 1);
  });

  it("re-runs when its key or a file its entry imports (transitively) changes", async () => {
    const repo = fakeRepo();
    const cache = createArtifactCache(mkdtempSync(join(tmpdir(), "analysis-cache-")));
    const analysis = counting();
    await runAnalysis(analysis, input(), cache, repo);
    await runAnalysis(analysis, input([], 2), cache, repo);
    assert.equal(analysis.runs, 2, "a new key");
    appendFileSync(join(repo, "lib/b.ts"), "export const __probe = 1;\n");
    await runAnalysis(analysis, input([], 2), cache, repo);
    assert.equal(analysis.runs, 3, "a transitively imported file changed");
  });

  it("records a throw as failed with its message, logged, and returns instead of throwing", async () => {
    const log: string[] = [];
    const analysis = counting({
      run: async () => {
        throw new Error("cohort ZZZ is not in the study");
      },
    });
    const outcome = await runAnalysis(
      analysis,
      input(log),
      createArtifactCache(mkdtempSync(join(tmpdir(), "c-"))),
      fakeRepo(),
    );
    assert.deepEqual(outcome.result, {status: "failed", reason: "cohort ZZZ is not in the study"});
    assert.equal(outcome.timing, undefined);
    assert.deepEqual(log, ["demo analysis failed: cohort ZZZ is not in the study"]);
  });

  it("skips with the analysis's own status and reason, before reading the cache or the code", async () => {
    const analysis = counting({
      entry: "no-such-file.ts",
      skip: () => ({status: "notApplicable", reason: "the study has one centre"}),
    });
    const outcome = await runAnalysis(
      analysis,
      input(),
      createArtifactCache(mkdtempSync(join(tmpdir(), "c-"))),
      fakeRepo(),
    );
    assert.deepEqual(outcome.result, {status: "notApplicable", reason: "the study has one centre"});
    assert.equal(analysis.runs, 0);
  });
});
