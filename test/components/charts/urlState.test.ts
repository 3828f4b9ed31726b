import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {
  booleanCodec,
  choiceCodec,
  decodeParam,
  numberCodec,
  pressedCodec,
  readParam,
  writeParam,
} from "../../../src/components/charts/urlState.js";

// Unicode text as people type it (cohort names, labels): whole code points, no lone surrogate halves, which no URL
// can carry (the URL standard writes them as U+FFFD).
const text = fc.string({unit: "grapheme", maxLength: 12});

describe("urlState: a control's value as URL text and back", () => {
  it("a choice round-trips for any list of distinct names, and an unknown name is no choice", () => {
    fc.assert(
      fc.property(fc.uniqueArray(text, {minLength: 1, maxLength: 8}), fc.nat(), text, (options, pick, other) => {
        const codec = choiceCodec(options);
        const option = options[pick % options.length] as string;
        assert.equal(codec.decode(codec.encode(option)), option);
        if (!options.includes(other)) assert.equal(codec.decode(other), undefined);
      }),
      {numRuns: 200, seed: 25},
    );
  });

  it("object options are named by their key and decode to the option object itself", () => {
    const options = [
      {key: "cluster", label: "Patient-cluster bootstrap"},
      {key: "delong", label: "DeLong"},
    ];
    const codec = choiceCodec(options, (m) => m.key);
    assert.equal(codec.encode(options[1]!), "delong");
    assert.equal(codec.decode("delong"), options[1]);
    assert.equal(codec.decode("DeLong"), undefined);
    assert.equal(codec.decode("[object Object]"), undefined);
  });

  it("a number within bounds round-trips exactly (String(x) is the shortest text that reads back as x)", () => {
    fc.assert(
      fc.property(fc.double({min: -1e6, max: 1e6, noNaN: true}), (x) => {
        const codec = numberCodec({min: -1e6, max: 1e6});
        // `===`, not Object.is: −0 reads back as 0, the same value to every control.
        assert.ok(codec.decode(codec.encode(x)) === x, String(x));
      }),
      {numRuns: 500, seed: 7},
    );
    fc.assert(
      fc.property(fc.double({noNaN: true, noDefaultInfinity: true}), (x) => {
        const codec = numberCodec();
        assert.ok(codec.decode(codec.encode(x)) === x, String(x));
      }),
      {numRuns: 500, seed: 8},
    );
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const codec = numberCodec({integer: true});
        assert.equal(codec.decode(codec.encode(n)), n);
      }),
      {numRuns: 200, seed: 9},
    );
  });

  it("refuses text that is not a plain finite number in bounds, without throwing", () => {
    const replicates = numberCodec({min: 0, max: 5000, integer: true});
    for (const bad of ["", " 100", "100 ", "0x10", "1_000", "1,5", "Infinity", "-Infinity", "NaN", "1e999", "abc"]) {
      assert.equal(replicates.decode(bad), undefined, bad);
    }
    assert.equal(replicates.decode("5001"), undefined);
    assert.equal(replicates.decode("-1"), undefined);
    assert.equal(replicates.decode("150.5"), undefined);
    assert.equal(replicates.decode("1e3"), 1000);
    assert.equal(replicates.decode("150"), 150);
    const threshold = numberCodec({min: 0, max: 1});
    assert.equal(threshold.decode("0.35"), 0.35);
    assert.equal(threshold.decode(".5"), 0.5);
    assert.equal(threshold.decode("1.01"), undefined);
    assert.equal(numberCodec({integer: true}).decode("9007199254740993"), undefined);
  });

  it("toggles and buttons round-trip; anything else is no value", () => {
    for (const v of [true, false]) assert.equal(booleanCodec.decode(booleanCodec.encode(v)), v);
    assert.equal(booleanCodec.decode("1"), undefined);
    assert.equal(booleanCodec.decode("TRUE"), undefined);
    assert.equal(pressedCodec.encode(null), "false");
    assert.equal(pressedCodec.encode(1735689600000), "true");
    assert.equal(pressedCodec.decode("true"), 0);
    assert.equal(pressedCodec.decode("false"), null);
    assert.equal(pressedCodec.decode("yes"), undefined);
  });
});

describe("urlState: one parameter of a query string", () => {
  it("reads back what it wrote, for any key and text, and keeps the other parameters and their order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(text, text), {selector: ([k]) => k, maxLength: 6}),
        text,
        text,
        (pairs, key, value) => {
          const search = `?${new URLSearchParams(pairs)}`;
          const written = writeParam(search, key, value);
          assert.equal(readParam(written, key), value);
          for (const [k, v] of pairs) if (k !== key) assert.equal(readParam(written, k), v);
          const keys = [...new URLSearchParams(written).keys()];
          const before = pairs.map(([k]) => k);
          assert.deepEqual(keys, before.includes(key) ? before : [...before, key]);
        },
      ),
      {numRuns: 300, seed: 11},
    );
  });

  it("writes a readable query: names and spaces escaped, nothing else touched", () => {
    assert.equal(writeParam("", "cohort", "SYUCC"), "?cohort=SYUCC");
    assert.equal(writeParam("?protocol=paper", "cohort", "Centre 2 & 3"), "?protocol=paper&cohort=Centre+2+%26+3");
    assert.equal(writeParam("?cohort=A&level=patch", "cohort", "B"), "?cohort=B&level=patch");
    assert.equal(readParam("cohort=B", "cohort"), "B");
    assert.equal(readParam("?level=patch", "cohort"), undefined);
  });

  it("decodes a parameter only when it is a value of the control, whatever the query string holds", () => {
    const levels = choiceCodec(["patch", "patient"]);
    assert.equal(decodeParam("?level=patient", "level", levels), "patient");
    assert.equal(decodeParam("?level=PATIENT", "level", levels), undefined);
    assert.equal(decodeParam("?level=%E0%A4%A", "level", levels), undefined);
    assert.equal(decodeParam("", "level", levels), undefined);
    fc.assert(
      fc.property(fc.string({unit: "binary", maxLength: 40}), (search) => {
        const value = decodeParam(search, "level", levels);
        assert.ok(value === undefined || value === "patch" || value === "patient");
      }),
      {numRuns: 300, seed: 12},
    );
  });
});
