import {stat} from "node:fs/promises";
import {readImageDicomFileSeriesNode, readSegmentationNode} from "@itk-wasm/dicom";
import {readImageNode} from "@itk-wasm/image-io";
import type {Image} from "itk-wasm";
import {PatientError} from "../cohort/exclusion.js";
import {checkImageFile} from "./checkImageFile.js";
import {dicomHead, dicomTruncation, isDicomSegHead, listDicomFolder} from "./dicomFiles.js";
import {itkCall} from "./itkCall.js";
import {makeVolume, type Vec3, type Volume, type VoxelData} from "./volume.js";

/**
 * Reads a CT or a mask from NIfTI (.nii, .nii.gz), NRRD, MetaImage (.mha/.mhd), a DICOM series folder, a single DICOM
 * file or a DICOM SEG, through itk-wasm, after the integrity checks itk-wasm lacks. Failures are PatientErrors that
 * name `what` (the patient and role) and the file.
 */
export interface ReadOptions {
  /** e.g. "patient P001 image"; prefixes every message. */
  what: string;
  warn: (message: string) => void;
}

export type Source = {kind: "file"; path: string} | {kind: "series"; files: string[]} | {kind: "seg"; path: string};

export async function resolveSource(path: string, {what, warn}: ReadOptions): Promise<Source> {
  await checkImageFile(path, what);
  const info = await stat(path);
  if (info.isDirectory()) {
    const {files, skipped} = await listDicomFolder(path);
    if (skipped.length > 0) {
      warn(
        `${what}: skipped ${skipped.length} non-DICOM file(s) in series folder ${path}: ${skipped.slice(0, 5).join(", ")}`,
      );
    }
    if (files.length === 0) {
      throw new PatientError(
        "unreadableImage",
        `${what}: no DICOM files (no "DICM" at byte 128) in folder ${path}`,
        path,
      );
    }
    await checkDicomFiles(files, what);
    return {kind: "series", files};
  }
  const head = await dicomHead(path);
  if (head) {
    await checkDicomFiles([path], what);
    return isDicomSegHead(head) ? {kind: "seg", path} : {kind: "series", files: [path]};
  }
  return {kind: "file", path};
}

async function checkDicomFiles(files: readonly string[], what: string): Promise<void> {
  for (const file of files) {
    const problem = await dicomTruncation(file);
    if (problem !== undefined) throw new PatientError("unreadableImage", `${what}: ${problem}`, file);
  }
}

function toVolume(image: Image, what: string, file: string): Volume {
  if (image.imageType.dimension !== 3 && image.imageType.dimension !== 2) {
    throw new PatientError(
      "unreadableImage",
      `${what}: expected a 3-D image, got ${image.imageType.dimension}-D: ${file}`,
      file,
    );
  }
  if (image.imageType.components !== 1) {
    throw new PatientError(
      "unreadableImage",
      `${what}: expected a scalar image, got ${image.imageType.components} components per voxel: ${file}`,
      file,
    );
  }
  const data = image.data;
  if (data === null || data instanceof BigInt64Array || data instanceof BigUint64Array) {
    throw new PatientError(
      "unreadableImage",
      `${what}: unsupported pixel type ${image.imageType.componentType}: ${file}`,
      file,
    );
  }
  const d3 = image.imageType.dimension === 3;
  // A 2-D image is one axial slice: give it a unit third axis so the geometry code stays 3-D.
  const size: Vec3 = d3 ? [image.size[0]!, image.size[1]!, image.size[2]!] : [image.size[0]!, image.size[1]!, 1];
  const spacing: Vec3 = d3
    ? [image.spacing[0]!, image.spacing[1]!, image.spacing[2]!]
    : [image.spacing[0]!, image.spacing[1]!, 1];
  const origin: Vec3 = d3
    ? [image.origin[0]!, image.origin[1]!, image.origin[2]!]
    : [image.origin[0]!, image.origin[1]!, 0];
  const dir = Array.from(image.direction as ArrayLike<number>);
  const direction = d3 ? dir : [dir[0]!, dir[1]!, 0, dir[2]!, dir[3]!, 0, 0, 0, 1];
  try {
    return makeVolume({data: data as VoxelData, size, spacing, origin, direction}, `${what} (${file})`);
  } catch (error) {
    throw new PatientError("unreadableImage", (error as Error).message, file);
  }
}

async function readRaw(source: Source, what: string): Promise<{image: Image; meta?: unknown; file: string}> {
  if (source.kind === "file") {
    const image = await itkCall(`${what}: cannot read ${source.path}`, () => readImageNode(source.path));
    return {image, file: source.path};
  }
  if (source.kind === "series") {
    const file =
      source.files.length === 1
        ? source.files[0]!
        : `DICOM series (${source.files.length} files) in ${source.files[0]}…`;
    const {outputImage} = await itkCall(`${what}: cannot read ${file}`, () =>
      readImageDicomFileSeriesNode({inputImages: source.files}),
    );
    return {image: outputImage, file};
  }
  const {segImage, metaInfo} = await itkCall(`${what}: cannot read DICOM SEG ${source.path}`, () =>
    readSegmentationNode(source.path),
  );
  return {image: segImage, meta: metaInfo, file: source.path};
}

