import assert from "node:assert/strict";
import {appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, dirname, join, relative, resolve} from "node:path";
import {before, describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import {codeVersion} from "../../../loaders/cache/codeVersion.js";
import {importGraph} from "../../../loaders/cache/importGraph.js";
import {type LockFile, lockedPackages} from "../../../loaders/cache/lockedPackages.js";
import {CodeEntries} from "../../../loaders/pipeline/analysisRegistry.js";
import {FakeRepo, writeFiles} from "./fakeRepo.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** Every cached stage: the main stages and each analysis of the registry. */
const Stages = Object.keys(CodeEntries);
type CodeStage = string;

const FakeLock: LockFile = {
  packages: {
    "": {},
    "node_modules/@scope/pkg": {version: "1.0.0", integrity: "sha512-scope", dependencies: {dep: "^2.0.0"}},
    "node_modules/dep": {version: "2.0.0", integrity: "sha512-dep"},
    "node_modules/plain-pkg": {version: "3.0.0", integrity: "sha512-plain"},
    "node_modules/unused": {version: "4.0.0", integrity: "sha512-unused"},
  },
};

function fakeRepo(): string {
  const root = mkdtempSync(join(tmpdir(), "code-"));
  writeFiles(root, {...FakeRepo, "package-lock.json": JSON.stringify(FakeLock)});
  return root;
}

function setVersion(root: string, path: string, version: string) {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as LockFile;
  const entry = lock.packages?.[path];
  assert.ok(entry, `${path} is in the lockfile`);
  entry.version = version;
  writeFileSync(join(root, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
}

describe("codeVersion(repo, entries)", () => {
  it("is stable, and the same wherever the checkout is", async () => {
    const [one, two] = [fakeRepo(), fakeRepo()];
    const version = await codeVersion(one!, ["entry.ts"]);
    assert.match(version, /^[0-9a-f]{16}$/);
    assert.equal(await codeVersion(one!, ["entry.ts"]), version);
    assert.equal(await codeVersion(two!, ["entry.ts"]), version);
  });

  it("changes with any file the entry loads, and not with a file it does not", async () => {
    const root = fakeRepo();
    const version = await codeVersion(root, ["entry.ts"]);
    appendFileSync(join(root, "unrelated.ts"), "export const __probe = 1;\n");
    appendFileSync(join(root, "types.ts"), "export type Erased = boolean;\n"); // imported as a type only
    appendFileSync(join(root, "commented.ts"), "export const __probe = 1;\n"); // named in a comment only
    assert.equal(await codeVersion(root, ["entry.ts"]), version);
    for (const file of ["lib/b.ts", "workerDep.ts", "lazy.ts", "reexported.ts"]) {
      const original = readFileSync(join(root, file), "utf8");
      appendFileSync(join(root, file), "export const __probe = 1;\n");
      assert.notEqual(await codeVersion(root, ["entry.ts"]), version, file);
      writeFileSync(join(root, file), original);
      assert.equal(await codeVersion(root, ["entry.ts"]), version, `${file} restored`);
    }
    writeFileSync(join(root, "nowhere.ts"), "export {};\n");
    assert.notEqual(await codeVersion(root, ["entry.ts"]), version, "a missing import that appears");
  });

  it("changes with the locked version of an imported package or its dependency, not of another package", async () => {
    const root = fakeRepo();
    let version = await codeVersion(root, ["entry.ts"]);
    setVersion(root, "node_modules/unused", "4.0.1");
    assert.equal(await codeVersion(root, ["entry.ts"]), version, "a package nothing imports");
    for (const path of ["node_modules/plain-pkg", "node_modules/dep"]) {
      setVersion(root, path, "9.9.9");
      const next = await codeVersion(root, ["entry.ts"]);
      assert.notEqual(next, version, path);
      version = next;
    }
  });
});

/** A copy of the repository's sources and lockfile (no node_modules, weights or runs) to edit. */
function copyRepository(): string {
  const root = mkdtempSync(join(tmpdir(), "code-repo-"));
  const skip = new Set(["node_modules", "models/weights", "models/runs"]);
  for (const folder of ["loaders", "src/components", "models"]) {
    cpSync(join(repo, folder), join(root, folder), {
      recursive: true,
      filter: (source) => !skip.has(basename(source)) && !skip.has(relative(repo, source).split("\\").join("/")),
    });
  }
  cpSync(join(repo, "package-lock.json"), join(root, "package-lock.json"));
  return root;
}

describe("each stage's code version (on a copy of this repository)", () => {
  let copy = "";
  let original: Record<CodeStage, string>;
  const versions = async () =>
    Object.fromEntries(
      await Promise.all(
        Stages.map(async (stage) => [stage, await codeVersion(copy, CodeEntries[stage] as readonly string[])]),
      ),
    ) as Record<CodeStage, string>;
  const changed = (now: Record<CodeStage, string>) => Stages.filter((stage) => now[stage] !== original[stage]);

  before(async () => {
    copy = copyRepository();
    original = await versions();
  });

  const Probed = [
    "src/components/stats/confusionMatrix.ts",
    "src/components/stats/stratifiedFolds.ts",
    "loaders/features/embeddingCache.ts",
    "loaders/features/extractEmbeddings.ts",
  ];
  for (const file of Probed) {
    it(`appending an export to ${file} changes exactly the stages whose graph holds it`, async () => {
      const holding = Stages.filter((stage) =>
        importGraph(copy, CodeEntries[stage] as readonly string[]).files.some((f) => f.path === file),
      );
      assert.ok(holding.length > 0 && holding.length < Stages.length, `${file} is imported by some stages only`);
      const content = readFileSync(join(copy, file), "utf8");
      appendFileSync(join(copy, file), "export const __probe = 1;\n");
      try {
        assert.deepEqual(changed(await versions()), holding);
      } finally {
        writeFileSync(join(copy, file), content);
      }
      assert.deepEqual(changed(await versions()), [], "restored");
    });
  }

  it("a package's locked version changes exactly the stages that import it (or a package depending on it)", async () => {
    const lockText = readFileSync(join(copy, "package-lock.json"), "utf8");
    const lock = JSON.parse(lockText) as LockFile;
    const importing = (path: string) =>
      Stages.filter((stage) =>
        lockedPackages(lock, importGraph(copy, CodeEntries[stage] as readonly string[]).packages).some((line) =>
          line.startsWith(`${path} `),
        ),
      );
    // Imported by the model stage's engines only; a dependency of the tfjs every head-training stage imports; and a
    // package no stage imports (the site's charts).
    const cases = {
      "node_modules/onnxruntime-node": importing("node_modules/onnxruntime-node"),
      "node_modules/@tensorflow/tfjs-core": importing("node_modules/@tensorflow/tfjs-core"),
      "node_modules/vega": [],
    };
    assert.deepEqual(cases["node_modules/onnxruntime-node"], ["model", "evaluate"]);
    assert.ok(cases["node_modules/@tensorflow/tfjs-core"].includes("ablation"));
    assert.ok(!cases["node_modules/@tensorflow/tfjs-core"].includes("preprocess"));
    for (const [path, expected] of Object.entries(cases)) {
      setVersion(copy, path, "0.0.0-probe");
      try {
        assert.deepEqual(changed(await versions()), expected, path);
      } finally {
        writeFileSync(join(copy, "package-lock.json"), lockText);
      }
    }
    assert.deepEqual(changed(await versions()), [], "restored");
  });
});
