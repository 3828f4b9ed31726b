import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {progressDisplay} from "../../../loaders/runtime/stderrProgress.js";

/** A display writing into a string, with a clock the test moves. */
function capture(isTTY: boolean) {
  const out = {
    text: "",
    isTTY,
    write: (t: string) => {
      out.text += t;
    },
  };
  let t = 0;
  const display = progressDisplay(out, () => t);
  const advance = (seconds: number) => {
    t += seconds * 1000;
  };
  return {out, display, advance};
}

describe("progressDisplay", () => {
  it("writes one line per 10% when stderr is not a terminal, with rate and time left", () => {
    const {out, display, advance} = capture(false);
    display.progress("synth", 0, 20);
    for (let done = 1; done <= 20; done++) {
      advance(0.5);
      display.progress("synth", done, 20);
    }
    const lines = out.text.trimEnd().split("\n");
    assert.equal(lines.length, 11, out.text);
    assert.equal(lines[1], "synth: 2/20 (10%), 2.00 patients/s, 9 s left");
    assert.equal(lines[10], "synth: 20/20 (100%), 2.00 patients/s, 10 s in all");
    assert.doesNotMatch(out.text, /\r/);
  });

  it("redraws one bar on a terminal and prints log lines above it", () => {
    const {out, display, advance} = capture(true);
    display.progress("NFH", 0, 2);
    advance(1);
    display.progress("NFH", 1, 2);
    display.log("excluded: patient X");
    advance(1);
    display.progress("NFH", 2, 2);
    assert.equal(
      out.text,
      "\rNFH        [..............................] 0/2 (0%)\x1b[K" +
        "\rNFH        [###############...............] 1/2 (50%), 1.00 patients/s, 1 s left\x1b[K" +
        "\r\x1b[Kexcluded: patient X\n\rNFH        [###############...............] 1/2 (50%), 1.00 patients/s, 1 s left" +
        "\rNFH        [##############################] 2/2 (100%), 1.00 patients/s, 2 s in all\x1b[K\n",
    );
    display.log("done");
    assert.ok(out.text.endsWith("\x1b[K\ndone\n"), "no bar is redrawn once it is complete");
  });

  it("times a stage from its first report when that comes after the first item: no rate until a second", () => {
    const {out, display, advance} = capture(false);
    advance(5);
    display.progress("demo study", 1, 20);
    advance(1);
    display.progress("demo study", 2, 20);
    advance(1);
    display.progress("demo study", 3, 20);
    assert.deepEqual(out.text.trimEnd().split("\n"), [
      "demo study: 1/20 (5%)",
      "demo study: 2/20 (10%), 1.00 patients/s, 18 s left",
    ]);
  });
});
