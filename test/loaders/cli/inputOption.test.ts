import assert from "node:assert/strict";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {UsageError} from "../../../loaders/cli/command.js";
import {inputOption} from "../../../loaders/cli/inputOption.js";

const dir = mkdtempSync(join(tmpdir(), "input-option-"));
after(() => rmSync(dir, {recursive: true, force: true}));
writeFileSync(join(dir, "sheet.xlsx"), "x");

describe("inputOption(flag, given, cwd, kind)", () => {
  it("returns the absolute path of an existing folder or file", async () => {
    assert.equal(await inputOption("--root", ".", dir, "folder"), dir);
    assert.equal(await inputOption("--clinical", "sheet.xlsx", dir, "file"), join(dir, "sheet.xlsx"));
  });

  it("names the flag and the path as typed when it is missing or of the wrong kind (a usage error)", async () => {
    await assert.rejects(inputOption("--root", "never/downloaded", dir, "folder"), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.message, "--root never/downloaded: no such folder");
      return true;
    });
    await assert.rejects(
      inputOption("--root", "sheet.xlsx", dir, "folder"),
      /--root sheet\.xlsx: is a file, not a folder/,
    );
    await assert.rejects(inputOption("--clinical", ".", dir, "file"), /--clinical \.: is a folder, not a file/);
    await assert.rejects(
      inputOption("--clinical", "sheet.xlsx/x", dir, "file"),
      /--clinical sheet\.xlsx\/x: no such file/,
    );
  });
});
