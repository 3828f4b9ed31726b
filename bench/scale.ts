// Scale: preprocessing wall time per patient on 1 and 2 worker threads (issue #16; target jobs=2 ≥ 1.6× faster).
// The study is 40 patients at the paper's geometry (full-size volumes, 17–20 M voxels, where reading and checking the
// file dominates as in a real study): 10 synthetic patients generated once on 2 threads, each listed 4 times under
// distinct ids (generating 40 would take 3 minutes and the read cost does not depend on which file is read). The
// pool's start-up (each worker loads tsx and, on its first read, itk-wasm: about 0.5 s) is inside the measured time,
// as a user pays it; 40 patients amortise it as a real study does. Outputs are checked identical (every pixel).
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {normalizeStudyConfig} from "../loaders/config/normalizeStudyConfig.js";
import {hashJson, sha256} from "../loaders/hash.js";
import {preprocessStudy} from "../loaders/imaging/preprocessStudy.js";
import {generateStudy} from "../loaders/synth/generateStudy.js";

/** Each manifest row listed `copies` times, the copies' ids suffixed (-c2, -c3, …), cohorts kept together. */
export function replicateManifest(csv: string, copies: number): string {
  const [header, ...rows] = csv.trimEnd().split("\n");
  const out = [header];
  for (const row of rows) {
    for (let c = 1; c <= copies; c++) out.push(c === 1 ? row : row.replace(/^([^,]+)/, `$1-c${c}`));
  }
  return `${out.join("\n")}\n`;
}

export async function benchScale() {
  const dir = await mkdtemp(join(tmpdir(), "bench-scale-"));
  try {
    const counts = {NFH: 4, ZHHAJU: 3, SYUCC: 3};
    const copies = 4;
    const generated = await generateStudy({outDir: dir, scale: "paper", seed: 16, counts, jobs: 2}, {log: () => {}});
    const manifestPath = join(dir, "study-x4.csv");
    await writeFile(manifestPath, replicateManifest(await readFile(generated.manifestPath, "utf8"), copies));
    const patients = generated.patients * copies;
    const config = normalizeStudyConfig({});
    const rows = [];
    const digests: string[] = [];
    for (const jobs of [1, 2]) {
      const start = performance.now();
      const study = await preprocessStudy(manifestPath, config, {log: () => {}}, {jobs});
      const seconds = (performance.now() - start) / 1000;
      digests.push(
        hashJson({
          ...study,
          cohorts: Object.values(study.cohorts).map((s) => ({
            ...s,
            pixels: sha256(s.pixels),
            contexts: s.contexts?.map((c) => ({...c, png: sha256(c.png)})),
          })),
        }),
      );
      rows.push({name: `preprocess wall per patient, jobs=${jobs}`, value: seconds / patients, unit: "s/patient"});
    }
    if (digests[0] !== digests[1]) throw new Error("bench scale: jobs=1 and jobs=2 gave different studies");
    rows.push({name: "preprocess speed-up, jobs=2 vs jobs=1", value: rows[0]!.value / rows[1]!.value, unit: "×"});
    return rows;
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
