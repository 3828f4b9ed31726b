// Snapshot helpers for the vega-lite spec builders: specs are data, so they are compared as JSON goldens in
// test/snapshots/<name>.vl.json. A missing golden is written (and fails only under CI); a changed one is written
// beside it as <name>-changed.vl.json for review, and the test fails.
import assert from "node:assert/strict";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {TopLevelSpec} from "vega-lite";
import {compile} from "vega-lite";

const dir = join(process.cwd(), "test", "snapshots");

export function matchSnapshot(name: string, spec: unknown): void {
  mkdirSync(dir, {recursive: true});
  const path = join(dir, `${name}.vl.json`);
  const text = `${JSON.stringify(spec, null, 2)}\n`;
  if (!existsSync(path)) {
    writeFileSync(path, text);
    if (process.env.CI) assert.fail(`snapshot ${path} was missing (written now); commit it`);
    return;
  }
  const expected = readFileSync(path, "utf8");
  if (expected !== text) {
    writeFileSync(join(dir, `${name}-changed.vl.json`), text);
    assert.fail(`spec ${name} differs from ${path}; the new spec is in ${name}-changed.vl.json`);
  }
}

/** Throws when `value` holds a function, undefined, NaN or ±Infinity anywhere (a spec must be plain JSON data). */
export function assertPlainJson(value: unknown, path = "spec"): void {
  if (value === undefined) assert.fail(`${path} is undefined`);
  if (typeof value === "function") assert.fail(`${path} is a function`);
  if (typeof value === "number" && !Number.isFinite(value)) assert.fail(`${path} is ${value}`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      assertPlainJson(v, `${path}[${i}]`);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) assertPlainJson(v, `${path}.${k}`);
  }
}

/** The spec compiles to Vega without throwing, and returns the compiled Vega spec. */
export function assertCompiles(spec: TopLevelSpec): unknown {
  return compile(spec).spec;
}

/**
 * Deep-freezes test input, so a builder that mutates it throws in strict mode. Typed arrays cannot be frozen: tests
 * compare those with a copy instead.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
