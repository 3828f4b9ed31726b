import type {Provenance} from "../artifacts.js";
import {el} from "./dom.js";

/** The short form of a hash for display (full value in the title attribute). */
const short = (hash: string) => (hash.length > 12 ? hash.slice(0, 12) : hash);

/**
 * A figure's provenance line: run id, protocol, seed, data hash (and weights/config hashes, code version, engine on
 * hover), marked synthetic when the run is the demo study. Missing provenance is stated, not hidden.
 */
export function provenanceFooter(provenance: Provenance | undefined, extra?: string): HTMLElement {
  if (!provenance) return el("div", {class: "provenance missing"}, "Provenance: not available for this run.");
  const {runId, protocol, seed, dataHash, weightsHash, configHash, codeVersion, engine, backend} = provenance;
  const details = `weights ${weightsHash}\nconfig ${configHash}\ncode ${codeVersion}\nengine ${engine} (${backend})`;
  return el(
    "div",
    {class: "provenance", "data-run-id": runId, "data-seed": seed, "data-data-hash": dataHash, title: details},
    `Run `,
    el("code", {}, runId),
    ` · ${protocol} protocol · seed ${seed} · data `,
    el("code", {title: dataHash}, short(dataHash)),
    provenance.synthetic ? " · synthetic demo study" : null,
    // A predictions-only report (or a file dropped on "Your predictions"): the numbers come from this file.
    provenance.predictions ? " · predictions " : null,
    provenance.predictions
      ? el("code", {title: `sha256 ${provenance.predictions.sha256}`}, provenance.predictions.file)
      : null,
    provenance.predictions ? ` sha256 ${short(provenance.predictions.sha256)}` : null,
    extra ? ` · ${extra}` : null,
  );
}
