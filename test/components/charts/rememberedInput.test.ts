import assert from "node:assert/strict";
import {afterEach, describe, it} from "node:test";
import fc from "fast-check";
import {
  onRemembered,
  remember,
  rememberedEntries,
  rememberedValue,
} from "../../../src/components/charts/rememberedInput.js";
import {booleanCodec, choiceCodec, numberCodec} from "../../../src/components/charts/urlState.js";

/** An input as Observable Inputs makes one: a value and "input" events. */
function fakeInput<T>(value: T): EventTarget & {value: T} {
  return Object.assign(new EventTarget(), {value});
}

/** Changes the input as a reader would: a new value, then an "input" event. */
function choose<T>(input: EventTarget & {value: T}, value: T): void {
  input.value = value;
  input.dispatchEvent(new Event("input"));
}

/**
 * The address bar of a page at `href`, as the module sees it: `location` and `history` globals (absent in Node, so
 * the module keeps values in memory only), with replaceState rewriting the location as a browser does.
 */
function fakeBrowser(href: string, options: {replaceThrows?: boolean} = {}): {url: () => URL; calls: () => number} {
  let url = new URL(href);
  let calls = 0;
  const location = {
    get pathname() {
      return url.pathname;
    },
    get search() {
      return url.search;
    },
    get hash() {
      return url.hash;
    },
    get href() {
      return url.href;
    },
  };
  const history = {
    state: {framework: true},
    replaceState(_state: unknown, _unused: string, next: string) {
      calls++;
      if (options.replaceThrows) throw new Error("SecurityError: the document's origin is opaque");
      url = new URL(next, url);
    },
  };
  Object.assign(globalThis, {location, history});
  return {url: () => url, calls: () => calls};
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "location");
  Reflect.deleteProperty(globalThis, "history");
});

describe("remember / rememberedValue: a control redrawn by its cell keeps the reader's choice", () => {
  it("starts a redrawn control from the last value while it is still an option, else from the default", () => {
    assert.equal(rememberedValue("cohort-test", ["A", "B"], "A"), "A");
    const first = remember("cohort-test", fakeInput("A"), ["A", "B"]);
    choose(first, "B");
    assert.equal(rememberedValue("cohort-test", ["A", "B", "C"], "A"), "B");
    // The redrawn control's options no longer include it: the default.
    assert.equal(rememberedValue("cohort-test", ["A", "C"], "C"), "C");
    // Keys are independent.
    assert.equal(rememberedValue("level-test", ["patch", "patient"], "patient"), "patient");
  });

  it("finds an object option again among a redrawn control's new objects, by its name", () => {
    const ci = () => choiceCodec([{key: "cluster"}, {key: "delong"}], (m) => m.key);
    const input = remember("ci-test", fakeInput({key: "cluster"}), ci());
    choose(input, {key: "delong"});
    const redrawn = ci();
    const value = rememberedValue("ci-test", redrawn, {key: "cluster"});
    assert.deepEqual(value, {key: "delong"});
    assert.equal(value, redrawn.decode("delong"));
  });
});

describe("remember / rememberedValue: the view in the URL (issue #25)", () => {
  it("opens on the URL's values, validated: an unknown value gives the default and never throws", () => {
    const browser = fakeBrowser("http://example.org/tace/discrimination?url-cohort=SYUCC&url-level=bogus&url-seed=1.5");
    assert.equal(rememberedValue("url-cohort", ["Centre A", "SYUCC"], "Centre A"), "SYUCC");
    assert.equal(rememberedValue("url-level", ["patch", "patient"], "patient"), "patient");
    assert.equal(rememberedValue("url-seed", numberCodec({integer: true}), 1), 1);
    assert.equal(rememberedValue("url-absent", booleanCodec, false), false);
    assert.equal(browser.calls(), 0, "reading writes nothing");
  });

  it("writes each control's value into the query string, in place, keeping the path (a sub-folder) and the hash", () => {
    const browser = fakeBrowser("http://example.org/tace/discrimination?w-level=bogus&other=1#per-class-summary");
    const level = remember("w-level", fakeInput(rememberedValue("w-level", ["patch", "patient"], "patient")), [
      "patch",
      "patient",
    ]);
    assert.equal(
      browser.url().href,
      "http://example.org/tace/discrimination?w-level=patient&other=1#per-class-summary",
    );
    const cohort = remember("w-cohort", fakeInput("Centre A"), ["Centre A", "Centre B"]);
    choose(cohort, "Centre B");
    choose(level, "patch");
    assert.equal(browser.url().search, "?w-level=patch&other=1&w-cohort=Centre+B");
    assert.equal(browser.url().pathname, "/tace/discrimination");
    assert.equal(browser.url().hash, "#per-class-summary");
    // A redrawn control starts from the page's memory, which the URL mirrors.
    assert.equal(rememberedValue("w-cohort", ["Centre A", "Centre B"], "Centre A"), "Centre B");
  });

  it("keeps values in memory when the address cannot be rewritten", () => {
    const browser = fakeBrowser("http://example.org/page", {replaceThrows: true});
    const input = remember("t-toggle", fakeInput(false), booleanCodec);
    choose(input, true);
    assert.ok(browser.calls() >= 1);
    assert.equal(browser.url().search, "");
    assert.equal(rememberedValue("t-toggle", booleanCodec, false), true);
  });

  it("lists the remembered controls and tells listeners of every change", () => {
    fakeBrowser("http://example.org/page");
    let heard = 0;
    const stop = onRemembered(() => heard++);
    const input = remember("e-threshold", fakeInput(0.5), numberCodec({min: 0, max: 1}));
    choose(input, 0.35);
    stop();
    choose(input, 0.4);
    assert.equal(heard, 2);
    assert.deepEqual(
      rememberedEntries().find(([key]) => key === "e-threshold"),
      ["e-threshold", "0.4"],
    );
  });

  it("never throws and always gives an option or the default, whatever the query string", () => {
    fc.assert(
      fc.property(fc.string({unit: "binary", maxLength: 60}), (query) => {
        fakeBrowser(`http://example.org/page?${encodeURI(query).replace(/#/g, "%23")}`);
        // A key nothing has remembered yet: the URL alone decides.
        const value = rememberedValue("p-level", ["patch", "patient"], "patient");
        assert.ok(value === "patch" || value === "patient");
        const n = rememberedValue("p-replicates", numberCodec({min: 0, max: 5000, integer: true}), 1000);
        assert.ok(Number.isInteger(n) && n >= 0 && n <= 5000);
      }),
      {numRuns: 200, seed: 25},
    );
  });
});
