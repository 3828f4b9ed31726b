import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {patchHash} from "../features/embeddingCache.js";
import {sha256} from "../hash.js";
import {type PatchSet, patchByteLength} from "../imaging/patchSet.js";

/**
 * What identifies a trained run: the patches it saw and the run id. (The study's data hash, shown on the pages, is
 * loaders/pipeline/studyDataHash.ts; the configuration's hash is configHash in loaders/hash.ts.)
 */

/**
 * sha256 over every cohort's patches in cohort-name order: patient, patch id, label and pixel hash of each patch.
 * Unlike the study data hash it sees the preprocessed patches, so a change of patch geometry changes it.
 */
export function patchDataHash(cohorts: Record<string, PatchSet>): string {
  const lines: string[] = [];
  for (const name of Object.keys(cohorts).sort()) {
    const set = cohorts[name]!;
    const bytes = patchByteLength(set.sizePx);
    lines.push(`cohort ${name} ${set.sizePx} ${set.records.length}\n`);
    set.records.forEach((r, i) => {
      const pixels = patchHash(set.pixels.subarray(i * bytes, (i + 1) * bytes), set.sizePx);
      lines.push(`${r.patientId}\t${r.patchId}\t${r.label}\t${pixels}\n`);
    });
  }
  return sha256(...lines);
}

export interface RunIdentity {
  config: StudyConfig;
  patchDataHash: string;
  modelId: string;
  engine: string;
  standardize: boolean;
}

/**
 * The run id (12 hex digits): same configuration, patches, backbone, engine and standardisation ⇒ same id. The
 * configuration enters as the digest of its JSON text exactly as resolved (key order included), as it always has,
 * so the ids of existing run folders stay valid.
 */
export function runIdOf(run: RunIdentity): string {
  const configDigest = sha256(JSON.stringify(run.config));
  return sha256(
    `${configDigest}\n${run.patchDataHash}\n${run.modelId}\n${run.engine}\nstandardize=${run.standardize}`,
  ).slice(0, 12);
}
