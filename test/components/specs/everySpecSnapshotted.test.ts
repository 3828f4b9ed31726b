import assert from "node:assert/strict";
import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {describe, it} from "node:test";

describe("every spec builder has a snapshot (issue #21)", () => {
  it("src/components/specs/<name>Spec.ts ↔ test/snapshots/<name>Spec.vl.json", () => {
    const builders = readdirSync(join(process.cwd(), "src", "components", "specs"))
      .filter((f) => f.endsWith("Spec.ts"))
      .map((f) => f.slice(0, -3));
    assert.ok(builders.length >= 11, `${builders.length} spec builders`);
    const missing = builders.filter((b) => !existsSync(join(process.cwd(), "test", "snapshots", `${b}.vl.json`)));
    assert.deepEqual(missing, [], `spec builders without a snapshot: ${missing.join(", ")}`);
  });
});
