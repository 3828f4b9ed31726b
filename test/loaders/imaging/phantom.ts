import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Vec3, Volume} from "../../../loaders/imaging/volume.js";
import {writeVolume} from "../../../loaders/imaging/writeVolume.js";

/**
 * Tiny CT phantoms for tests: a liver-like background (40 HU) with an x-ramp, and an ellipsoid tumour (100 HU) whose
 * mask is exactly the ellipsoid, on a grid with the given spacing, origin and direction.
 */
export interface PhantomSpec {
  size?: Vec3;
  spacing?: Vec3;
  origin?: Vec3;
  direction?: number[];
  /** Ellipsoid centre (voxel index) and semi-axes (mm). */
  centre?: Vec3;
  radiiMm?: Vec3;
}

export function phantom(spec: PhantomSpec = {}): {image: Volume<Int16Array>; mask: Volume<Uint8Array>} {
  const size = spec.size ?? [40, 36, 10];
  const spacing = spec.spacing ?? [0.8, 0.8, 2];
  const origin = spec.origin ?? [-16, -14, -10];
  const direction = spec.direction ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const centre = spec.centre ?? [size[0] / 2, size[1] / 2, size[2] / 2];
  const radii = spec.radiiMm ?? [12, 10, 6];
  const n = size[0] * size[1] * size[2];
  const image = new Int16Array(n);
  const mask = new Uint8Array(n);
  for (let k = 0; k < size[2]; k++) {
    for (let j = 0; j < size[1]; j++) {
      for (let i = 0; i < size[0]; i++) {
        const o = i + size[0] * (j + size[1] * k);
        const r =
          (((i - centre[0]) * spacing[0]) / radii[0]) ** 2 +
          (((j - centre[1]) * spacing[1]) / radii[1]) ** 2 +
          (((k - centre[2]) * spacing[2]) / radii[2]) ** 2;
        const inside = r <= 1;
        mask[o] = inside ? 1 : 0;
        image[o] = (inside ? 100 : 40) + i;
      }
    }
  }
  const geometry = {size: [...size] as Vec3, spacing: [...spacing] as Vec3, origin: [...origin] as Vec3, direction};
  return {image: {...geometry, data: image}, mask: {...geometry, data: mask}};
}

export async function tempDir(prefix = "tace-preprocess-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export interface StudyRow {
  patient_id: string;
  cohort: string;
  image: string;
  mask: string;
  label: string;
  [clinical: string]: string;
}

export async function writeManifest(dir: string, rows: StudyRow[], name = "study.csv"): Promise<string> {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const text = [columns.join(","), ...rows.map((r) => columns.map((c) => r[c] ?? "").join(","))].join("\n");
  const path = join(dir, name);
  await writeFile(path, `${text}\n`);
  return path;
}

/** Writes n phantom patients (NIfTI .nii.gz) into dir and returns their manifest rows. */
export async function writePhantomPatients(
  dir: string,
  n: number,
  cohort: string,
  spec: PhantomSpec = {},
): Promise<StudyRow[]> {
  const labels = ["CR", "PR", "SD", "PD"];
  const rows: StudyRow[] = [];
  for (let p = 0; p < n; p++) {
    const id = `${cohort}-${String(p + 1).padStart(3, "0")}`;
    const {image, mask} = phantom(spec);
    await writeVolume(image, join(dir, `${id}_ct.nii.gz`));
    await writeVolume(mask, join(dir, `${id}_mask.nii.gz`));
    rows.push({
      patient_id: id,
      cohort,
      image: `${id}_ct.nii.gz`,
      mask: `${id}_mask.nii.gz`,
      label: labels[p % 4]!,
      age: String(50 + p),
    });
  }
  return rows;
}
