import JSZip from "jszip";
import type {GalleryArtifact} from "../../src/components/artifacts.js";
import {type ResponseLabel, ResponseLabels} from "../../src/components/study/vocabulary.js";
import {encodePng} from "../imaging/encodePng.js";
import {patchPixels} from "../imaging/patchSet.js";
import {patchThumbnailPng} from "../imaging/patchThumbnailPng.js";
import {safeName} from "../output/safeName.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";
import {camOverlay} from "./camOverlay.js";

/** A fixed timestamp for zip entries, so the same run gives byte-identical archives. */
export const ZipEpoch = new Date(Date.UTC(2020, 0, 1));

/**
 * data/gallery.zip (Fig 4): the primary protocol's gallery patches — per cohort and true class, correctly classified
 * and misclassified examples chosen by the model stage — as PNGs, their CAM overlays, the CT crop around each
 * patch's tumour with the ROI outline and patch box (made at preprocessing, contextCrop.ts), and gallery.json.
 * Entry names come from the item's position and a hash of its patch id (output/safeName.ts), so ids such as `../x`,
 * `X/1` beside `X_1`, or ids equal in their first 60 characters can neither escape `patches/` nor overwrite each
 * other; gallery.json maps every item to its entries. Only crops travel, never whole slices or image headers.
 */
export async function galleryZip(result: PipelineResult): Promise<Uint8Array> {
  const protocol = result.config.protocol;
  const model = result.models[protocol];
  const byPatch = new Map(model.predictions.map((p) => [p.patchId, p]));
  const zip = new JSZip();
  const items: GalleryArtifact["items"] = [];
  for (const [n, cam] of model.cams.entries()) {
    const set = result.cohorts[cam.cohort];
    const index = set?.records.findIndex((r) => r.patchId === cam.patchId) ?? -1;
    const prediction = byPatch.get(cam.patchId);
    if (!set || index < 0 || !prediction) {
      throw new Error(`gallery: patch ${cam.patchId} of cohort ${cam.cohort} has a CAM but no patch or prediction`);
    }
    const record = set.records[index]!;
    const probabilities = [...prediction.probabilities] as [number, number, number, number];
    const predicted = ResponseLabels[probabilities.indexOf(Math.max(...probabilities))] as ResponseLabel;
    const camSize = Math.round(Math.sqrt(cam.cam.length));
    const name = safeName(n, cam.patchId, ".png");
    const image = `patches/${name}`;
    const camEntry = `cams/${name}`;
    const crop = set.contexts?.[index];
    const contextEntry = crop ? `contexts/${name}` : null;
    if (crop && contextEntry) zip.file(contextEntry, crop.png, {date: ZipEpoch});
    zip.file(image, patchThumbnailPng(set, index), {date: ZipEpoch});
    const overlay = camOverlay(patchPixels(set, index), set.sizePx, cam.cam, camSize);
    zip.file(camEntry, encodePng(overlay, set.sizePx, set.sizePx, 3), {date: ZipEpoch});
    items.push({
      patchId: cam.patchId,
      patientId: record.patientId,
      cohort: record.cohort,
      sliceIndex: record.sliceIndex,
      label: record.label,
      predicted,
      probabilities,
      correct: predicted === record.label,
      hasCam: true,
      image,
      cam: camEntry,
      context: contextEntry,
      ...(crop
        ? {
            contextBox: {
              patchPx: crop.context.patchBoxPx,
              tumourPx: crop.context.tumourBoxPx,
              sizePx: [crop.context.widthPx, crop.context.heightPx] as [number, number],
              mmPerPx: crop.context.mmPerPx,
            },
          }
        : {}),
      sizeMm: record.sizeMm,
      magnification: record.magnification,
    });
  }
  const gallery: GalleryArtifact = {protocol, items};
  zip.file("gallery.json", JSON.stringify(gallery), {date: ZipEpoch});
  return zip.generateAsync({type: "uint8array", compression: "STORE"});
}
