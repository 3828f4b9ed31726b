import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import {importGraph} from "../../../loaders/cache/importGraph.js";
import {Analyses, CodeEntries} from "../../../loaders/pipeline/analysisRegistry.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const analyses = Object.entries(Analyses);

describe("the analysis registry", () => {
  it("gives each analysis its own cache stage, one not used by a main stage", () => {
    const ids = analyses.map(([, a]) => a.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.ok(!["demo", "preprocess", "model", "evaluate"].includes(id), id);
    assert.equal(Object.keys(CodeEntries).length, ids.length + 4);
  });

  it("names as each entry a module of the analysis's own folder, which defines it", () => {
    for (const [name, analysis] of analyses) {
      assert.match(analysis.entry, /^loaders\/[A-Za-z]+\/[A-Za-z]+Analysis\.ts$/, name);
      assert.ok(existsSync(join(repo, analysis.entry)), analysis.entry);
      assert.match(
        readFileSync(join(repo, analysis.entry), "utf8"),
        /: Analysis</,
        `${analysis.entry} defines an Analysis`,
      );
    }
  });

  it("keeps analyses independent: no analysis's code reaches another's entry, the registry or the spine", () => {
    const entries = new Set(analyses.map(([, a]) => a.entry));
    for (const [name, analysis] of analyses) {
      const files = importGraph(repo, [analysis.entry]).files.map((f) => f.path);
      const reached = files.filter(
        (f) => f !== analysis.entry && (entries.has(f) || f.startsWith("loaders/pipeline/")),
      );
      assert.deepEqual(reached, [], name);
    }
  });

  it("publishes every analysis as its own data file (the optimism of both protocols as one, data/optimism.json)", () => {
    for (const [name, analysis] of analyses) {
      const loader = analysis.id.startsWith("optimism-")
        ? "src/data/optimism.json.ts"
        : `src/data/${analysis.id}.json.ts`;
      assert.ok(existsSync(join(repo, loader)), `${name}: ${loader}`);
    }
  });
});
