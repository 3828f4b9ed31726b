import type {BeyondArtifact} from "../../src/components/beyond/beyondArtifact.js";
import {predictionsModeFromEnv} from "./predictionsOnly/predictionsMode.js";

/**
 * data/beyond.json: the beyond-the-paper analyses of the pipeline's corrected run, or null for a predictions-only
 * site (no embeddings to refit heads on, no clinical table; the pages then say so). The artifact holds no patient id.
 */
export interface SiteBeyond {
  beyond: BeyondArtifact | null;
  reason?: string;
}

export async function siteBeyond(): Promise<SiteBeyond> {
  if (predictionsModeFromEnv(process.env, process.cwd()) !== null) {
    return {
      beyond: null,
      reason:
        "this report was built from a predictions file: there are no embeddings to refit the head on and no clinical table (workbench evaluate --clinical gives the clinical comparison for such predictions)",
    };
  }
  const {sitePipeline} = await import("./sitePipeline.js");
  const result = await sitePipeline();
  return result.beyond
    ? {beyond: result.beyond}
    : {beyond: null, reason: result.beyondError ?? "the pipeline did not run this stage"};
}
