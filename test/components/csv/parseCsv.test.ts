import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {CsvError, csvField, parseCsv} from "../../../loaders/csv/parseCsv.js";

describe("parseCsv(text)", () => {
  it("splits fields and rows, accepting CRLF, a BOM and skipping blank lines", () => {
    assert.deepEqual(parseCsv("\ufeffa,b\r\n1,2\r\n\r\n3,\n"), [
      ["a", "b"],
      ["1", "2"],
      ["3", ""],
    ]);
  });
  it("reads quoted fields with commas, doubled quotes and newlines", () => {
    assert.deepEqual(parseCsv('x,"a, ""b""\nc"\n'), [["x", 'a, "b"\nc']]);
  });
  it("throws on an unterminated quote, naming the line", () => {
    assert.throws(
      () => parseCsv('a\n"b\n', "m.csv"),
      (e: Error) => e instanceof CsvError && /m\.csv.*line 2/.test(e.message),
    );
  });
  it("csvField quotes only when needed and round-trips through parseCsv", () => {
    for (const v of ["plain", "a,b", 'say "hi"', "two\nlines"]) assert.deepEqual(parseCsv(csvField(v)), [[v]]);
    assert.equal(csvField("plain"), "plain");
  });
});
