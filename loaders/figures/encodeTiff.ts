import {deflateSync} from "node:zlib";
import {concatBytes} from "../imaging/concatBytes.js";

/** Rows per strip: each strip is inflated on its own, so a reader never holds the whole image compressed. */
const RowsPerStrip = 8;

/**
 * A baseline TIFF 6.0 file (little-endian, one image): 8-bit RGB, chunky, Deflate-compressed strips (compression 8,
 * what libtiff, ImageMagick, Photoshop and journal upload checks read), and the resolution in dots per inch. Written
 * here rather than adding an image library for one file format: the layout is a header, the strips and one IFD.
 */
export function encodeTiff(rgb: Uint8Array, width: number, height: number, dpi: number): Uint8Array {
  if (rgb.length !== width * height * 3) {
    throw new RangeError(
      `encodeTiff: expected ${width * height * 3} bytes for ${width}×${height} RGB, got ${rgb.length}`,
    );
  }
  const stride = width * 3;
  const strips: Uint8Array[] = [];
  for (let y = 0; y < height; y += RowsPerStrip) {
    strips.push(deflateSync(rgb.subarray(y * stride, Math.min(height, y + RowsPerStrip) * stride)));
  }
  const header = new Uint8Array(8);
  const headerView = new DataView(header.buffer);
  header.set([0x49, 0x49, 42, 0]); // "II", 42: little-endian TIFF
  let offset = 8;
  const stripOffsets = strips.map((s) => {
    const at = offset;
    offset += s.length;
    return at;
  });
  if (offset % 2) strips.push(new Uint8Array(1)); // the IFD starts on a word boundary
  offset += offset % 2;
  const ifdOffset = offset;
  headerView.setUint32(4, ifdOffset, true);

  // Tags in ascending order; values over 4 bytes go after the IFD, at `extra`.
  type Entry = [tag: number, type: 3 | 4 | 5, values: number[]];
  const entries: Entry[] = [
    [256, 4, [width]],
    [257, 4, [height]],
    [258, 3, [8, 8, 8]],
    [259, 3, [8]], // Deflate (Adobe)
    [262, 3, [2]], // RGB
    [273, 4, stripOffsets],
    [277, 3, [3]],
    [278, 4, [RowsPerStrip]],
    [279, 4, strips.slice(0, stripOffsets.length).map((s) => s.length)],
    [282, 5, [dpi, 1]],
    [283, 5, [dpi, 1]],
    [284, 3, [1]], // chunky
    [296, 3, [2]], // resolution in inches
  ];
  const size = (type: 3 | 4 | 5) => (type === 3 ? 2 : 4);
  const ifdLength = 2 + entries.length * 12 + 4;
  const extraLength = entries.reduce(
    (n, [, type, v]) => n + (v.length * size(type) > 4 ? v.length * size(type) : 0),
    0,
  );
  const ifd = new Uint8Array(ifdLength + extraLength);
  const view = new DataView(ifd.buffer);
  view.setUint16(0, entries.length, true);
  let extra = ifdLength;
  entries.forEach(([tag, type, values], k) => {
    const at = 2 + k * 12;
    const count = type === 5 ? values.length / 2 : values.length;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, count, true);
    const bytes = values.length * size(type);
    let target = at + 8;
    if (bytes > 4) {
      view.setUint32(at + 8, ifdOffset + extra, true);
      target = extra;
      extra += bytes;
    }
    values.forEach((v, i) => {
      if (type === 3) view.setUint16(target + 2 * i, v, true);
      else view.setUint32(target + 4 * i, v, true);
    });
  });
  view.setUint32(2 + entries.length * 12, 0, true); // no next IFD
  return concatBytes([header, ...strips, ifd]);
}
