// Synthetic study generation: seconds per patient at demo and paper scale, split into voxel synthesis and NIfTI
// writing (itk-wasm, gzip). Paper scale is timed on a sample (3 patients per centre), never the full 789.
// Run alone with `node --import tsx bench/synth.ts`, or through `npm run bench -- synth`.
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {planStudy} from "../loaders/synth/planStudy.js";
import {synthesizePatient} from "../loaders/synth/synthesizePatient.js";
import {type SynthScale, synthCounts} from "../loaders/synth/synthScales.js";
import {nodeSynthWriter} from "../loaders/synth/synthWriter.js";

interface Row {
  name: string;
  value: number;
  unit: string;
}

async function timeScale(scale: SynthScale, perCentre: number, dir: string): Promise<Row[]> {
  const plans = planStudy({scale, seed: 1}).filter((p) => Number(p.patientId.split("-")[1]) <= perCentre);
  let synth = 0;
  let write = 0;
  let voxels = 0;
  for (const plan of plans) {
    let t = performance.now();
    const patient = synthesizePatient(plan, scale);
    synth += performance.now() - t;
    voxels += patient.ct.data.length;
    t = performance.now();
    await nodeSynthWriter.writeVolume(patient.ct, join(dir, `${plan.patientId}_ct.nii.gz`));
    await nodeSynthWriter.writeVolume(patient.mask, join(dir, `${plan.patientId}_roi.nii.gz`));
    write += performance.now() - t;
  }
  const n = plans.length;
  const total = Object.values(synthCounts[scale]).reduce((a, b) => a + b, 0);
  const perPatient = (synth + write) / 1000 / n;
  return [
    {name: `synth ${scale}: seconds per patient (synthesis + write), ${n} sampled`, value: perPatient, unit: "s"},
    {name: `synth ${scale}: voxel synthesis per patient`, value: synth / 1000 / n, unit: "s"},
    {name: `synth ${scale}: NIfTI writing (CT + mask) per patient`, value: write / 1000 / n, unit: "s"},
    {name: `synth ${scale}: mean voxels per CT volume`, value: voxels / n / 1e6, unit: "M voxels"},
    {name: `synth ${scale}: projected whole study (${total} patients)`, value: perPatient * total, unit: "s"},
  ];
}

export async function benchSynth(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), "bench-synth-"));
  try {
    // Warm-up: the first itk-wasm call in a process is slower (module load), and JIT tiers up.
    await timeScale("tiny", 1, dir);
    const rows = await timeScale("demo", 4, dir);
    rows.push(...(await timeScale("paper", 3, dir)));
    return rows;
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchSynth()) console.log(`${r.name.padEnd(70)} ${r.value.toFixed(2).padStart(9)} ${r.unit}`);
}
