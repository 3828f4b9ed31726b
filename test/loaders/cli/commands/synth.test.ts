import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {synthCommand} from "../../../../loaders/cli/commands/synth.js";
import {runCli} from "../../../../loaders/cli/main.js";
import {fakeIO} from "../fakeIO.js";

/** Each run in a fresh folder of its own. */
const capture = () => fakeIO(mkdtempSync(join(tmpdir(), "synth-cli-")));

describe("workbench synth", () => {
  it("is registered and documents its options", async () => {
    const io = capture();
    assert.equal(await runCli(["synth", "--help"], io, [synthCommand]), 0);
    assert.match(io.out, /--out <dir>/);
    assert.match(io.out, /--scale/);
  });
  for (const [args, message] of [
    [[], /--out <dir> is required/],
    [["--out", "x", "--scale", "huge"], /expected tiny, demo, paper, got "huge"/],
    [["--out", "x", "--seed", "1.5"], /--seed expects a non-negative integer, got 1\.5/],
    [["--out", "x", "--seed", "-3"], /--seed expects a non-negative integer, got -3/],
    [["--out", "no/such/dir"], /--out no\/such\/dir: the folder no\/such does not exist/],
    [["--out", "x", "extra"], /unexpected argument/],
    [["--out", "x", "--bogus"], /bogus/],
  ] as const) {
    it(`exits 2 with a usage error for ${JSON.stringify(args)}`, async () => {
      const io = capture();
      assert.equal(await runCli(["synth", ...args], io, [synthCommand]), 2);
      assert.match(io.err, message);
    });
  }
  it("refuses to replace a non-empty folder that is not an earlier synth output, before generating anything", async () => {
    const io = capture();
    mkdirSync(join(io.cwd, "thesis"));
    writeFileSync(join(io.cwd, "thesis", "chapter1.tex"), "precious");
    assert.equal(await runCli(["synth", "--out", "thesis"], io, [synthCommand]), 2);
    assert.match(io.err, /--out thesis: the folder exists, is not empty and holds no synth\.json/);
    assert.doesNotMatch(io.err, /synth: generating/);
  });
});
