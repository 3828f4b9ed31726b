import {existsSync} from "node:fs";
import {mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {createTfjsEngine, type TfjsEngine} from "../../loaders/features/tfjsEngine.js";
import type {PatchRecord, PatchSet} from "../../loaders/imaging/patchSet.js";
import {defaultWeightsDir} from "../../loaders/weights/fetchWeights.js";
import {writeModelFiles} from "../../loaders/weights/writeModelFiles.js";
import {buildResNet, TinyResNetShape} from "../../models/resNetTopology.js";
import {createRng} from "../../src/components/stats/random.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";

/** Test helpers: the tiny ResNet-shaped model written to a temp folder, and small synthetic patch sets. */
export async function tinyWeightsDir(seed = 3): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "tiny-resnet-")), "weights");
  const model = buildResNet({...TinyResNetShape, seed});
  await writeModelFiles(model, dir);
  model.dispose();
  return dir;
}

/** A one-thread wasm tfjs engine on a fresh tiny model: the fixture of the runModel and predict tests. */
export async function tinyTfjsEngine(): Promise<TfjsEngine> {
  return createTfjsEngine(
    {weightsDir: await tinyWeightsDir(), batchNormEpsilon: 1e-3, backend: "wasm", threads: 1},
    {log: () => {}},
  );
}

/** A cohort of `perClass` patches per class (32 px), class-dependent brightness plus seeded noise. */
export function tinyPatchSet(cohort: string, perClass: number, seed: number, sizePx = 32): PatchSet {
  const rng = createRng(seed);
  const records: PatchRecord[] = [];
  const bytes = sizePx * sizePx * 3;
  const pixels = new Uint8Array(4 * perClass * bytes);
  let k = 0;
  ResponseLabels.forEach((label, c) => {
    for (let j = 0; j < perClass; j++, k++) {
      for (let p = 0; p < sizePx * sizePx; p++) {
        const v = Math.max(0, Math.min(255, Math.round(60 + 45 * c + 25 * rng.normal())));
        pixels.fill(v, k * bytes + p * 3, k * bytes + p * 3 + 3);
      }
      records.push({
        patchId: `${cohort}-${k}`,
        patientId: `${cohort}-P${Math.floor(k / 2)}`,
        cohort,
        label,
        geometry: "roi",
        sliceIndex: 0,
        centreMm: [0, 0, 0],
        sizeMm: 16,
        roiCoverage: 1,
        nativePx: 224,
        magnification: 1,
        fallback: false,
      });
    }
  });
  return {cohort, sizePx, records, pixels};
}

/** Why a test needing the real ImageNet weights is skipped, or false when they are installed. */
export const realWeightsMissing: string | false = existsSync(join(defaultWeightsDir, "model.json"))
  ? false
  : `no ImageNet ResNet50 in ${defaultWeightsDir} (run \`npx workbench weights\`)`;
