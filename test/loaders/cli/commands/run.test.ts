import assert from "node:assert/strict";
import {mkdtemp, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {runCommand} from "../../../../loaders/cli/commands/run.js";
import {runCli} from "../../../../loaders/cli/main.js";
import {fakeIO} from "../fakeIO.js";

describe("workbench run --cache <dir>", () => {
  it("refuses a file, a link or a missing parent as the cache before running anything (exit 2)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "run-cli-"));
    await writeFile(join(dir, "a-file"), "x");
    await symlink(tmpdir(), join(dir, "a-link"));
    for (const [cache, message] of [
      ["a-file", /--cache a-file: is a file, not a folder/],
      ["a-link", /--cache a-link: is a symbolic link/],
      ["no/such", /--cache no\/such: the folder no does not exist/],
    ] as const) {
      const io = fakeIO(dir);
      assert.equal(await runCli(["run", "--cache", cache], io, [runCommand]), 2, cache);
      assert.match(io.err, message);
      assert.equal(io.out, "");
    }
  });
});

describe("workbench run / merge --shards", () => {
  it("refuses a shard count that is not a positive integer, by flag and value, before any work (exit 2)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "run-shards-"));
    for (const argv of [
      ["run", "--executor", "slurm", "--dry-run", "--shards", "0"],
      ["run", "--executor", "k8s", "--dry-run", "--shards", "2.5"],
      ["merge", "--shards", "x"],
      ["merge"],
    ]) {
      const io = fakeIO(dir);
      assert.equal(await runCli(argv, io), 2, argv.join(" "));
      assert.match(io.err, /--shards expects a positive integer, got (0|2\.5|x|nothing)/, argv.join(" "));
    }
  });
});
