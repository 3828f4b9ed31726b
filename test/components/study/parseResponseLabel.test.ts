import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {parseResponseLabel} from "../../../src/components/study/parseResponseLabel.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";

describe("parseResponseLabel(raw, warn)", () => {
  it("reads the exact labels silently", () => {
    const warnings: string[] = [];
    for (const l of ResponseLabels)
      assert.equal(
        parseResponseLabel(l, (m) => warnings.push(m)),
        l,
      );
    assert.deepEqual(warnings, []);
  });
  it("reads other cases and padded labels with a warning naming what was read", () => {
    const warnings: string[] = [];
    assert.equal(
      parseResponseLabel("cr", (m) => warnings.push(m)),
      "CR",
    );
    assert.equal(
      parseResponseLabel(" Pd ", (m) => warnings.push(m)),
      "PD",
    );
    assert.deepEqual(warnings, [
      'label "cr" read as CR (write CR, PR, SD, PD)',
      'label " Pd " read as PD (write CR, PR, SD, PD)',
    ]);
  });
  it("rejects anything else without a warning", () => {
    const warnings: string[] = [];
    for (const raw of ["", "XX", "C R", "CRR", "1", "ＣＲ"])
      assert.equal(
        parseResponseLabel(raw, (m) => warnings.push(m)),
        undefined,
      );
    assert.deepEqual(warnings, []);
  });
  it("accepts a string exactly when its trimmed upper case is a label (property)", () => {
    fc.assert(
      fc.property(fc.string({maxLength: 4}), (raw) => {
        const expected = (ResponseLabels as readonly string[]).includes(raw.trim().toUpperCase());
        assert.equal(parseResponseLabel(raw) !== undefined, expected);
      }),
      {seed: 12, numRuns: 500},
    );
  });
});
