import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {toCsv} from "../../../src/components/tables/toCsv.js";

describe("toCsv(rows, columns)", () => {
  it("quotes cells with commas, quotes and newlines (RFC 4180), empties null, keeps full precision", () => {
    const csv = toCsv(
      [
        {a: 'say "hi", ok', b: null, c: 0.1 + 0.2},
        {a: "line\nbreak", b: undefined, c: [1, 2]},
      ],
      ["a", "b", "c"],
    );
    assert.equal(csv, 'a,b,c\n"say ""hi"", ok",,0.30000000000000004\n"line\nbreak",,"[1,2]"\n');
  });
  it("writes only the header for no rows", () => {
    assert.equal(toCsv([], ["x"]), "x\n");
  });
});
