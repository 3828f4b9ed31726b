import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The names the contract lists (the keys of JsonDataFiles, read from its source: a type has no runtime keys). */
function contractNames(): string[] {
  const source = readFileSync(join(repo, "src/components/contracts/dataFiles.ts"), "utf8");
  const body = source.slice(source.indexOf("export interface JsonDataFiles {"));
  return [...body.slice(0, body.indexOf("\n}")).matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1] as string).sort();
}

describe("the site's data-file contracts", () => {
  const loaders = readdirSync(join(repo, "src/data"))
    .filter((f) => f.endsWith(".json.ts"))
    .map((f) => f.slice(0, -".ts".length))
    .sort();

  it("list every JSON data file the site has, and no other", () => {
    assert.deepEqual(contractNames(), loaders);
  });

  it("are what each loader writes: its own name, through writeDataFile, and nothing else to stdout", () => {
    for (const name of loaders) {
      const source = readFileSync(join(repo, "src/data", `${name}.ts`), "utf8");
      assert.match(source, new RegExp(`writeDataFile\\("${name.replace(".", "\\.")}", `), name);
      assert.doesNotMatch(source, /process\.stdout\.write/, `${name} writes around its contract`);
    }
  });
});
