import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import type {
  CohortsArtifact,
  MetricsArtifact,
  ProtocolArtifact,
  TrainingArtifact,
} from "../../src/components/artifacts.js";
import type {PredictionRecord} from "../../src/components/predictions/predictionColumns.js";
import {readPredictionsCsv} from "../../src/components/predictions/readPredictionsCsv.js";
import type {PipelineEffects} from "../pipeline/stageTiming.js";
import type {GalleryImages} from "./galleryFigure.js";
import {readGalleryZip} from "./readGalleryZip.js";

/**
 * What the figures and tables are drawn from: the same artifacts the site's pages read (protocol.json,
 * metrics.json, training.json, cohorts.json and predictions.csv), so a figure file and the page's chart come from
 * one set of numbers.
 */
export interface FigureInputs {
  protocol: ProtocolArtifact;
  metrics: MetricsArtifact;
  training: TrainingArtifact;
  cohorts: CohortsArtifact;
  predictions: PredictionRecord[];
  /** gallery.zip's examples and images (Fig 4); null where the build has none. */
  gallery: GalleryImages | null;
}

/**
 * The artifacts of a study from the cached pipeline, published exactly as the site's data loaders publish them
 * (pseudonymous ids when the study asks for them). The site modules are imported here, not at the top, so reading a
 * built site loads no pipeline code.
 */
export async function pipelineInputs(
  studyPath: string | null,
  cacheDir: string | undefined,
  effects: PipelineEffects,
): Promise<FigureInputs> {
  const {publishedPipeline} = await import("../site/sitePipeline.js");
  const result = await publishedPipeline(studyPath, cacheDir, effects);
  const [{protocolArtifact}, {metricsArtifact}, {trainingArtifact}, {cohortsArtifact}, {predictionsCsv}, {galleryZip}] =
    await Promise.all([
      import("../site/protocolArtifact.js"),
      import("../site/metricsArtifact.js"),
      import("../site/trainingArtifact.js"),
      import("../site/cohortsArtifact.js"),
      import("../site/predictionsCsv.js"),
      import("../site/galleryZip.js"),
    ]);
  return {
    protocol: protocolArtifact(result),
    metrics: metricsArtifact(result),
    training: trainingArtifact(result),
    cohorts: cohortsArtifact(result),
    predictions: readPredictionsCsv(predictionsCsv(result), "predictions.csv").rows,
    gallery: await readGalleryZip(await galleryZip(result), "gallery.zip"),
  };
}

/**
 * The artifacts of a built site (`dist/`): Framework writes data/<name>.json as _file/data/<name>.<hash>.json, so
 * each is found by its name and extension. A missing one names the folder and the file it looked for.
 */
export async function builtSiteInputs(dist: string): Promise<FigureInputs> {
  const dir = join(dist, "_file", "data");
  const files = await readdir(dir).catch(() => {
    throw new Error(`${dist}: no _file/data folder (is this a built site? run npm run build first)`);
  });
  const read = async (name: string, ext: string): Promise<string> => {
    const pattern = new RegExp(`^${name}\\.[0-9a-f]+\\.${ext}$`);
    const file = files.find((f) => pattern.test(f));
    if (!file) throw new Error(`${dir}: no ${name}.<hash>.${ext} (the site was built without it)`);
    return readFile(join(dir, file), "utf8");
  };
  // gallery.zip is binary; a site built without images (a predictions-only report) has none.
  const builtGallery = async (): Promise<GalleryImages | null> => {
    const file = files.find((f) => /^gallery\.[0-9a-f]+\.zip$/.test(f));
    return file ? readGalleryZip(await readFile(join(dir, file)), `${dir}/${file}`) : null;
  };
  const json = async <T>(name: string): Promise<T> => {
    const text = await read(name, "json");
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new Error(`${dir}/${name}.json: not JSON (${(error as Error).message})`);
    }
  };
  return {
    protocol: await json<ProtocolArtifact>("protocol"),
    metrics: await json<MetricsArtifact>("metrics"),
    training: await json<TrainingArtifact>("training"),
    cohorts: await json<CohortsArtifact>("cohorts"),
    predictions: readPredictionsCsv(await read("predictions", "csv"), `${dir}/predictions.csv`).rows,
    gallery: await builtGallery(),
  };
}
