import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {parsePlainDecimal} from "../../../src/components/predictions/parsePlainDecimal.js";
import {PredictionsCsvError, readPredictionsCsv} from "../../../src/components/predictions/readPredictionsCsv.js";
import {
  checkProbabilitySum,
  printedPrecision,
  roundingInterval,
} from "../../../src/components/predictions/roundedProbabilities.js";

const header = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD";
const file = (...rows: string[]) => `${header}\n${rows.map((r, i) => `P${i + 1},NFH,CR,${r}`).join("\n")}\n`;
const sumOf = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof PredictionsCsvError, String(e));
    return e.message;
  }
  assert.fail("expected a PredictionsCsvError");
};

describe("printedPrecision(text)", () => {
  it("reads decimal places and significant digits from the text, exponents included", () => {
    const cases: Array<[string, number, number, boolean]> = [
      ["0.12346", 5, 5, false],
      ["1.2346e-05", 9, 5, false],
      ["1.2346E-05", 9, 5, false],
      ["0.1", 1, 1, true],
      ["1", 0, 1, true],
      ["1.000000", 6, 7, true],
      ["0", 0, 0, false],
      ["0.000", 3, 0, false],
      ["1e-05", 5, 1, true],
      [".25", 2, 2, false],
      ["25e-2", 2, 2, false],
      ["0.10", 2, 2, true],
    ];
    for (const [text, decimals, significant, powerOfTen] of cases)
      assert.deepEqual(printedPrecision(text), {decimals, significant, powerOfTen}, text);
    assert.equal(printedPrecision("0x1"), undefined);
  });
  it("a cell's interval: ± half a unit of the row's last decimal or significant digit, finer below a power of ten", () => {
    const five = {decimals: 9, significant: 5};
    const [lo, hi] = roundingInterval(0.33333, printedPrecision("0.33333")!, five);
    assert.ok(Math.abs(lo - 0.333325) < 1e-15 && Math.abs(hi - 0.333335) < 1e-15, `${lo} ${hi}`);
    const [oneLo, oneHi] = roundingInterval(1, printedPrecision("1")!, five);
    assert.ok(Math.abs(oneLo - 0.999995) < 1e-15, String(oneLo));
    assert.equal(oneHi, 1);
    assert.deepEqual(roundingInterval(0, printedPrecision("0")!, five), [0, 5e-10]);
    assert.deepEqual(roundingInterval(1, printedPrecision("1")!, {decimals: 0, significant: 1}), [1, 1]);
  });
});

describe("readPredictionsCsv: probabilities rounded as real tools print them", () => {
  it("accepts a file rounded to 6 decimals, renormalising the rows off by 1e-6, with one note", () => {
    const text = file(
      "0.333333,0.333333,0.166667,0.166667", // 1.000000
      "0.142857,0.285714,0.285714,0.285713", // 0.999998
      "0.250001,0.250001,0.250001,0.249999", // 1.000002
      "0.700000,0.100000,0.100000,0.100000",
    );
    const {rows, warnings} = readPredictionsCsv(text, "six.csv");
    assert.equal(rows.length, 4);
    for (const r of rows) assert.ok(Math.abs(sumOf(r.probabilities) - 1) <= 1e-12, String(r.probabilities));
    assert.deepEqual(rows[0]?.probabilities, [0.333333, 0.333333, 0.166667, 0.166667], "within 1e-6: as written");
    assert.deepEqual(rows[3]?.probabilities, [0.7, 0.1, 0.1, 0.1]);
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0]!,
      /^six\.csv: 2 row\(s\) renormalised to sum to 1 \(largest deviation from 1: 0\.000002, line 4 \(patient P3\), within its printed precision of 6 decimal place\(s\), 6 significant digit\(s\)\)$/,
    );
  });
  it("accepts MATLAB csvwrite's 5 significant digits (exponents, 1 and 0 included)", () => {
    const text = file(
      "0.14286,0.28571,0.28571,0.28571", // 1/7, 2/7, 2/7, 2/7: 0.99999
      "0.33333,0.33333,0.33333,0", // 0.99999
      "0.99999,6.6667e-06,7.3333e-06,0", // 0.999986, 6.6667e-06, 7.3333e-06, 0: 1.000004
      "0.66667,0.33333,0,0",
    );
    const {rows, warnings} = readPredictionsCsv(text, "matlab.csv");
    assert.deepEqual(
      rows.map((r) => Math.abs(sumOf(r.probabilities) - 1) <= 1e-12),
      [true, true, true, true],
    );
    assert.equal(rows[1]?.probabilities[3], 0);
    assert.deepEqual(warnings, [
      "matlab.csv: 3 row(s) renormalised to sum to 1 (largest deviation from 1: 0.00001, line 2 (patient P1), within its printed precision of 5 decimal place(s), 5 significant digit(s))",
    ]);
  });
  it("keeps the note first, before label warnings that printWarnings might count away", () => {
    const {warnings} = readPredictionsCsv(`${header}\nP1,NFH,cr,0.33333,0.33333,0.33333,0\n`, "w.csv");
    assert.match(warnings[0]!, /^w\.csv: 1 row\(s\) renormalised/);
    assert.match(warnings[1]!, /label "cr" read as CR/);
  });
  it("refuses a row off by more than its printed precision explains, naming file, line, patient and precision", () => {
    const message = messageOf(() =>
      readPredictionsCsv(file("0.14286,0.28571,0.28571,0.28571", "0.33333,0.33333,0.33320,0"), "off.csv"),
    );
    assert.match(message, /^off\.csv: 1 invalid row\(s\), 1 problem\(s\); nothing was read/);
    assert.match(
      message,
      /line 3 \(patient P2\): probabilities sum to 0\.99986, not 1 ± 0\.000001, and more than rounding to their printed precision \(5 decimal place\(s\), 5 significant digit\(s\)\) explains: values printing as these sum to between 0\.999845 and 0\.99988/,
    );
  });
  it("gives integers and impossible rounding no allowance: 1,1,0,0 and 0.99,0.99,0,0 are refused", () => {
    assert.match(
      messageOf(() => readPredictionsCsv(file("1,1,0,0", "0.5,0.5,0,0"))),
      /line 2 \(patient P1\): probabilities sum to 2, not 1 ± 0\.000001$/,
    );
    assert.match(
      messageOf(() => readPredictionsCsv(file("0.99,0.99,0,0"))),
      /sum to 1\.98, .* between 1\.97 and 2$/,
    );
    // 0.95, 0.05, 0, 0 print as 1, 0.1, 0, 0 with one decimal: explained. 1, 0.2, 0, 0 is not.
    assert.equal(readPredictionsCsv(file("1,0.1,0,0")).warnings.length, 1);
    assert.match(
      messageOf(() => readPredictionsCsv(file("1,0.2,0,0"))),
      /sum to 1\.2, .*1 decimal place/,
    );
  });
  it("reads rows that sum to 1 within 1e-6 bit for bit as written, with no note", () => {
    const cells = "0.12345678901234,0.2,0.3,0.37654321098766";
    const {rows, warnings} = readPredictionsCsv(file(cells, "0.7000004,0.1,0.1,0.1"));
    assert.deepEqual(
      rows[0]?.probabilities,
      cells.split(",").map((c) => parsePlainDecimal(c)),
    );
    assert.deepEqual(rows[1]?.probabilities, [0.7000004, 0.1, 0.1, 0.1]);
    assert.deepEqual(warnings, []);
  });
});

