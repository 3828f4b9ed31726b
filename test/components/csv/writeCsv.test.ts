import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {parseCsv} from "../../../src/components/csv/parseCsv.js";
import {csvCell, csvLine, writeCsv} from "../../../src/components/csv/writeCsv.js";

describe("csvCell(value)", () => {
  it("quotes only when needed", () => {
    assert.equal(csvCell("plain"), "plain");
    assert.equal(csvCell("a,b"), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell("two\nlines"), '"two\nlines"');
  });
  it("guards formula-leading text with an apostrophe (OWASP), never numbers", () => {
    assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    assert.equal(csvCell("+1"), "'+1");
    assert.equal(csvCell("-3"), "'-3");
    assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
    assert.equal(csvCell("\tx"), "'\tx");
    assert.equal(csvCell("\rx"), '"\'\rx"');
    assert.equal(csvCell("'=x"), "''=x");
    assert.equal(csvCell("'plain"), "'plain");
    assert.equal(csvCell("=a,b"), '"\'=a,b"');
    assert.equal(csvCell(-0.5), "-0.5");
    assert.equal(csvCell(-3), "-3");
    assert.equal(csvCell(0.1 + 0.2), "0.30000000000000004");
  });
  it("writes null and undefined as empty cells and objects as JSON text", () => {
    assert.equal(csvCell(null), "");
    assert.equal(csvCell(undefined), "");
    assert.equal(csvCell(true), "true");
    assert.equal(csvCell([1, 2]), '"[1,2]"');
  });
  it("writes a lone empty cell as a quoted empty field", () => {
    assert.equal(csvLine([""]), '""');
    assert.equal(csvLine(["", ""]), ",");
  });
});

describe("writeCsv(header, rows) → parseCsv", () => {
  const tricky = fc.oneof(
    fc.string(),
    fc.string({unit: fc.constantFrom("=", "+", "-", "@", "'", "\t", "\r", "\n", '"', ",", "a", " ")}),
    fc.string().map((s) => `'${s}`),
    fc.string().map((s) => `=${s}`),
  );
  it("round-trips arbitrary strings losslessly (quotes, commas, newlines, =+-@, apostrophes)", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 4}), fc.array(fc.array(tricky, {minLength: 4, maxLength: 4})), (w, rows) => {
        const header = Array.from({length: w}, (_, i) => `c${i}`);
        const body = rows.map((r) => r.slice(0, w));
        assert.deepEqual(parseCsv(writeCsv(header, body)), [header, ...body]);
      }),
      {seed: 12, numRuns: 500},
    );
  });
  it("round-trips numbers as their shortest decimal text (-0 is written 0)", () => {
    fc.assert(
      fc.property(fc.double({noNaN: true}), (x) => {
        const [, [cell] = []] = parseCsv(writeCsv(["x"], [[x]]));
        assert.ok(Number(cell) === x, `${x} written as ${cell}`);
      }),
      {seed: 12, numRuns: 300},
    );
  });
});
