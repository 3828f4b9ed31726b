import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {Centres, Table1Categories, table1} from "../../../loaders/synth/paperTable1.js";

describe("table1 (Peng et al. 2020, Table 1)", () => {
  for (const centre of Centres) {
    it(`${centre}: every variable's counts sum to the cohort size`, () => {
      const row = table1[centre];
      for (const key of Object.keys(Table1Categories) as Array<keyof typeof Table1Categories>) {
        const counts = row[key];
        assert.equal(counts.length, Table1Categories[key].length, `${centre}.${key}: one count per category`);
        assert.equal(
          counts.reduce((a, b) => a + b, 0),
          row.n,
          `${centre}.${key}`,
        );
      }
    });
  }
  it("has the paper's cohort sizes 562 / 89 / 138", () => {
    assert.deepEqual(
      Centres.map((c) => table1[c].n),
      [562, 89, 138],
    );
  });
});
