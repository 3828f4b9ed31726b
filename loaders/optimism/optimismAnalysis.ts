import {type OptimismProtocol, optimismSeed} from "../../src/components/optimism/optimismArtifact.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";
import type {Analysis} from "../analysis/analysis.js";
import {optimismKey} from "../cache/stageKeys.js";
import {optimismStage} from "./optimismStage.js";

/**
 * Harrell's optimism of one protocol's in-sample (training-cohort) metrics: the protocol's head refitted on bootstrap
 * samples of training patients, on its cached embeddings (optimismStage.ts). One analysis per protocol, so a protocol
 * whose refits fail is reported beside its numbers and the other still runs, and each re-runs only when its own model
 * changes (optimismKey: that protocol's model-stage key with the replicates, seed and aggregation).
 */
export function optimismAnalysis(protocol: Protocol): Analysis<OptimismProtocol> {
  return {
    id: `optimism-${protocol}`,
    title: `optimism (${protocol})`,
    entry: "loaders/optimism/optimismAnalysis.ts",
    skip: ({config}) =>
      config.optimism.replicates === 0
        ? {status: "off", reason: "The optimism correction is off (optimism.replicates is 0)."}
        : null,
    key: ({models, modelKeys}) => optimismKey(models[protocol].config, modelKeys[protocol]),
    run: ({models, config, cohorts, embeddingsDir, log}) =>
      optimismStage({
        config: models[protocol].config,
        cohorts,
        model: models[protocol],
        embeddingsDir,
        seed: optimismSeed(config.seeds.bootstrap),
        log,
      }),
  };
}
