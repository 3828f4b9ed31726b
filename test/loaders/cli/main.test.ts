import assert from "node:assert/strict";
import {execFileSync, spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {runCli} from "../../../loaders/cli/main.js";
import {fakeIO} from "./fakeIO.js";

describe("runCli(argv, io)", () => {
  it("--help lists the commands and exits 0", async () => {
    const io = fakeIO();
    assert.equal(await runCli(["--help"], io), 0);
    assert.match(io.out, /Usage: workbench <command>/);
    assert.match(io.out, /config\s+print the resolved study configuration/);
  });

  it("no arguments prints help and exits 2", async () => {
    const io = fakeIO();
    assert.equal(await runCli([], io), 2);
    assert.match(io.out, /Commands:/);
  });

  it("--version prints the package version", async () => {
    const io = fakeIO();
    assert.equal(await runCli(["--version"], io), 0);
    assert.match(io.out, /^\d+\.\d+\.\d+\n$/);
  });

  it("an unknown command is a usage error (2)", async () => {
    const io = fakeIO();
    assert.equal(await runCli(["trian"], io), 2);
    assert.match(io.err, /unknown command "trian"/);
  });

  it("an unknown option is a usage error (2) with the command's usage", async () => {
    const io = fakeIO();
    assert.equal(await runCli(["config", "--bogus"], io), 2);
    assert.match(io.err, /Unknown option '--bogus'/);
    assert.match(io.err, /Usage: workbench config/);
  });

  it("config prints the resolved defaults as JSON", async () => {
    const io = fakeIO();
    assert.equal(await runCli(["config"], io), 0);
    assert.equal(JSON.parse(io.out).model.epochs, 54);
  });

  it("a bad study file is a failure (1) naming the file and the key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "workbench-cli-"));
    writeFileSync(join(dir, "study.json"), JSON.stringify({model: {epochs: 0}}));
    const io = fakeIO(dir);
    assert.equal(await runCli(["config", "--study", "study.json"], io), 1);
    assert.match(io.err, /study\.json: model\.epochs: expected an integer ≥ 1/);
  });

  it("config --table marks where the corrected protocol differs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "workbench-cli-"));
    writeFileSync(join(dir, "study.json"), JSON.stringify({protocol: "corrected"}));
    const io = fakeIO(dir);
    assert.equal(await runCli(["config", "--study", "study.json", "--table"], io), 0);
    assert.match(io.out, /Output layer\s+≠ softmax/);
  });

  it("the bin script runs as `npx workbench` and sets the exit code", () => {
    const bin = join(process.cwd(), "bin", "workbench.mjs");
    assert.match(execFileSync(process.execPath, [bin, "--version"], {encoding: "utf8"}), /^\d+\.\d+\.\d+/);
    const bad = spawnSync(process.execPath, [bin, "nope"], {encoding: "utf8"});
    assert.equal(bad.status, 2);
  });
});
