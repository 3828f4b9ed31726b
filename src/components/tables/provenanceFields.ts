import type {ProtocolArtifact, Provenance} from "../artifacts.js";

/** One row of the provenance table: a label and a run's value, shown as code (ids, hashes) or as text. */
export interface ProvenanceField {
  label: string;
  value: (run: Provenance) => string;
  code: boolean;
  /** Class of the code element (tests find run ids by `.run-id`). */
  className?: string;
}

/** What the Protocol page says of each run, in order. Weights hashes are cut to 16 characters: they are long. */
export const ProvenanceFields: readonly ProvenanceField[] = [
  {label: "Run id", value: (r) => r.runId, code: true, className: "run-id"},
  {label: "Seed", value: (r) => String(r.seed), code: false},
  {label: "Embedding engine", value: (r) => r.engine, code: false},
  {
    label: "int8 agreement with FP32",
    value: (r) => int8AgreementText(r),
    code: false,
  },
  {label: "Backend", value: (r) => r.backend, code: false},
  {label: "Weights hash", value: (r) => r.weightsHash.slice(0, 16), code: true},
  {label: "Data hash", value: (r) => r.dataHash, code: true},
  {label: "Config hash", value: (r) => r.configHash, code: true},
  {label: "Code version", value: (r) => r.codeVersion, code: true},
  {label: "Output probabilities", value: (r) => r.headNote, code: false},
  {
    label: "Versions",
    value: (r) =>
      Object.entries(r.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
    code: false,
  },
];

/**
 * What the int8 engine changed in the embeddings: the cosine similarity with FP32's on patches the calibration did
 * not see; "–" for a run that used no int8 engine, and said plainly when it was not measured.
 */
export function int8AgreementText(run: Provenance): string {
  if (!run.engine.includes("int8")) return "–";
  const a = run.int8Agreement;
  if (!a) return "not measured (the calibration sample held every training patch)";
  return `cosine mean ${a.meanCosine.toFixed(4)}, min ${a.minCosine.toFixed(4)}, on ${a.sample}`;
}

/** A pipeline stage's time: "12.3 s", or "cached (computed in 12.3 s)" when this build read it from the cache. */
export function timingText(timing: ProtocolArtifact["timings"][number]): string {
  const seconds = `${timing.seconds.toFixed(1)} s`;
  return timing.cached ? `cached (computed in ${seconds})` : seconds;
}
