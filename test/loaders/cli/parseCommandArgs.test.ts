import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {UsageError} from "../../../loaders/cli/command.js";
import {nonNegativeIntegerOption, parseCommandArgs} from "../../../loaders/cli/parseCommandArgs.js";

const options = {seed: {type: "string"}, out: {type: "string"}, table: {type: "boolean"}} as const;
const parse = (args: string[]) => {
  const {values, positionals} = parseCommandArgs({args, options, strict: true, allowPositionals: true});
  return {values: {...values}, positionals};
};

describe("parseCommandArgs(config)", () => {
  it("takes a negative number after a string flag as its value, in both spellings", () => {
    assert.deepEqual(parse(["--seed", "-3", "--out", "x"]).values, {seed: "-3", out: "x"});
    assert.deepEqual(parse(["--seed=-3"]).values, {seed: "-3"});
    assert.deepEqual(parse(["--seed", "-.5"]).values, {seed: "-.5"});
    assert.deepEqual(parse(["--out", "-1.json"]).values, {out: "-1.json"});
  });

  it("still treats a flag after a string flag as a missing value, and a boolean flag as taking none", () => {
    assert.throws(() => parse(["--seed", "--out", "x"]), {code: "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"});
    assert.throws(() => parse(["--seed", "-x"]), {code: "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"});
    assert.throws(() => parse(["--table", "-3"]), {code: "ERR_PARSE_ARGS_UNKNOWN_OPTION"});
    assert.deepEqual(parse(["--table", "3"]).positionals, ["3"]);
  });

  it("property: any number given to a string flag comes back as written", () => {
    fc.assert(
      fc.property(fc.integer({min: -1e9, max: 1e9}), (n) => {
        assert.equal(parse(["--seed", String(n)]).values.seed, String(n));
      }),
      {seed: 3, numRuns: 200},
    );
  });
});

describe("nonNegativeIntegerOption(raw, flag)", () => {
  it("accepts non-negative integers and names the flag otherwise", () => {
    assert.equal(nonNegativeIntegerOption("0", "--seed"), 0);
    assert.equal(nonNegativeIntegerOption("42", "--seed"), 42);
    for (const bad of ["-3", "1.5", "1e3", "0x1", "", "abc", "99999999999999999999"]) {
      assert.throws(
        () => nonNegativeIntegerOption(bad, "--seed"),
        (error: unknown) =>
          error instanceof UsageError &&
          error.message === `--seed expects a non-negative integer, got ${bad === "" ? "nothing" : bad}`,
        bad,
      );
    }
  });
});
