import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import fc from "fast-check";
import {pseudonym, pseudonymMap, pseudonymSalt, SaltEnvVar, saltFile} from "../../../loaders/site/pseudonym.js";

const salt = "0123456789abcdef0123456789abcdef";

describe("pseudonym(salt, id)", () => {
  it("is P- and 12 hex digits, stable for a salt and different under another salt", () => {
    const p = pseudonym(salt, "MRN-4471");
    assert.match(p, /^P-[0-9a-f]{12}$/);
    assert.equal(pseudonym(salt, "MRN-4471"), p);
    assert.notEqual(pseudonym(`${salt}x`, "MRN-4471"), p);
    assert.notEqual(pseudonym(salt, "MRN-4472"), p);
    assert.ok(!p.includes("4471"));
  });
});

describe("pseudonymMap(ids, salt, hexDigits)", () => {
  it("maps distinct ids to distinct pseudonyms (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({minLength: 1, maxLength: 12}), {maxLength: 200}), (ids) => {
        const map = pseudonymMap(ids, salt);
        assert.equal(map.size, ids.length);
        assert.equal(new Set(map.values()).size, ids.length);
      }),
      {seed: 42, numRuns: 100},
    );
  });

  it("detects a collision of truncated hashes and names both ids and the remedy", () => {
    // One hex digit has 16 values, so 17 ids must collide (pigeonhole).
    const ids = Array.from({length: 17}, (_, i) => `patient-${i}`);
    assert.throws(
      () => pseudonymMap(ids, salt, 1),
      /pseudonymous ids collide: patients patient-\d+ and patient-\d+ both map to P-[0-9a-f]; use another salt \(WORKBENCH_PSEUDONYM_SALT/,
    );
    assert.equal(pseudonymMap(["a", "a", "b"], salt).size, 2, "a repeated id is one patient, not a collision");
  });
});

describe("pseudonymSalt(repo, env)", () => {
  it("creates .cache/pseudonym-salt once, random and private (0600), and reuses it, also under concurrent loaders", async () => {
    const repo = mkdtempSync(join(tmpdir(), "salt-"));
    const salts = await Promise.all(Array.from({length: 6}, () => pseudonymSalt(repo, {})));
    assert.equal(new Set(salts).size, 1);
    assert.match(salts[0]!, /^[0-9a-f]{64}$/);
    assert.equal(statSync(saltFile(repo)).mode & 0o777, 0o600);
    assert.equal(await pseudonymSalt(repo, {}), salts[0]);
    const other = mkdtempSync(join(tmpdir(), "salt-"));
    assert.notEqual(await pseudonymSalt(other, {}), salts[0], "each checkout draws its own salt");
    assert.equal(readFileSync(saltFile(repo), "utf8").trim(), salts[0]);
  });

  it("prefers the environment variable, and refuses a short salt", async () => {
    const repo = mkdtempSync(join(tmpdir(), "salt-"));
    assert.equal(await pseudonymSalt(repo, {[SaltEnvVar]: salt}), salt);
    await assert.rejects(
      pseudonymSalt(repo, {[SaltEnvVar]: "short"}),
      /WORKBENCH_PSEUDONYM_SALT: expected a secret of at least 16 characters, got 5/,
    );
    await pseudonymSalt(repo, {});
    writeFileSync(saltFile(repo), "abc\n");
    await assert.rejects(
      pseudonymSalt(repo, {}),
      /pseudonym-salt: expected a pseudonym salt of at least 16 characters, got 3; delete the file/,
    );
  });
});
