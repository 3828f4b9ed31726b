import {effectiveWeights, type Head} from "../../models/head.js";
import {argmax} from "../../src/components/stats/confusionMatrix.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import type {BackboneSpec} from "../features/backboneSpec.js";
import type {EmbeddingEngine} from "../features/engine.js";
import {createTfjsEngine} from "../features/tfjsEngine.js";
import {type PatchRecord, type PatchSet, patchByteLength} from "../imaging/patchSet.js";
import {classActivationMap} from "./classActivationMap.js";
import {defaultGallery} from "./defaultGallery.js";

/** A class activation map of one gallery patch, for the predicted class (side × side, row-major, in [0, 1]). */
export interface GalleryCam {
  patchId: string;
  cohort: string;
  label: string;
  predicted: string;
  side: number;
  cam: number[];
}

/** Chooses a cohort's gallery patches from their records and probabilities (4 per patch). */
export type GalleryChooser = (cohort: string, records: PatchRecord[], probabilities: Float64Array) => string[];

export interface CamRequest {
  cohorts: Record<string, PatchSet>;
  names: string[];
  probsByCohort: Map<string, Float64Array>;
  head: Head;
  engine: EmbeddingEngine;
  /** Default: per true class up to 3 correct + 3 misclassified (gallery.ts). */
  choose?: GalleryChooser;
  /** For the fallback engine when `engine` has no last-conv output: the backbone `engine` runs. */
  backbone: BackboneSpec;
}

/**
 * Class activation maps of the gallery patches. The engine's last-conv output when it has one; otherwise (e.g. an
 * engine without that output) a one-thread tfjs engine on the same weights and epsilon, created and disposed here.
 */
export async function galleryCams(request: CamRequest, log: (msg: string) => void): Promise<GalleryCam[]> {
  const {cohorts, names, probsByCohort, head} = request;
  const wanted = names.map((name) => {
    const set = cohorts[name]!;
    const probs = probsByCohort.get(name)!;
    const ids = new Set((request.choose ?? ((_, r, p) => defaultGallery(r, p)))(name, set.records, probs));
    return {name, set, probs, indices: set.records.flatMap((r, i) => (ids.has(r.patchId) ? [i] : []))};
  });
  const total = wanted.reduce((n, w) => n + w.indices.length, 0);
  if (total === 0) return [];
  let engine = request.engine;
  let owned = false;
  if (!engine.lastConv) {
    log(`engine ${engine.name} has no last-conv output; computing ${total} CAMs with the tfjs engine (one thread)`);
    engine = await createTfjsEngine({...request.backbone, threads: 1}, {log});
    owned = true;
  }
  const weights = effectiveWeights(head);
  const cams: GalleryCam[] = [];
  try {
    log(`class activation maps for ${total} gallery patches`);
    for (const {name, set, probs, indices} of wanted) {
      if (indices.length === 0) continue;
      const bytes = patchByteLength(set.sizePx);
      const pixels = new Uint8Array(indices.length * bytes);
      indices.forEach((i, k) => {
        pixels.set(set.pixels.subarray(i * bytes, (i + 1) * bytes), k * bytes);
      });
      const out = await engine.lastConv!(pixels, indices.length, set.sizePx, "identity");
      const per = out.height * out.width * out.channels;
      indices.forEach((i, k) => {
        const predicted = argmax(probs.subarray(i * 4, i * 4 + 4));
        const record = set.records[i]!;
        cams.push({
          patchId: record.patchId,
          cohort: name,
          label: record.label,
          predicted: ResponseLabels[predicted]!,
          side: out.height,
          cam: classActivationMap(
            out.activations.subarray(k * per, (k + 1) * per),
            out.height,
            out.width,
            out.channels,
            weights,
            4,
            predicted,
          ),
        });
      });
    }
  } finally {
    if (owned) await engine.dispose();
  }
  return cams;
}
