import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {inflateSync} from "node:zlib";
import {crc32, encodePng} from "../../../loaders/imaging/encodePng.js";

/** Splits a PNG into chunks, checking each CRC (a decoder's view, written independently of the encoder). */
function chunks(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Array<{type: string; data: Uint8Array}> = [];
  for (let o = 8; o < png.length; ) {
    const length = view.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    const data = png.subarray(o + 8, o + 8 + length);
    assert.equal(view.getUint32(o + 8 + length), crc32(png.subarray(o + 4, o + 8 + length)), `${type} CRC`);
    out.push({type, data});
    o += 12 + length;
  }
  return out;
}

describe("encodePng(pixels, width, height, channels)", () => {
  it("crc32 matches the PNG specification's check value", () => {
    assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  });
  it("writes IHDR, IDAT (filter 0 scanlines) and IEND for an RGB image", () => {
    const pixels = Uint8Array.from({length: 2 * 3 * 3}, (_, i) => i * 10);
    const parts = chunks(encodePng(pixels, 3, 2, 3));
    assert.deepEqual(
      parts.map((c) => c.type),
      ["IHDR", "IDAT", "IEND"],
    );
    const ihdr = new DataView(parts[0]!.data.buffer, parts[0]!.data.byteOffset);
    assert.deepEqual([ihdr.getUint32(0), ihdr.getUint32(4), parts[0]!.data[8], parts[0]!.data[9]], [3, 2, 8, 2]);
    const raw = inflateSync(parts[1]!.data);
    assert.deepEqual([...raw], [0, ...pixels.subarray(0, 9), 0, ...pixels.subarray(9)]);
  });
  it("rejects a pixel buffer of the wrong length", () => {
    assert.throws(() => encodePng(new Uint8Array(5), 2, 2, 1), /expected 4 bytes for 2×2×1, got 5/);
  });
});
