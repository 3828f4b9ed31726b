#!/usr/bin/env node
// Runs node's test runner (through tsx) on one suite. Node 20 has no glob support in `--test`, so the files are
// listed here: "unit" = test/**/*.test.ts outside test/e2e; "e2e" = test/e2e/**/*.e2e.ts (needs a built dist/).
// Extra arguments are passed to node (e.g. --test-name-pattern). TZ is pinned so dates format identically everywhere.
import {spawnSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {join} from "node:path";

const [suite = "unit", ...extra] = process.argv.slice(2);
const pattern = suite === "e2e" ? /\.e2e\.ts$/ : /\.test\.ts$/;
const start = suite === "e2e" ? "test/e2e" : "test";

function* walk(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (suite !== "e2e" && path === join("test", "e2e")) continue;
      yield* walk(path);
    } else if (pattern.test(entry.name)) yield path;
  }
}

const files = [...walk(start)].sort();
if (files.length === 0) {
  process.stderr.write(`run-tests: no ${suite} test files under ${start}\n`);
  process.exit(1);
}
const args = ["--import", "tsx", "--test", "--test-reporter=spec", ...extra];
if (suite === "e2e") args.push("--test-concurrency=1");
const result = spawnSync(process.execPath, [...args, ...files], {
  stdio: "inherit",
  env: {...process.env, TZ: "America/Los_Angeles", OBSERVABLE_TELEMETRY_DISABLE: "1"},
});
process.exit(result.status ?? 1);
