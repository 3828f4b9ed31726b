import {concatBytes} from "../../../loaders/imaging/concatBytes.js";

/** A minimal ustar writer for the tests (independent of the reader under test). */
export function makeTar(files: Array<{path: string; data: Uint8Array; type?: string}>): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const f of files) {
    const h = new Uint8Array(512);
    const put = (text: string, offset: number) => h.set(new TextEncoder().encode(text), offset);
    put(f.path, 0);
    put("0000644\0", 100);
    put("0000000\0", 108);
    put("0000000\0", 116);
    put(`${f.data.length.toString(8).padStart(11, "0")}\0`, 124);
    put("00000000000\0", 136);
    put("        ", 148);
    put(f.type ?? "0", 156);
    put("ustar\0", 257);
    put("00", 263);
    const sum = h.reduce((a, b) => a + b, 0);
    put(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
    blocks.push(h, f.data, new Uint8Array((512 - (f.data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  return concatBytes(blocks);
}
