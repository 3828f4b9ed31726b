import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {holm} from "../../../src/components/stats/holm.js";
import {beyond} from "./beyondGolden.js";
import {assertClose} from "./golden.js";

describe("holm (golden: p.adjust(method = 'holm'))", () => {
  it("matches R, with ties and a missing value", () => {
    const adjusted = holm(beyond.holm.p);
    beyond.holm.adjusted.forEach((e: number | null, i: number) => {
      if (e === null) assert.equal(adjusted[i], null);
      else assertClose(adjusted[i] as number, e, 1e-14);
    });
  });
  it("adjusted ≥ raw, ≤ 1, and monotone in the raw order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: 0, max: 1, noNaN: true}), {maxLength: 40}), (p) => {
        const a = holm(p) as number[];
        for (let i = 0; i < p.length; i++) {
          assert.ok((a[i] as number) >= (p[i] as number) && (a[i] as number) <= 1);
          for (let j = 0; j < p.length; j++) {
            if ((p[i] as number) < (p[j] as number)) assert.ok((a[i] as number) <= (a[j] as number));
          }
        }
      }),
      {seed: 14, numRuns: 200},
    );
  });
  it("empty in, empty out; a p-value outside [0, 1] is refused by index", () => {
    assert.deepEqual(holm([]), []);
    assert.throws(() => holm([0.2, 1.5]), /p\[1\]/);
    assert.throws(() => holm([Number.NaN]), /p\[0\]/);
  });
});
