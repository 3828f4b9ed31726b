import assert from "node:assert/strict";
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {runCli} from "../../../../loaders/cli/main.js";
import {tinyWeightsDir} from "../../../models/tinyResNet.js";
import {fakeIO} from "../fakeIO.js";

describe("workbench weights / predict", () => {
  it("weights --from <dir> --dir <dest> installs a user model and prints its hash", async () => {
    const tiny = await tinyWeightsDir();
    const dest = join(await mkdtemp(join(tmpdir(), "wcli-")), "w");
    const s = fakeIO(tmpdir());
    assert.equal(await runCli(["weights", "--from", tiny, "--dir", dest], s), 0);
    assert.match(s.out, new RegExp(`^${dest}\\t[0-9a-f]{64}\\n$`));
  });

  it("weights --from a folder without a model fails with a clear message", async () => {
    const s = fakeIO(tmpdir());
    assert.equal(await runCli(["weights", "--from", "/nonexistent-model", "--dir", join(tmpdir(), "x")], s), 1);
    assert.match(s.err, /model\.json: cannot read the model/);
  });

  it("predict without --run is a usage error; an unknown run id names the run folder", async () => {
    const s = fakeIO(tmpdir());
    assert.equal(await runCli(["predict", "--manifest", "m.csv", "--out", "o.csv"], s), 2);
    assert.match(s.err, /--run <id> is required/);
    const t = fakeIO(tmpdir());
    const runs = await mkdtemp(join(tmpdir(), "runs-"));
    assert.equal(
      await runCli(["predict", "--run", "abcdef123456", "--manifest", "m.csv", "--out", "o.csv", "--runs", runs], t),
      1,
    );
    assert.match(t.err, /abcdef123456\/head\.json: cannot read the run/);
  });
  it("weights --dir refuses a non-empty folder that holds no earlier install, before reading the model", async () => {
    const home = await mkdtemp(join(tmpdir(), "weights-home-"));
    await writeFile(join(home, "notes.txt"), "precious");
    const s = fakeIO(home);
    assert.equal(await runCli(["weights", "--from", "/nonexistent-model", "--dir", "."], s), 2);
    assert.match(s.err, /--dir \.: is the current folder/);
    const t = fakeIO(tmpdir());
    assert.equal(await runCli(["weights", "--from", "/nonexistent-model", "--dir", home], t), 2);
    assert.match(t.err, /holds no model\.json from an earlier run; refusing to replace it/);
    assert.equal(await readFile(join(home, "notes.txt"), "utf8"), "precious");
  });
});
