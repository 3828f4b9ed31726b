import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {inflateSync} from "node:zlib";
import {pngWithDpi} from "../../../loaders/figures/pngDpi.js";
import {crc32, encodePng} from "../../../loaders/imaging/encodePng.js";

function chunks(png: Uint8Array): Array<{type: string; data: Buffer; crcOk: boolean}> {
  const b = Buffer.from(png);
  const out = [];
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString("latin1", at + 4, at + 8);
    const crcOk = b.readUInt32BE(at + 8 + length) === crc32(b.subarray(at + 4, at + 8 + length));
    out.push({type, data: b.subarray(at + 8, at + 8 + length), crcOk});
    at += 12 + length;
  }
  return out;
}

describe("pngWithDpi", () => {
  const png = encodePng(Uint8Array.from([0, 50, 100, 150, 200, 250]), 2, 1, 3);

  it("adds a pHYs chunk after IHDR in pixels per metre, keeping the image", () => {
    const out = chunks(pngWithDpi(png, 600));
    assert.deepEqual(
      out.map((c) => c.type),
      ["IHDR", "pHYs", "IDAT", "IEND"],
    );
    assert.ok(out.every((c) => c.crcOk));
    const phys = out[1]?.data as Buffer;
    // 600 dpi = 600 / 0.0254 = 23622.05 pixels per metre.
    assert.equal(phys.readUInt32BE(0), 23622);
    assert.equal(phys.readUInt32BE(4), 23622);
    assert.equal(phys[8], 1);
    assert.deepEqual(inflateSync(out[2]?.data as Buffer), inflateSync(chunks(png)[1]?.data as Buffer));
  });

  it("replaces a pHYs chunk already there", () => {
    const out = chunks(pngWithDpi(pngWithDpi(png, 72), 300));
    assert.deepEqual(
      out.map((c) => c.type),
      ["IHDR", "pHYs", "IDAT", "IEND"],
    );
    assert.equal(out[1]?.data.readUInt32BE(0), 11811);
  });

  it("refuses what is not a PNG", () => {
    assert.throws(() => pngWithDpi(new Uint8Array(20), 300), /not a PNG/);
  });
});
