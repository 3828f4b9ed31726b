import {existsSync} from "node:fs";
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

/**
 * Test inputs for the HCC-TACE-Seg adapter: a small synthetic clinical sheet in the real sheet's layout (never a row
 * of the real one) and header-only DICOM files (no pixels: the adapter reads only headers), so the tests run without
 * a download. The real sheet is read from ../shared/realdata when it is there.
 */
export const realSheet = fileURLToPath(
  new URL("../../../../shared/realdata/hcc-tace-seg/clinical/HCC-TACE-Seg_clinical_data-V2.csv", import.meta.url),
);
export const realSheetMissing = existsSync(realSheet) ? false : `real sheet ${realSheet} absent`;

/**
 * The real sheet's column names (those the adapter reads, a reader's baseline sum and a column it leaves out, Smoking)
 * and four made-up patients, each a situation: HCC_901 imaged, readers 2–2–3 (PR); HCC_902 a 1–2–3 tie, TTP empty;
 * HCC_903 two readings (PD), OS negative, TTP event "x", AFP missing; HCC_904 one reading, cirrhosis "maybe",
 * Child–Pugh C.
 */
const sheet = [
  "TCIA_ID,TTP,Death_1_StillAliveorLostToFU_0,Censored_0_progressed_1,OS,hepatitis,age,Sex,Smoking,Evidence_of_cirh," +
    "PS_bclc_0_0_1-2_1_3-4_3,CPS,tumor_nodul,Vascular invasion,Portal Vein Thrombosis,AFP,BCLC,1_EASL,1_RECIST," +
    "2_RECIST,1_mRECIST_BL,1_mRECIST,2_mRECIST,3_mRECIST",
  "HCC_901,5,1,1,10.14285714,HCV only,61,1,1,1,0,A,uninodular,0,0,12.5,Stage-A,3,2,2,44.5,2,2,3",
  "HCC_902,,0,0,20.5,No virus,70,2,0,0,1,B,multinodular,1,0,800,Stage-C,4,3,3,10,1,2,3",
  "HCC_903,7,1,x,-3,HBV only,55,1,1,1,3,A,multinodular,1,1,,Stage-B,,4,4,9,4,4,",
  "HCC_904,3,1,1,8,No virus,80,2,0,maybe,0,C,uninodular,0,1,3.2,Stage-D,4,,,,,,3",
];

/** The synthetic sheet as a CSV with a byte-order mark (as the real export has) and CRLF line ends (as Excel writes). */
export function syntheticSheet(): string {
  return `\ufeff${sheet.join("\r\n")}\r\n`;
}

const u16 = (v: number) => [v & 0xff, v >> 8];
const u32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
const bytesOf = (s: string) => [...(s.length % 2 ? `${s} ` : s)].map((c) => c.charCodeAt(0));

/** An implicit-VR little-endian element. */
const element = (group: number, el: number, value: string) => {
  const v = bytesOf(value);
  return [...u16(group), ...u16(el), ...u32(v.length), ...v];
};

/** A sequence of undefined length, its items of defined length, closed by the sequence delimiter. */
const sequence = (group: number, el: number, items: number[][]) => [
  ...u16(group),
  ...u16(el),
  ...u32(0xffffffff),
  ...items.flatMap((item) => [...u16(0xfffe), ...u16(0xe000), ...u32(item.length), ...item]),
  ...u16(0xfffe),
  ...u16(0xe0dd),
  ...u32(0),
];

/** A Part 10 file: preamble, DICM, the explicit-VR meta group naming implicit VR little endian, then the dataset. */
function part10(dataset: number[]): Uint8Array {
  const ts = bytesOf("1.2.840.10008.1.2\0");
  const tsElement = [...u16(0x0002), ...u16(0x0010), 0x55, 0x49, ...u16(ts.length), ...ts];
  const group = [...u16(0x0002), ...u16(0x0000), 0x55, 0x4c, ...u16(4), ...u32(tsElement.length), ...tsElement];
  return Uint8Array.from([...new Array(128).fill(0), 0x44, 0x49, 0x43, 0x4d, ...group, ...dataset]);
}

/** A CT series folder of header-only slices. */
export async function writeFakeCt(dir: string, patientId: string, seriesUid: string, slices = 2): Promise<void> {
  await mkdir(dir, {recursive: true});
  for (let i = 1; i <= slices; i++) {
    const dataset = [
      ...element(0x0008, 0x0060, "CT"),
      ...element(0x0010, 0x0020, patientId),
      ...element(0x0020, 0x000e, seriesUid),
    ];
    await writeFile(join(dir, `1-${String(i).padStart(2, "0")}.dcm`), part10(dataset));
  }
}

/** A header-only DICOM SEG referencing a CT series, with the given segment labels. */
export async function writeFakeSeg(
  file: string,
  patientId: string,
  referencedUid: string,
  segments: string[],
): Promise<void> {
  const dataset = [
    ...element(0x0008, 0x0060, "SEG"),
    ...sequence(0x0008, 0x1115, [element(0x0020, 0x000e, referencedUid)]),
    ...element(0x0010, 0x0020, patientId),
    ...sequence(
      0x0062,
      0x0002,
      segments.map((s) => element(0x0062, 0x0005, s)),
    ),
  ];
  await mkdir(join(file, ".."), {recursive: true});
  await writeFile(file, part10(dataset));
}

/**
 * A download in the NBIA layout: HCC_901 with a CT series and a SEG naming a tumour, and HCC_999, imaged but not in
 * the sheet. Returns the root.
 */
export async function writeFakeDownload(root: string): Promise<void> {
  const study = join(root, "HCC_901", "01-01-2000-study");
  await writeFakeCt(join(study, "2.000000-CT"), "HCC_901", "1.2.826.0.1.901");
  await writeFakeSeg(join(study, "300.000000-Segmentation", "1-1.dcm"), "HCC_901", "1.2.826.0.1.901", [
    "Liver",
    "Mass",
  ]);
  const other = join(root, "HCC_999", "01-01-2000-study");
  await writeFakeCt(join(other, "2.000000-CT"), "HCC_999", "1.2.826.0.1.999");
  await writeFakeSeg(join(other, "300.000000-Segmentation", "1-1.dcm"), "HCC_999", "1.2.826.0.1.999", ["Liver"]);
  await writeFile(join(root, "HCC_901", "notes.txt"), "not DICOM");
}
