import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";
import type {ModelRun} from "./runModel.js";

/** A model stage's cached output: the run (predictions, curves, CAMs, provenance) plus what the site needs to say. */
export type ModelArtifact = ModelRun & {
  synthetic: boolean;
  dataHash: string;
  codeVersion: string;
  /** Measured backbone throughput of the engine that computed this run's embeddings (null when unmeasured). */
  embeddingsPerSecond: number | null;
};

export async function writeModelArtifact(dir: string, artifact: ModelArtifact): Promise<void> {
  await writeFile(join(dir, "model.json"), JSON.stringify(artifact));
}

export async function readModelArtifact(dir: string): Promise<ModelArtifact> {
  return JSON.parse(await readFile(join(dir, "model.json"), "utf8")) as ModelArtifact;
}

/** Each protocol's run with the configuration it ran under (switchProtocol applied once, in runProtocols). */
export type ProtocolRuns = Record<Protocol, ModelArtifact & {dir: string; config: StudyConfig}>;
