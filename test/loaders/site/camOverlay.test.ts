import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {camOverlay} from "../../../loaders/site/camOverlay.js";

describe("camOverlay(patch, size, cam, camSize)", () => {
  const size = 28;
  const grey = new Uint8Array(size * size * 3).fill(128);

  it("hot cells are redder than cold cells, and the patch shows through", () => {
    const cam = [0, 0, 0, 0, 0, 0, 0, 0, 1]; // bottom-right cell of a 3×3 map is hot
    const out = camOverlay(grey, size, cam, 3);
    const px = (x: number, y: number) => Array.from(out.subarray((y * size + x) * 3, (y * size + x) * 3 + 3));
    const [hotR, , hotB] = px(size - 1, size - 1);
    const [coldR, , coldB] = px(0, 0);
    assert.ok(hotR! > coldR!, `red ${hotR} > ${coldR}`);
    assert.ok(hotB! < coldB!, `blue ${hotB} < ${coldB}`);
    assert.ok(coldR! > 80 && coldR! < 128, "low activation keeps most of the grey patch");
  });

  it("a uniform map gives a uniform image", () => {
    const out = camOverlay(grey, size, new Array(49).fill(0.5), 7);
    assert.ok(out.every((v, i) => v === out[i % 3]));
  });

  it("rejects NaN activations and wrong sizes", () => {
    assert.throws(() => camOverlay(grey, size, [Number.NaN, 0, 0, 0], 2), /finite CAM values/);
    assert.throws(() => camOverlay(grey.subarray(3), size, [0], 1), /expected 2352 patch bytes/);
  });
});
