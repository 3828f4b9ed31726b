import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import JSZip from "jszip";
import {protocolDefaults} from "../../../loaders/config/protocolDefaults.js";
import type {FigureInputs} from "../../../loaders/figures/figureInputs.js";
import type {GalleryImages} from "../../../loaders/figures/galleryFigure.js";
import {encodePng} from "../../../loaders/imaging/encodePng.js";
import type {Provenance, TrainingArtifact} from "../../../src/components/artifacts.js";
import {writePredictionsCsv} from "../../../src/components/predictions/writePredictionsCsv.js";
import {evaluatePredictions, type PredictionRow} from "../../../src/components/stats/evaluatePredictions.js";
import {createRng} from "../../../src/components/stats/random.js";
import {
  type Protocol,
  Protocols,
  type ResponseLabel,
  ResponseLabels,
} from "../../../src/components/study/vocabulary.js";

export const FixtureCohorts = ["NFH", "ZHHAJU", "SYUCC & co"] as const;

/**
 * A small study's site artifacts: three cohorts (one name with a LaTeX special character), 12 patients each with two
 * patches, probabilities that lean towards the true class, both protocols, a few training epochs and Table 1
 * columns. Small enough that the figures command runs on it in a few seconds.
 */
export function figureFixture(): FigureInputs {
  const rng = createRng(7);
  const rowsOf = (shift: number): PredictionRow[] =>
    FixtureCohorts.flatMap((cohort, c) =>
      Array.from({length: 12}, (_, p) => {
        const k = (p + c) % 4;
        const label = ResponseLabels[k] as (typeof ResponseLabels)[number];
        return [0, 1].map((j) => {
          const e = [0, 1, 2, 3].map((q) => Math.exp((q === k ? 1.5 + shift : 0) + rng.normal()));
          const s = e.reduce((a, b) => a + b, 0);
          const probabilities = e.map((v) => Number((v / s).toFixed(6))) as [number, number, number, number];
          probabilities[3] = Number((1 - probabilities[0] - probabilities[1] - probabilities[2]).toFixed(6));
          return {patientId: `${cohort}-${p}`, cohort, label, probabilities, patchId: `${cohort}-${p}-${j}`};
        });
      }).flat(),
    );
  const rows: Record<Protocol, PredictionRow[]> = {paper: rowsOf(0.5), corrected: rowsOf(0)};
  const options = {bootstrap: 20, seed: 1, ciLevel: 0.95};
  const config = protocolDefaults("corrected");
  config.cohorts.training = "NFH";
  config.cohorts.validation = ["ZHHAJU", "SYUCC & co"];
  const run = (protocol: Protocol): Provenance => ({
    runId: `run-${protocol}`,
    protocol,
    seed: 1,
    dataHash: "data0123456789ab",
    weightsHash: "weights",
    configHash: `config-${protocol}`,
    codeVersion: "code",
    engine: "onnx",
    backend: "cpu",
    synthetic: true,
    headNote: "softmax",
    versions: {},
  });
  const curves: TrainingArtifact["curves"] = Protocols.flatMap((protocol) =>
    ["training", "ZHHAJU"].flatMap((cohort) =>
      Array.from({length: 6}, (_, epoch) => ({
        protocol,
        seed: 1,
        epoch,
        cohort,
        loss: 1.2 - 0.1 * epoch,
        accuracy: 0.3 + 0.05 * epoch,
      })),
    ),
  );
  const predictionsCsv = Protocols.flatMap((protocol) =>
    rows[protocol].map((r) => ({...r, protocol, split: r.cohort === "NFH" ? "training" : "validation"})),
  );
  return {
    protocol: {
      config,
      source: "test",
      table: [],
      runs: {paper: run("paper"), corrected: run("corrected")},
      primary: "corrected",
      timings: [],
      cost: null,
    },
    metrics: {
      options,
      protocols: {
        paper: evaluatePredictions(rows.paper, options),
        corrected: evaluatePredictions(rows.corrected, options),
      },
    },
    training: {curves, losses: {paper: "binaryCrossentropy", corrected: "categoricalCrossentropy"}},
    cohorts: {
      synthetic: true,
      trainingCohort: "NFH",
      cohorts: [...FixtureCohorts],
      clinical: rows.corrected
        .filter((r) => r.patchId?.endsWith("-0"))
        .map((r, i) => ({
          patient_id: r.patientId,
          cohort: r.cohort,
          label: r.label,
          age: 45 + ((i * 7) % 30),
          sex: i % 3 === 0 ? "F" : "M",
          alt: 20 + ((i * 11) % 50),
        })),
      clinicalColumns: ["age", "sex", "alt"],
      flow: {},
    },
    predictions: predictionsCsv.map((r) => ({...r, split: r.split as "training" | "validation"})),
    gallery: fixtureGallery(rows.corrected),
  };
}

/**
 * Gallery examples of the corrected protocol as gallery.zip holds them: for CR a correct and a misclassified patch,
 * for PR a correct one only, for SD a misclassified one only, none for PD (its row is left out of Fig 4); 16 px grey
 * patches and colour CAM overlays.
 */
function fixtureGallery(rows: readonly PredictionRow[]): GalleryImages {
  const entries = new Map<string, Uint8Array>();
  const png = (name: string, channels: 1 | 3, value: number) => {
    entries.set(name, encodePng(new Uint8Array(16 * 16 * channels).fill(value), 16, 16, channels));
    return name;
  };
  const wanted: Array<[string, boolean]> = [
    ["CR", true],
    ["CR", false],
    ["PR", true],
    ["SD", false],
  ];
  const items = wanted.map(([label, correct], n) => {
    const row = rows.find((r) => r.label === label && r.cohort !== "NFH") as PredictionRow;
    const probabilities = [...row.probabilities] as [number, number, number, number];
    const predicted = correct ? label : label === "CR" ? "PR" : "PD";
    return {
      patchId: row.patchId as string,
      patientId: row.patientId,
      cohort: row.cohort,
      sliceIndex: 3,
      label: label as ResponseLabel,
      predicted: predicted as ResponseLabel,
      probabilities,
      correct,
      hasCam: true,
      image: png(`patches/${n}.png`, 1, 60 + 40 * n),
      cam: png(`cams/${n}.png`, 3, 200 - 30 * n),
    };
  });
  return {artifact: {protocol: "corrected", items}, entry: (name) => entries.get(name)};
}

/** The fixture as a built site's data folder (dist/_file/data/<name>.<hash>.<ext>), for `--site`. */
export async function writeFixtureSite(dist: string, inputs: FigureInputs): Promise<void> {
  const data = join(dist, "_file", "data");
  mkdirSync(data, {recursive: true});
  const json = (name: string, value: unknown) =>
    writeFileSync(join(data, `${name}.0a1b2c3d.json`), JSON.stringify(value));
  json("protocol", inputs.protocol);
  json("metrics", inputs.metrics);
  json("training", inputs.training);
  json("cohorts", inputs.cohorts);
  writeFileSync(join(data, "predictions.0a1b2c3d.csv"), writePredictionsCsv(inputs.predictions));
  const gallery = inputs.gallery;
  if (gallery) {
    const zip = new JSZip();
    zip.file("gallery.json", JSON.stringify(gallery.artifact));
    for (const item of gallery.artifact.items)
      for (const name of [item.image, item.cam]) if (name) zip.file(name, gallery.entry(name) as Uint8Array);
    writeFileSync(join(data, "gallery.0a1b2c3d.zip"), await zip.generateAsync({type: "uint8array"}));
  }
}
