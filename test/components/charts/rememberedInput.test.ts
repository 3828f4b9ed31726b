import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {remember, rememberedValue} from "../../../src/components/charts/rememberedInput.js";

/** An input as Observable Inputs makes one: a value and "input" events. */
function fakeInput(value: string): EventTarget & {value: string} {
  return Object.assign(new EventTarget(), {value});
}

describe("remember / rememberedValue: a control redrawn by its cell keeps the reader's choice", () => {
  it("starts a redrawn control from the last value while it is still an option, else from the default", () => {
    assert.equal(rememberedValue("cohort-test", ["A", "B"], "A"), "A");
    const first = remember("cohort-test", fakeInput("A"));
    first.value = "B";
    first.dispatchEvent(new Event("input"));
    assert.equal(rememberedValue("cohort-test", ["A", "B", "C"], "A"), "B");
    // The redrawn control's options no longer include it: the default.
    assert.equal(rememberedValue("cohort-test", ["A", "C"], "C"), "C");
    // Keys are independent.
    assert.equal(rememberedValue("level-test", ["patch", "patient"], "patient"), "patient");
  });
});
