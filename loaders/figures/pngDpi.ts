import {concatBytes} from "../imaging/concatBytes.js";
import {crc32} from "../imaging/encodePng.js";

const Signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The PNG with a pHYs chunk saying its resolution (pixels per metre, which is how PNG states dots per inch), placed
 * right after IHDR as the specification requires, so an editor opening a 600 dpi figure reads 600 dpi and its print
 * size. A pHYs the encoder already wrote is replaced.
 */
export function pngWithDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (!Signature.every((b, i) => png[i] === b)) throw new Error("not a PNG: the signature is missing");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [png.subarray(0, 8)];
  let offset = 8;
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (type !== "pHYs") chunks.push(png.subarray(offset, end));
    if (type === "IHDR") chunks.push(physChunk(dpi));
    offset = end;
  }
  return concatBytes(chunks);
}

function physChunk(dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const out = new Uint8Array(21);
  const view = new DataView(out.buffer);
  view.setUint32(0, 9);
  out.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  out[16] = 1; // unit: the metre
  view.setUint32(17, crc32(out.subarray(4, 17)));
  return out;
}
