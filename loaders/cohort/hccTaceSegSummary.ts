import {firstOf} from "./hccTaceSegNotes.js";
import type {HccTaceSegReport} from "./hccTaceSegStudy.js";

/**
 * What `workbench hcc-tace-seg` prints: one screen, whatever the number of patients. Which sheet column each output
 * came from (one line each), what each file holds, how many patients reached each output, the patients without
 * images once (the first few named), and the codings assumed. Per-patient detail is in the notes (stderr), one line
 * per cause.
 */
export interface WrittenFiles {
  manifest: string;
  readers: string | null;
  survival: string | null;
  study: string;
}

export function hccTaceSegSummary(report: HccTaceSegReport, written: WrittenFiles): string[] {
  const r = report;
  const lines = [`clinical sheet: ${r.clinicalFile}`];
  for (const c of r.columns) {
    const from =
      c.found === null ? `not found (looked for ${c.lookedFor.join(", ")})` : `← ${c.found.join(", ") || "none"}`;
    lines.push(`  ${c.field.padEnd(24)} ${from}${c.remark ? ` (${c.remark})` : ""}`);
  }
  lines.push(
    `wrote ${written.manifest}: manifest, ${r.manifestRows} rows: id, cohort, CT (image), SEG (mask), ` +
      `reference label, ${r.clinicalWritten.length} clinical columns`,
  );
  if (written.readers !== null)
    lines.push(
      `wrote ${written.readers}: patient_id + ${r.readers.length} ${r.criterion} readers ` +
        `(${r.readers.join(", ")}): CR/PR/SD/PD, empty = not read`,
    );
  else lines.push(`no readers file: ${r.noReadersFile ?? "no readers"}`);
  if (written.survival !== null) {
    const events = r.survival.map((s) => s.events.replace(/s$/, "")).join(" / ");
    lines.push(
      `wrote ${written.survival}: patient_id, ${r.survival.map((s) => `${s.name}_time, ${s.name}_event`).join(", ")} ` +
        `(event 1 = ${events}, 0 = censored)`,
    );
  } else lines.push("no survival file: the sheet has no survival endpoint (see the columns above)");
  lines.push(
    `wrote ${written.study}: study file: the files above, ${r.declaredColumns.length} clinical columns declared, ` +
      "reference standard, endpoints, assumed codings",
  );

  lines.push(`patients in the sheet: ${r.patients}`);
  lines.push(`  with CT + SEG: ${r.withImages}`);
  const ref = r.reference;
  const lost = [
    ref.lostToTies > 0 ? `${ref.lostToTies} to ties` : "",
    ref.lostToMissing > 0 ? `${ref.lostToMissing} to missing readings` : "",
    ref.lostToDisagreement > 0 ? `${ref.lostToDisagreement} to disagreement` : "",
  ].filter(Boolean);
  lines.push(
    `  with a reference label: ${ref.assigned} (${ref.description})${lost.length > 0 ? `; lost: ${lost.join(", ")}` : ""}`,
  );
  if (r.referenceFallback) lines.push(`  reference: ${r.referenceFallback}`);
  for (const s of r.survival)
    lines.push(
      `  with ${s.label.toLowerCase()}: ${s.patients} (${s.eventCount} ${s.eventCount === 1 ? s.events.replace(/s$/, "") : s.events})`,
    );
  if (r.withoutImages.length > 0)
    lines.push(`without CT + SEG under ${r.root}: ${r.withoutImages.length} (${firstOf(r.withoutImages)})`);
  if (r.imagesWithoutRow.length > 0)
    lines.push(
      `imaged but not in the sheet (written without a label): ${r.imagesWithoutRow.length} (${firstOf(r.imagesWithoutRow)})`,
    );
  if (r.assumedCodings.length > 0) {
    lines.push(`assumed codings (also in ${written.study}):`);
    for (const a of r.assumedCodings) lines.push(`  - ${a}`);
  }
  if (r.notes.length > 0) lines.push(`notes: ${r.notes.length} (on stderr, one line per cause)`);
  return lines;
}
