import assert from "node:assert/strict";
import {mkdtempSync, writeFileSync} from "node:fs";
import {isBuiltin} from "node:module";
import {tmpdir} from "node:os";
import {dirname, join, relative, resolve} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";
import {importGraph, packageName} from "../../../loaders/cache/importGraph.js";
import {CodeEntries} from "../../../loaders/pipeline/analysisRegistry.js";
import {FakeRepo, writeFiles} from "./fakeRepo.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

describe("importGraph(repo, entries)", () => {
  it("is exactly the files an entry loads, its packages, and the imports that find nothing", () => {
    const root = mkdtempSync(join(tmpdir(), "graph-"));
    writeFiles(root, FakeRepo);
    const graph = importGraph(root, ["entry.ts"]);
    assert.deepEqual(
      graph.files.map((f) => f.path),
      ["a.ts", "c.ts", "entry.ts", "lazy.ts", "lib/b.ts", "reexported.ts", "worker.ts", "workerDep.ts"],
    );
    assert.deepEqual(graph.packages, ["@scope/pkg", "plain-pkg"]);
    assert.deepEqual(graph.unresolved, ["lazy.ts -> ./nowhere.js"]);
    for (const file of graph.files) assert.match(file.sha256, /^[0-9a-f]{64}$/);
  });

  it("reads an edited file afresh, and refuses an entry that is not there", () => {
    const root = mkdtempSync(join(tmpdir(), "graph-"));
    writeFiles(root, FakeRepo);
    assert.deepEqual(
      importGraph(root, ["c.ts"]).files.map((f) => f.path),
      ["c.ts"],
    );
    writeFileSync(join(root, "c.ts"), `import "./unrelated.js";\nexport const c = 1;\n`);
    assert.deepEqual(
      importGraph(root, ["c.ts"]).files.map((f) => f.path),
      ["c.ts", "unrelated.ts"],
    );
    assert.throws(() => importGraph(root, ["renamed.ts"]), /entry renamed\.ts is not a file/);
  });

  it("names packages by their package name", () => {
    assert.equal(packageName("@tensorflow/tfjs"), "@tensorflow/tfjs");
    assert.equal(packageName("@scope/name/sub/path.js"), "@scope/name");
    assert.equal(packageName("tsx/esm/api"), "tsx");
    assert.equal(packageName("jszip"), "jszip");
  });
});

describe("the pipeline stages' import graphs (this repository)", () => {
  const graphs = Object.fromEntries(
    Object.entries(CodeEntries).map(([stage, entries]) => [stage, importGraph(repo, entries)]),
  );
  const files = (stage: string) => graphs[stage]!.files.map((f) => f.path);

  it("hold the files the hand-written lists missed", () => {
    assert.ok(files("model").includes("src/components/stats/confusionMatrix.ts"), "model imports argmax");
    assert.ok(files("ablation").includes("src/components/stats/stratifiedFolds.ts"));
    for (const refit of ["clinical-baseline", "across-centres", "ablation", "optimism-paper"]) {
      assert.ok(files(refit).includes("loaders/features/embeddingCache.ts"), refit);
      assert.ok(files(refit).includes("loaders/features/extractEmbeddings.ts"), refit);
    }
  });

  it("hold the worker entry files the stages start, with their imports", () => {
    assert.ok(files("demo").includes("loaders/synth/synthTask.ts"));
    assert.ok(files("preprocess").includes("loaders/imaging/preprocessManifestPatient.ts"));
    assert.ok(files("model").includes("loaders/features/tfjsWorker.ts"));
    assert.ok(files("model").includes("loaders/features/backboneRunner.ts"), "imported by the tfjs worker");
    assert.ok(graphs.model!.packages.includes("tsx"), "workers register tsx (import.meta.resolve)");
  });

  it("resolve every import, and stay inside the repository's source folders", () => {
    for (const [stage, graph] of Object.entries(graphs)) {
      assert.deepEqual(graph.unresolved, [], stage);
      for (const {path} of graph.files)
        assert.match(path, /^(loaders|models|src\/components)\/|^package\.json$/, stage);
    }
  });

  it("contain everything esbuild bundles from the same entries (and its packages)", async () => {
    // esbuild parses the sources for real (types erased as tsx erases them); it cannot see `new URL` workers, so
    // its graph is a subset of ours, and the lexer must not have missed any import it found.
    for (const [stage, entries] of Object.entries(CodeEntries)) {
      const result = await build({
        entryPoints: entries.map((entry) => join(repo, entry)),
        absWorkingDir: repo,
        bundle: true,
        write: false,
        metafile: true,
        platform: "node",
        format: "esm",
        packages: "external",
        outdir: join(tmpdir(), "graph-esbuild"),
        logLevel: "silent",
      });
      const inputs = Object.keys(result.metafile.inputs).map((path) => relative(repo, resolve(repo, path)));
      const missed = inputs.filter((path) => !files(stage).includes(path.split("\\").join("/")));
      assert.deepEqual(missed, [], `${stage}: files esbuild bundles but the graph lacks`);
      const external = Object.values(result.metafile.inputs).flatMap((input) =>
        input.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => packageName(i.path)),
      );
      const missedPackages = [...new Set(external)].filter((name) => !graphs[stage]!.packages.includes(name));
      assert.deepEqual(missedPackages, [], `${stage}: packages esbuild sees but the graph lacks`);
    }
  });
});
