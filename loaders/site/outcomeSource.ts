import {readFile} from "node:fs/promises";
import {basename, dirname, isAbsolute, resolve} from "node:path";
import {type Availability, unavailable} from "../../src/components/analysis/availability.js";
import type {PredictionRow} from "../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {type Protocol, Protocols} from "../../src/components/study/vocabulary.js";
import {repoRoot} from "../paths.js";
import {ReadersEnvVar, SurvivalEnvVar} from "./outcomeVariables.js";
import {predictionsStudyFromEnv} from "./predictionsOnly/predictionsStudyFromEnv.js";
import {pseudonym, pseudonymSalt} from "./pseudonym.js";

/** A readers' or survival file for a build as a reader needs it: its text, its name, and how its ids are published. */
export interface OutcomeFile {
  /** What the page calls it: the file name, or the demo generator. */
  name: string;
  text: string;
}

/**
 * What the readers and survival analyses of a build start from: each protocol's prediction rows as the site
 * publishes them, the configuration, and the study's readers and survival files (null when the study has none), with
 * `publish` mapping a file's patient id to the id the rows carry (its pseudonym when ids are pseudonymous).
 *
 * Where the files come from: the demo study writes its own beside its manifest; a study file names them in
 * `outcomes.readers` / `outcomes.survival` (relative to the study file); a report built from a predictions file
 * (`workbench report --readers --survival`) passes them in $WORKBENCH_READERS / $WORKBENCH_SURVIVAL.
 */
export interface OutcomeSource {
  config: StudyConfig;
  synthetic: boolean;
  protocols: Protocol[];
  rows: Partial<Record<Protocol, PredictionRow[]>>;
  readers: OutcomeFile | null;
  survival: OutcomeFile | null;
  publish(patientId: string): string;
}

async function readOutcome(path: string | null, name?: string): Promise<OutcomeFile | null> {
  if (path === null) return null;
  return {name: name ?? basename(path), text: await readFile(path, "utf8")};
}

export async function outcomeSource(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<OutcomeSource> {
  const at = (path: string | undefined, base: string) => (!path ? null : isAbsolute(path) ? path : resolve(base, path));
  const found = await predictionsStudyFromEnv(env, cwd);
  if (found !== null) {
    const {study, salt} = found;
    // Without a study file no endpoint is described: the demo's units, AUC times and landmark would be a guess.
    const described = study.loaded.source === null ? {...study.config.outcomes, endpoints: {}} : study.config.outcomes;
    return {
      config: {...study.config, outcomes: described},
      synthetic: false,
      protocols: study.protocols,
      rows: Object.fromEntries(study.protocols.map((p) => [p, study.rows.filter((r) => r.protocol === p)])),
      readers: await readOutcome(at(env[ReadersEnvVar], cwd)),
      survival: await readOutcome(at(env[SurvivalEnvVar], cwd)),
      publish: (id) => (salt === null ? id : pseudonym(salt, id)),
    };
  }
  const {sitePipeline} = await import("./sitePipeline.js");
  const result = await sitePipeline();
  const salt = result.config.site.patientIds === "pseudonymous" ? await pseudonymSalt(repoRoot, env) : null;
  const {outcomes} = result.config;
  const demoDir = dirname(result.manifestPath);
  const studyDir = result.loaded.source === null ? demoDir : dirname(result.loaded.source);
  // The demo study (no manifest, with or without a study file) has the generator's files unless the study names others.
  const file = (configured: string | null, demoName: string) =>
    result.synthetic && configured === null
      ? readOutcome(resolve(demoDir, demoName), `the demo generator's ${demoName}`)
      : readOutcome(at(configured ?? undefined, studyDir));
  return {
    config: result.config,
    synthetic: result.synthetic,
    protocols: [...Protocols],
    rows: Object.fromEntries(Protocols.map((p) => [p, result.models[p].predictions])),
    readers: await file(outcomes.readers, "readers.csv"),
    survival: await file(outcomes.survival, "survival.csv"),
    publish: (id) => (salt === null ? id : pseudonym(salt, id)),
  };
}

/**
 * Runs one outcome analysis on this build's source: its result, or "failed" with the message when the source itself
 * cannot be read (the pipeline, or a refused predictions file), so only that analysis's page says so.
 */
export async function analyseOutcomes<T>(
  analysis: (source: OutcomeSource) => Availability<T>,
): Promise<Availability<T>> {
  let source: OutcomeSource;
  try {
    source = await outcomeSource();
  } catch (error) {
    return unavailable("failed", (error as Error).message);
  }
  return analysis(source);
}
