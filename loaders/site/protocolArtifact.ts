import {basename} from "node:path";
import type {ProtocolArtifact, Provenance} from "../../src/components/artifacts.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {Protocols} from "../../src/components/study/vocabulary.js";
import {protocolTable} from "../config/protocolTable.js";
import {configHash} from "../hash.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";

/** data/protocol.json: the resolved configuration, the methods table, and the provenance of each protocol's run. */
export function protocolArtifact(result: PipelineResult): ProtocolArtifact {
  const runs = {} as ProtocolArtifact["runs"];
  for (const protocol of Protocols) {
    const model = result.models[protocol];
    const config = model.config;
    const provenance: Provenance = {
      runId: model.runId,
      protocol,
      seed: config.seeds.training,
      dataHash: result.dataHash,
      weightsHash: model.provenance.weightsHash,
      configHash: configHash(config),
      codeVersion: result.codeVersion,
      engine: model.provenance.engine,
      backend: model.provenance.backend,
      synthetic: result.synthetic,
      headNote: model.provenance.headNote,
      versions: model.provenance.versions,
      ...(model.provenance.int8Agreement === undefined ? {} : {int8Agreement: model.provenance.int8Agreement}),
    };
    runs[protocol] = provenance;
  }
  return {
    config: publishedConfig(result.config),
    source: result.loaded.source ? "study file" : "built-in defaults",
    table: protocolTable(publishedConfig(result.config)),
    runs,
    primary: result.config.protocol,
    timings: result.timings,
    cost: paperScaleCost(result),
  };
}

/**
 * What the paper's scale (1687 training patches × 6 variants + 674 validation patches) would cost here, from the
 * embedding throughput this run measured. Null when the run came from the cache with no throughput recorded.
 */
function paperScaleCost(result: PipelineResult): ProtocolArtifact["cost"] {
  const perSecond = result.models[result.config.protocol].embeddingsPerSecond;
  if (!perSecond || !Number.isFinite(perSecond)) return null;
  const paperScaleEmbeddings = 1687 * result.config.augmentation.variants.length + 268 + 406;
  return {
    embeddingsPerSecond: perSecond,
    paperScaleEmbeddings,
    paperScaleMinutes: paperScaleEmbeddings / perSecond / 60,
  };
}

/**
 * The configuration as the site shows it: the manifest by its file name only, since its folder can name a patient or
 * a hospital (/data/Smith_J/study.csv). The hashes above are of the real configuration, so they match the run folder;
 * the methods table and the config shown are of this one.
 */
function publishedConfig(config: StudyConfig): StudyConfig {
  const manifest = config.study.manifest;
  return manifest === null ? config : {...config, study: {...config.study, manifest: basename(manifest)}};
}
