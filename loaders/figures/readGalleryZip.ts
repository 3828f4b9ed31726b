import JSZip from "jszip";
import type {GalleryArtifact} from "../../src/components/artifacts.js";
import type {GalleryImages} from "./galleryFigure.js";

/** gallery.zip (loaders/site/galleryZip.ts) opened: its gallery.json and every entry's bytes, for Fig 4. */
export async function readGalleryZip(bytes: Uint8Array, source: string): Promise<GalleryImages> {
  const zip = await JSZip.loadAsync(bytes).catch((error: Error) => {
    throw new Error(`${source}: not a zip (${error.message})`);
  });
  const json = zip.file("gallery.json");
  if (!json) throw new Error(`${source}: no gallery.json`);
  const artifact = JSON.parse(await json.async("string")) as GalleryArtifact;
  const entries = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) entries.set(name, await file.async("uint8array"));
  return {artifact, entry: (name) => entries.get(name)};
}
