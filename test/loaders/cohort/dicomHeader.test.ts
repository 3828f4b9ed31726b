import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import {DicomHeaderError, parseDicomHeader, Tags, tagValue} from "../../../loaders/cohort/dicomHeader.js";

const realdata = fileURLToPath(new URL("../../../../shared/realdata/", import.meta.url));
const missing = (sub: string) =>
  existsSync(join(realdata, sub)) ? false : `real sample ${join(realdata, sub)} absent`;

/** A Part 10 file built by hand: explicit-VR meta group, then the dataset in the given transfer syntax. */
function part10(syntax: string, dataset: number[]): Uint8Array {
  const u16 = (v: number) => [v & 0xff, v >> 8];
  const u32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
  const pad = (s: string) => (s.length % 2 ? `${s}\0` : s);
  const ts = [...pad(syntax)].map((c) => c.charCodeAt(0));
  const tsElement = [...u16(0x0002), ...u16(0x0010), 0x55, 0x49, ...u16(ts.length), ...ts];
  const group = [...u16(0x0002), ...u16(0x0000), 0x55, 0x4c, ...u16(4), ...u32(tsElement.length), ...tsElement];
  return Uint8Array.from([...new Array(128).fill(0), 0x44, 0x49, 0x43, 0x4d, ...group, ...dataset]);
}
const implicit = (group: number, element: number, value: string) => {
  const v = [...(value.length % 2 ? `${value} ` : value)].map((c) => c.charCodeAt(0));
  return [group & 0xff, group >> 8, element & 0xff, element >> 8, v.length & 0xff, v.length >> 8, 0, 0, ...v];
};

describe("parseDicomHeader(bytes, file)", () => {
  it("reads implicit VR little endian, including an undefined-length sequence", () => {
    const item = implicit(0x0020, 0x000e, "1.2.3.4");
    const sequence = [
      0x08,
      0x00,
      0x15,
      0x11,
      0xff,
      0xff,
      0xff,
      0xff,
      0xfe,
      0xff,
      0x00,
      0xe0,
      item.length,
      0,
      0,
      0,
      ...item,
      0xfe,
      0xff,
      0xdd,
      0xe0,
      0,
      0,
      0,
      0,
    ];
    const bytes = part10("1.2.840.10008.1.2", [
      ...implicit(0x0008, 0x0060, "SEG"),
      ...sequence,
      ...implicit(0x0010, 0x0020, "HCC_001"),
    ]);
    const h = parseDicomHeader(bytes);
    assert.equal(tagValue(h, Tags.modality), "SEG");
    assert.equal(tagValue(h, Tags.referencedSeriesUid), "1.2.3.4");
    assert.equal(tagValue(h, Tags.patientId), "HCC_001");
  });
  it("refuses a file without the DICM magic, naming it", () => {
    assert.throws(
      () => parseDicomHeader(new Uint8Array(200), "LICENSE"),
      (e: Error) => e instanceof DicomHeaderError && /LICENSE: not a DICOM Part 10 file/.test(e.message),
    );
  });
  it("finds a real SEG's referenced CT series and segment labels", {skip: missing("dcmqi/liver.dcm")}, () => {
    const seg = parseDicomHeader(readFileSync(join(realdata, "dcmqi/liver.dcm")));
    const ct = parseDicomHeader(readFileSync(join(realdata, "dcmqi/ct-3slice/01.dcm")));
    assert.equal(tagValue(seg, Tags.modality), "SEG");
    assert.deepEqual(seg.get("0062,0002>0062,0005"), ["Liver"]);
    assert.equal(tagValue(seg, Tags.referencedSeriesUid), tagValue(ct, Tags.seriesInstanceUid));
    assert.equal(tagValue(ct, Tags.modality), "CT");
  });
});
