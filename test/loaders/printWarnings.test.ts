import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {MaxPrintedWarnings, printWarnings} from "../../loaders/printWarnings.js";

const printed = (warnings: string[], max?: number) => {
  const lines: string[] = [];
  printWarnings(warnings, (text) => lines.push(text), max);
  return lines;
};

describe("printWarnings", () => {
  it("prints nothing when there is nothing to say", () => {
    assert.deepEqual(printed([]), []);
  });

  it("prints every warning, one a line, when there are at most ten", () => {
    const warnings = Array.from({length: MaxPrintedWarnings}, (_, i) => `row ${i + 2}: label cr read as CR`);
    assert.deepEqual(
      printed(warnings),
      warnings.map((w) => `warning: ${w}\n`),
    );
  });

  it("prints the first ten and counts the rest", () => {
    const warnings = Array.from({length: 23}, (_, i) => `w${i}`);
    const lines = printed(warnings);
    assert.equal(lines.length, 11);
    assert.equal(lines[9], "warning: w9\n");
    assert.equal(lines[10], "warning: … and 13 more\n");
  });

  it("takes another limit", () => {
    assert.deepEqual(printed(["a", "b", "c"], 1), ["warning: a\n", "warning: … and 2 more\n"]);
  });
});
