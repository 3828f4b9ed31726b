import type {Provenance} from "../artifacts.js";

/**
 * The provenance of a result computed from a file the user dropped on the page: the file by name and sha256 (null when
 * the browser offers no Web Crypto, then said so), the model, the bootstrap seed. No run, weights or code of this site
 * made the probabilities, and the footer says that rather than borrowing the site's run.
 */
export function uploadProvenance(file: string, sha256: string | null, model: string, seed: number): Provenance {
  const hash = sha256 ?? "not computed (no Web Crypto in this browser)";
  return {
    runId: `your-file-${sha256 ? sha256.slice(0, 12) : "unhashed"}`,
    // The footer prints "<protocol> protocol"; a file without a protocol column is one model, named as such.
    protocol: model as Provenance["protocol"],
    seed,
    dataHash: hash,
    weightsHash: "n/a (your model)",
    configHash: "n/a",
    codeVersion: "n/a",
    engine: "your model",
    backend: "n/a",
    synthetic: false,
    headNote: `probabilities as given in ${file}`,
    versions: {},
    predictions: {file, sha256: hash},
  };
}