/** A CT as float32 Hounsfield units (itk-wasm applies DICOM/NIfTI rescale slope and intercept; int32 DICOM included). */
export async function readImageVolume(path: string, options: ReadOptions): Promise<Volume<Float32Array>> {
  const source = await resolveSource(path, options);
  if (source.kind === "seg") {
    throw new PatientError("unreadableImage", `${options.what}: expected a CT image, got a DICOM SEG: ${path}`, path);
  }
  const {image, file} = await readRaw(source, options.what);
  const volume = toVolume(image, options.what, file);
  const data = volume.data instanceof Float32Array ? volume.data : new Float32Array(volume.data);
  // Only float storage (or a NIfTI scl_slope) can hold NaN/Inf; integer voxels are finite by construction.
  const floatStored = volume.data instanceof Float32Array || volume.data instanceof Float64Array;
  for (let i = 0; floatStored && i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      throw new PatientError("unreadableImage", `${options.what}: non-finite voxel value at index ${i}: ${path}`, path);
    }
  }
  return {...volume, data};
}

export interface MaskRead {
  volume: Volume;
  /** For a DICOM SEG: the segments found, and which one was kept when the mask was reduced to the tumour. */
  segments?: Array<{labelID: number; label: string}>;
  chosenSegment?: string;
}

const tumourSegment = /tumou?r|mass|lesion|hcc|neoplasm|carcinoma/i;

/**
 * A mask in its stored labels. A DICOM SEG with several segments and tumourLabel "nonzero" is reduced to the segment
 * named like a tumour (HCC-TACE-Seg's "Mass"); a numeric tumourLabel selects the segment with that labelID.
 */
export async function readMaskVolume(
  path: string,
  options: ReadOptions & {tumourLabel: "nonzero" | number},
): Promise<MaskRead> {
  const source = await resolveSource(path, options);
  const {image, meta, file} = await readRaw(source, options.what);
  if (source.kind !== "seg") return {volume: toVolume(image, options.what, file)};
  const groups = segmentGroups(meta);
  const segments = groups.flat();
  let chosen: {labelID: number; label: string; group: number} | undefined;
  if (typeof options.tumourLabel === "number") {
    chosen = segments.find((s) => s.labelID === options.tumourLabel);
  } else if (segments.length === 1) {
    chosen = segments[0];
  } else {
    const named = segments.filter((s) => tumourSegment.test(s.label));
    if (named.length !== 1) {
      throw new PatientError(
        "maskLabels",
        `${options.what}: DICOM SEG has segments ${segments.map((s) => `${s.labelID}="${s.label}"`).join(", ")}; expected exactly one named like a tumour (set imaging.tumourLabel to its number): ${path}`,
        path,
      );
    }
    chosen = named[0];
  }
  if (chosen === undefined) {
    throw new PatientError(
      "emptyMask",
      `${options.what}: DICOM SEG has no segment with label ${options.tumourLabel} (found ${segments.map((s) => s.labelID).join(", ")}): ${path}`,
      path,
    );
  }
  const componentImage = extractComponent(image, chosen.group);
  const volume = toVolume(componentImage, options.what, file);
  const binary = new Uint8Array(volume.data.length);
  for (let i = 0; i < binary.length; i++) binary[i] = volume.data[i] === chosen.labelID ? 1 : 0;
  return {
    volume: {...volume, data: binary},
    segments: segments.map(({labelID, label}) => ({labelID, label})),
    chosenSegment: chosen.label,
  };
}

/** dcmqi's metaInfo.segmentAttributes: one array per group of non-overlapping segments (= image component). */
function segmentGroups(meta: unknown): Array<Array<{labelID: number; label: string; group: number}>> {
  const attributes = (meta as {segmentAttributes?: unknown} | null)?.segmentAttributes;
  if (!Array.isArray(attributes)) return [];
  return attributes.map((group, g) =>
    (Array.isArray(group) ? group : []).map(
      (s: {labelID?: unknown; SegmentLabel?: unknown; SegmentDescription?: unknown}) => ({
        labelID: Number(s.labelID),
        label: String(s.SegmentLabel ?? s.SegmentDescription ?? ""),
        group: g,
      }),
    ),
  );
}

function extractComponent(image: Image, component: number): Image {
  const n = image.imageType.components;
  if (n === 1) return image;
  const src = image.data as ArrayLike<number>;
  const voxels = src.length / n;
  const out = new Int16Array(voxels);
  for (let v = 0; v < voxels; v++) out[v] = src[v * n + component]!;
  return {...image, imageType: {...image.imageType, components: 1, componentType: "int16"}, data: out};
}
