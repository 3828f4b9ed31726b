import assert from "node:assert/strict";
import {describe, it} from "node:test";
import UTIF from "utif2";
import {encodeTiff} from "../../../loaders/figures/encodeTiff.js";
import {createRng} from "../../../src/components/stats/random.js";

/** Pixels through our encoder and back through utif2 (an independent TIFF decoder) as RGBA. */
function roundTrip(rgb: Uint8Array, width: number, height: number, dpi: number) {
  const bytes = Buffer.from(encodeTiff(rgb, width, height, dpi));
  const [ifd] = UTIF.decode(bytes);
  assert.ok(ifd);
  UTIF.decodeImage(bytes, ifd);
  return {ifd, rgba: UTIF.toRGBA8(ifd)};
}

describe("encodeTiff", () => {
  it("writes RGB pixels a reference decoder reads back exactly, over several strips", () => {
    const rng = createRng(5);
    for (const [width, height] of [
      [1, 1],
      [7, 3],
      [13, 17],
      [64, 40],
    ] as const) {
      const rgb = Uint8Array.from({length: width * height * 3}, () => rng.int(256));
      const {ifd, rgba} = roundTrip(rgb, width, height, 600);
      assert.equal(ifd.width, width);
      assert.equal(ifd.height, height);
      for (let p = 0; p < width * height; p++) {
        assert.deepEqual([...rgba.subarray(4 * p, 4 * p + 3)], [...rgb.subarray(3 * p, 3 * p + 3)], `pixel ${p}`);
        assert.equal(rgba[4 * p + 3], 255);
      }
    }
  });

  it("states its resolution in dots per inch and its compression", () => {
    const {ifd} = roundTrip(new Uint8Array(2 * 2 * 3), 2, 2, 300);
    assert.deepEqual(ifd.t282, [[300, 1]]);
    assert.deepEqual(ifd.t283, [[300, 1]]);
    assert.deepEqual(ifd.t296, [2]);
    assert.deepEqual(ifd.t259, [8]);
    assert.deepEqual(ifd.t262, [2]);
  });

  it("refuses pixels that do not match the size", () => {
    assert.throws(() => encodeTiff(new Uint8Array(5), 2, 1, 600), /expected 6 bytes for 2×1 RGB, got 5/);
  });
});
