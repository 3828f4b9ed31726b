import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {CsvError, parseCsv, parseCsvRecords} from "../../../src/components/csv/parseCsv.js";

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
  it("strips one formula-guarding apostrophe, and only before =, +, -, @, tab or CR", () => {
    assert.deepEqual(parseCsv("'=1+1,'-3,''@x,'abc,'\tt,'007\n"), [["=1+1", "-3", "'@x", "'abc", "\tt", "'007"]]);
  });
  it("keeps a record of one quoted empty field (not a blank line)", () => {
    assert.deepEqual(parseCsv('a\n""\nb\n'), [["a"], [""], ["b"]]);
  });
});

describe("parseCsvRecords(text) line numbers", () => {
  it("are 1-based, count skipped blank lines and the lines inside quoted fields", () => {
    const records = parseCsvRecords(
      '\ufeffa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",2\r\n\r\n\nlast,1\r"cr\ronly",3',
    );
    assert.deepEqual(
      records.map((r) => [r.line, r.fields]),
      [
        [1, ["a", "b"]],
        [2, ["x, y", 'say "hi"']],
        [3, ["multi\nline", "2"]],
        [7, ["last", "1"]],
        [8, ["cr\ronly", "3"]],
      ],
    );
  });
  it("blank lines before the header shift every line", () => {
    assert.deepEqual(
      parseCsvRecords("\n\nh\n\nv\n").map((r) => r.line),
      [3, 5],
    );
  });
});

describe("parseCsvRecords(text) encodings", () => {
  const asUtf8 = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);
  const utf16le = (s: string, bom: boolean) => {
    const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
    if (bom) out.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) out[(bom ? 2 : 0) + 2 * i] = s.charCodeAt(i);
    return out;
  };
  it("reports a UTF-16 file (LE or BE byte-order mark, or NUL bytes) by name, as UTF-16", () => {
    const be = new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0x0a]);
    for (const bytes of [utf16le("a,b\n1,2\n", true), utf16le("a,b\n1,2\n", false), be]) {
      assert.throws(
        () => parseCsvRecords(asUtf8(bytes), "manifest m.csv"),
        (e: Error) =>
          e instanceof CsvError &&
          e.message === "manifest m.csv: the file is encoded as UTF-16; save it as UTF-8 and retry",
      );
    }
  });
  it("strips a UTF-8 byte-order mark read from bytes", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("a\n1\n")]);
    assert.deepEqual(parseCsv(asUtf8(bytes)), [["a"], ["1"]]);
  });
});