/** A probability vector written as a tool would: fixed decimals or significant digits, padded or stripped (%g). */
const formats = fc.oneof(
  fc.record({kind: fc.constant("decimals" as const), digits: fc.integer({min: 1, max: 8}), strip: fc.boolean()}),
  fc.record({kind: fc.constant("significant" as const), digits: fc.integer({min: 1, max: 8}), strip: fc.boolean()}),
);
type Format = typeof formats extends fc.Arbitrary<infer F> ? F : never;
const print = (v: number, f: Format): string => {
  const text = f.kind === "decimals" ? v.toFixed(f.digits) : v.toPrecision(f.digits);
  return f.strip ? String(Number(text)) : text;
};
// Zeros, any doubles (fast-check favours extremes and tiny values) and mid-range ones, so that rows often need renormalising.
const weight = fc.oneof(
  fc.constant(0),
  fc.double({min: 0, max: 1, noNaN: true}),
  fc.double({min: 0.01, max: 1, noNaN: true}),
  fc.double({min: 0.01, max: 1, noNaN: true}),
);
const vectors = fc
  .array(weight, {minLength: 4, maxLength: 4})
  .filter((v) => sumOf(v) > 1e-3)
  .map((v) => v.map((x) => x / sumOf(v)));

describe("property: rounding never makes a probability vector refused", () => {
  it("any vector printed with 1–8 decimals or significant digits, each row its own way, is read summing to 1", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(vectors, formats), {minLength: 1, maxLength: 6}), (rows) => {
        const texts = rows.map(([v, f]) => v.map((x) => print(x, f)));
        const read = readPredictionsCsv(file(...texts.map((t) => t.join(","))));
        read.rows.forEach((r, i) => {
          const written = (texts[i] as string[]).map((t) => parsePlainDecimal(t) as number);
          const renormalised = Math.abs(sumOf(written) - 1) > 1e-6;
          if (renormalised) assert.ok(Math.abs(sumOf(r.probabilities) - 1) <= 1e-12, String(r.probabilities));
          else assert.deepEqual(r.probabilities, written, "within 1e-6: as written");
          for (const p of r.probabilities) assert.ok(p >= 0 && p <= 1);
        });
        const count = rows.filter((_, i) => {
          const written = (texts[i] as string[]).map((t) => parsePlainDecimal(t) as number);
          return Math.abs(sumOf(written) - 1) > 1e-6;
        }).length;
        assert.equal(read.warnings.length, count > 0 ? 1 : 0);
        if (count > 0)
          assert.match(read.warnings[0]!, new RegExp(`^predictions CSV: ${count} row\\(s\\) renormalised`));
      }),
      {seed: 25, numRuns: 2000},
    );
  });
  it("checkProbabilitySum: every single-format rounding of one vector is read as written or renormalised", () => {
    fc.assert(
      fc.property(vectors, formats, (v, f) => {
        const texts = v.map((x) => print(x, f));
        const kind = checkProbabilitySum(
          texts.map((t) => parsePlainDecimal(t) as number),
          texts,
        ).kind;
        assert.notEqual(kind, "refused", texts.join(","));
      }),
      {seed: 7, numRuns: 5000},
    );
  });
});
