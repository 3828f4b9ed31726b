/**
 * Writes the corpus's shared images (test/corpus/images/), once: `node --import tsx test/corpus/makeImages.ts`.
 * They are committed, so the corpus test reads files, and a new case is a new folder that refers to them; this script
 * only records how each was made. Every image is a tiny phantom (40×36×10, 0.8×0.8×2 mm, an ellipsoid tumour) from
 * test/loaders/imaging/phantom.ts; the broken ones are broken in the way a hospital export breaks them.
 */
import {mkdir, readFile, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {gunzipSync} from "node:zlib";
import {writeVolume} from "../../loaders/imaging/writeVolume.js";
import {phantom} from "../loaders/imaging/phantom.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "images");

async function main(): Promise<void> {
  await rm(dir, {recursive: true, force: true});
  await mkdir(dir, {recursive: true});
  const {image, mask} = phantom();
  await writeVolume(image, join(dir, "ct.nii.gz"));
  await writeVolume(mask, join(dir, "mask.nii.gz"));

  // A mask with no tumour voxel, and one with a single tumour voxel.
  await writeVolume({...mask, data: new Uint8Array(mask.data.length)}, join(dir, "mask-empty.nii.gz"));
  const single = new Uint8Array(mask.data.length);
  single[20 + 40 * (18 + 36 * 5)] = 1;
  await writeVolume({...mask, data: single}, join(dir, "mask-one-voxel.nii.gz"));

  // A mask on another grid (one slice fewer), as when a segmentation was drawn on a different series.
  const other = phantom({size: [40, 36, 9]}).mask;
  await writeVolume(other, join(dir, "mask-other-grid.nii.gz"));

  // A mask with an unknown label value (3) besides the tumour label.
  const labels = Uint8Array.from(mask.data, (v, i) => (v === 1 && i % 7 === 0 ? 3 : v));
  await writeVolume({...mask, data: labels}, join(dir, "mask-label-3.nii.gz"));

  const gz = await readFile(join(dir, "ct.nii.gz"));
  // A download cut short: the first half of the gzip stream.
  await writeFile(join(dir, "ct-truncated.nii.gz"), gz.subarray(0, Math.floor(gz.length / 2)));
  // A header with no voxel data after it (the NIfTI-1 header is 348 bytes, vox_offset 352).
  await writeFile(join(dir, "ct-header-only.nii"), gunzipSync(gz).subarray(0, 352));
  // A file renamed to look like an image: a PNG signature and some bytes, called .nii.gz.
  await writeFile(join(dir, "ct-renamed.nii.gz"), Buffer.from("\x89PNG\r\n\x1a\n not a nifti at all", "latin1"));
  // An empty file.
  await writeFile(join(dir, "ct-empty.nii.gz"), new Uint8Array(0));
}

await main();
