import {writeImageNode} from "@itk-wasm/image-io";
import type {Image} from "itk-wasm";
import {itkCall} from "./itkCall.js";
import type {Volume, VoxelData} from "./volume.js";

/** Writes a Volume with itk-wasm (format from the extension: .nii, .nii.gz, .nrrd, .mha, …), stdout protected. */
export async function writeVolume(volume: Volume, path: string, options: {compress?: boolean} = {}): Promise<void> {
  await itkCall(`writeVolume ${path}`, () =>
    writeImageNode(toItkImage(volume), path, {useCompression: options.compress ?? true}),
  );
}

const componentTypes = new Map<string, Image["imageType"]["componentType"]>([
  ["Float32Array", "float32"],
  ["Float64Array", "float64"],
  ["Int16Array", "int16"],
  ["Int32Array", "int32"],
  ["Uint8Array", "uint8"],
  ["Uint16Array", "uint16"],
  ["Int8Array", "int8"],
]);

export function toItkImage(volume: Volume<VoxelData>): Image {
  const componentType = componentTypes.get(volume.data.constructor.name);
  if (componentType === undefined)
    throw new TypeError(`toItkImage: unsupported voxel array ${volume.data.constructor.name}`);
  return {
    imageType: {dimension: 3, componentType, pixelType: "Scalar", components: 1},
    name: "volume",
    origin: [...volume.origin],
    spacing: [...volume.spacing],
    direction: Float64Array.from(volume.direction),
    size: [...volume.size],
    metadata: new Map(),
    data: volume.data,
  } as Image;
}
