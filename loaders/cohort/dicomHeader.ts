/**
 * A small DICOM Part 10 header reader for ingest: just enough to find patients, series and what a SEG references,
 * without an itk-wasm call per file. Handles explicit and implicit VR little endian (the transfer syntaxes of
 * TCIA downloads), nested sequences of defined or undefined length, and stops at the pixel data. Values of text VRs
 * are returned by tag path, "gggg,eeee" with nested elements as "0008,1115>0020,000e"; a path repeated across
 * sequence items (one SegmentLabel per segment) lists every value in order.
 */
export class DicomHeaderError extends Error {
  override name = "DicomHeaderError";
}

const longVrs = new Set(["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"]);
const textVrs = new Set([
  "AE",
  "AS",
  "CS",
  "DA",
  "DS",
  "DT",
  "IS",
  "LO",
  "LT",
  "PN",
  "SH",
  "ST",
  "TM",
  "UC",
  "UI",
  "UR",
  "UT",
]);
/** Sequences we look inside when the VR is implicit (and therefore unknown). */
const knownSequences = new Set(["0008,1115", "0062,0002", "0008,1140", "5200,9229", "5200,9230", "0008,9215"]);
const pixelData = 0x7fe00010;

export type DicomHeader = Map<string, string[]>;

export function parseDicomHeader(bytes: Uint8Array, file = "DICOM file"): DicomHeader {
  return readDicomHeader(bytes, file).tags;
}

/**
 * The header plus where the top-level pixel data starts and how long it says it is (undefined length for
 * encapsulated data), so a caller can detect a truncated slice, which itk-wasm reads without complaint.
 */
export function readDicomHeader(
  bytes: Uint8Array,
  file = "DICOM file",
): {tags: DicomHeader; pixelData?: {offset: number; length: number | undefined}} {
  let pixel: {offset: number; length: number | undefined} | undefined;
  if (bytes.length < 132 || String.fromCharCode(...bytes.subarray(128, 132)) !== "DICM") {
    throw new DicomHeaderError(`${file}: not a DICOM Part 10 file (no "DICM" at byte 128)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: DicomHeader = new Map();
  const text = (o: number, n: number) =>
    new TextDecoder("latin1")
      .decode(bytes.subarray(o, o + n))
      .replace(/[\0 ]+$/, "")
      .trim();
  const key = (tag: number) =>
    `${(tag >>> 16).toString(16).padStart(4, "0")},${(tag & 0xffff).toString(16).padStart(4, "0")}`;

  // Reads elements from `start` until `end` (or an item/sequence delimiter); returns where it stopped.
  const walk = (start: number, end: number, explicit: boolean, prefix: string): number => {
    let o = start;
    while (o + 8 <= end) {
      const tag = ((view.getUint16(o, true) << 16) | view.getUint16(o + 2, true)) >>> 0;
      if (tag === 0xfffee00d || tag === 0xfffee0dd) return o + 8;
      if (tag >= pixelData && prefix === "") {
        if (tag === pixelData && o + 12 <= end) {
          const long = explicit && longVrs.has(String.fromCharCode(bytes[o + 4]!, bytes[o + 5]!));
          const length = explicit && !long ? view.getUint16(o + 6, true) : view.getUint32(o + (explicit ? 8 : 4), true);
          pixel = {offset: o + (long ? 12 : 8), length: length === 0xffffffff ? undefined : length};
        }
        return end;
      }
      let vr = "";
      let length: number;
      let header: number;
      const isGroup2 = tag >>> 16 === 0x0002;
      if (explicit || isGroup2) {
        vr = String.fromCharCode(bytes[o + 4]!, bytes[o + 5]!);
        if (longVrs.has(vr)) {
          length = view.getUint32(o + 8, true);
          header = 12;
        } else {
          length = view.getUint16(o + 6, true);
          header = 8;
        }
      } else {
        length = view.getUint32(o + 4, true);
        header = 8;
        if (knownSequences.has(key(tag)) || length === 0xffffffff) vr = "SQ";
      }
      const body = o + header;
      const path = prefix + key(tag);
      if (vr === "SQ") {
        o = walkSequence(body, length, end, explicit, `${path}>`);
        continue;
      }
      if (length === 0xffffffff) {
        // Encapsulated data (OB/UN of undefined length): skip its items up to the sequence delimiter.
        o = walkSequence(body, length, end, explicit, "\u0000skip>");
        continue;
      }
      if (body + length > bytes.length) {
        throw new DicomHeaderError(`${file}: element ${key(tag)} runs past the end of the file (truncated?)`);
      }
      if (textVrs.has(vr) || (!explicit && !isGroup2 && vr === "")) {
        if (vr !== "" || length <= 256) out.set(path, [...(out.get(path) ?? []), text(body, length)]);
      }
      o = body + length;
    }
    return o;
  };

  const walkSequence = (start: number, length: number, end: number, explicit: boolean, prefix: string): number => {
    const stop = length === 0xffffffff ? end : Math.min(end, start + length);
    let o = start;
    while (o + 8 <= stop) {
      const tag = ((view.getUint16(o, true) << 16) | view.getUint16(o + 2, true)) >>> 0;
      const itemLength = view.getUint32(o + 4, true);
      if (tag === 0xfffee0dd) return o + 8;
      if (tag !== 0xfffee000)
        throw new DicomHeaderError(`${file}: expected a sequence item at byte ${o}, got tag ${key(tag)}`);
      if (prefix.startsWith("\u0000")) {
        o += 8 + (itemLength === 0xffffffff ? 0 : itemLength);
        continue;
      }
      const itemEnd = itemLength === 0xffffffff ? stop : o + 8 + itemLength;
      const after = walk(o + 8, itemEnd, explicit, prefix);
      o = itemLength === 0xffffffff ? after : itemEnd;
    }
    return stop;
  };

  // The file meta group is always explicit VR little endian; its transfer syntax says how the rest is encoded.
  let o = 132;
  const metaEnd = (() => {
    const tag = ((view.getUint16(o, true) << 16) | view.getUint16(o + 2, true)) >>> 0;
    return tag === 0x00020000 ? o + 12 + view.getUint32(o + 8, true) : o;
  })();
  o = walk(o, metaEnd, true, "");
  const syntax = out.get("0002,0010")?.[0] ?? "1.2.840.10008.1.2.1";
  if (syntax === "1.2.840.10008.1.2.2" || syntax === "1.2.840.10008.1.2.1.99") {
    throw new DicomHeaderError(
      `${file}: transfer syntax ${syntax} (big endian or deflated) is not supported by the header reader`,
    );
  }
  walk(metaEnd, bytes.length, syntax !== "1.2.840.10008.1.2", "");
  return {tags: out, ...(pixel ? {pixelData: pixel} : {})};
}

/** Common tags by name. */
export const Tags = {
  sopClassUid: "0008,0016",
  modality: "0008,0060",
  seriesDescription: "0008,103e",
  patientId: "0010,0020",
  studyInstanceUid: "0020,000d",
  seriesInstanceUid: "0020,000e",
  referencedSeriesUid: "0008,1115>0020,000e",
} as const;

/** The first value at a tag path, or undefined. */
export const tagValue = (header: DicomHeader, path: string): string | undefined => header.get(path)?.[0];
