// CT preprocessing timings on a generated 512×512×100 CT (0.7 × 0.7 × 1 mm, a 40 mm ellipsoid tumour):
// seconds per patient through preprocessStudy from .nii.gz (read + checks + resample + patches), the in-memory part
// alone, and the resampling choice (pure-TS trilinear vs @itk-wasm/downsample resampleNode on the whole volume).
// Run alone with `node --import tsx bench/preprocess.ts`.
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {resampleNode} from "@itk-wasm/downsample";
import {normalizeStudyConfig} from "../loaders/config/normalizeStudyConfig.js";
import {axisAlignedGrid} from "../loaders/imaging/grid.js";
import {itkCall} from "../loaders/imaging/itkCall.js";
import {preprocessPatient} from "../loaders/imaging/preprocessPatient.js";
import {preprocessStudy} from "../loaders/imaging/preprocessStudy.js";
import {resampleLinear} from "../loaders/imaging/resampleVolume.js";
import type {Vec3, Volume} from "../loaders/imaging/volume.js";
import {toItkImage, writeVolume} from "../loaders/imaging/writeVolume.js";

interface Row {
  name: string;
  value: number;
  unit: string;
}

function generate(): {image: Volume<Int16Array>; mask: Volume<Uint8Array>} {
  const size: Vec3 = [512, 512, 100];
  const spacing: Vec3 = [0.7, 0.7, 1];
  const n = size[0] * size[1] * size[2];
  const image = new Int16Array(n);
  const mask = new Uint8Array(n);
  let seed = 1;
  for (let k = 0; k < size[2]; k++)
    for (let j = 0; j < size[1]; j++)
      for (let i = 0; i < size[0]; i++) {
        const o = i + size[0] * (j + size[1] * k);
        const r = ((i - 300) * 0.7) ** 2 / 400 + ((j - 250) * 0.7) ** 2 / 400 + (k - 50) ** 2 / 225;
        const body = (i - 256) ** 2 + (j - 256) ** 2 < 230 ** 2;
        seed = (seed * 1103515245 + 12345) >>> 0;
        const noise = (seed >>> 16) % 21;
        mask[o] = r <= 1 ? 1 : 0;
        image[o] = body ? (r <= 1 ? 110 : 60) + noise - 10 : -1000;
      }
  const geometry = {size, spacing, origin: [-179.3, -200.15, -50] as Vec3, direction: [1, 0, 0, 0, 1, 0, 0, 0, 1]};
  return {image: {...geometry, data: image}, mask: {...geometry, data: mask}};
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

export async function benchPreprocess(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = await mkdtemp(join(tmpdir(), "bench-preprocess-"));
  try {
    const {image, mask} = generate();
    await writeVolume(image, join(dir, "ct.nii.gz"));
    await writeVolume(mask, join(dir, "mask.nii.gz"));
    const patients = 3;
    const lines = ["patient_id,cohort,image,mask,label"];
    for (let p = 0; p < patients; p++) lines.push(`P${p},NFH,ct.nii.gz,mask.nii.gz,PR`);
    await writeFile(join(dir, "study.csv"), `${lines.join("\n")}\n`);
    const config = normalizeStudyConfig({});

    let t0 = process.hrtime.bigint();
    const study = await preprocessStudy(join(dir, "study.csv"), config, {log: () => {}});
    const perPatient = seconds(t0) / patients;
    if (study.flow.NFH?.analysedPatients !== patients) throw new Error("bench: a patient was excluded");
    rows.push({
      name: "preprocess 512×512×100 .nii.gz patient (read + checks + patches)",
      value: perPatient,
      unit: "s/patient",
    });

    const float: Volume<Float32Array> = {...image, data: Float32Array.from(image.data)};
    const reps = 3;
    // Both patch geometries: the paper's whole-ROI square (default) and the fixed 16 mm of the sensitivity analysis.
    for (const geometry of ["roi", "fixed"] as const) {
      const c = normalizeStudyConfig({patches: {geometry}});
      t0 = process.hrtime.bigint();
      for (let r = 0; r < reps; r++)
        preprocessPatient({patientId: "P", cohort: "NFH", label: "PR", image: float, mask}, c);
      rows.push({
        name: `preprocessPatient in memory, ${geometry} geometry (tumour block on native slices + 3 patches)`,
        value: seconds(t0) / reps,
        unit: "s/patient",
      });
    }

    const grid = axisAlignedGrid(image, [1, 1, 1]);
    t0 = process.hrtime.bigint();
    resampleLinear(float, grid, {lo: [0, 0, 0], hi: [...grid.size]}, -1024);
    rows.push({name: "pure-TS trilinear resample, whole volume to 1 mm", value: seconds(t0), unit: "s"});

    t0 = process.hrtime.bigint();
    await itkCall("bench resampleNode", () =>
      resampleNode(toItkImage(float), {outputSpacing: [1, 1, 1], interpolator: "linear", defaultValue: -1024}),
    );
    rows.push({name: "itk-wasm resampleNode linear, whole volume to 1 mm", value: seconds(t0), unit: "s"});
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchPreprocess()) process.stdout.write(`${row.name}\t${row.value.toFixed(3)} ${row.unit}\n`);
}
