import {Protocols} from "../../src/components/study/vocabulary.js";
import type {Exclusion} from "../cohort/exclusion.js";
import type {CohortFlow} from "../imaging/flowReport.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";
import {PseudonymHexDigits, pseudonym, pseudonymMap} from "./pseudonym.js";

/**
 * The one boundary where a pipeline result leaves for the site: every patient id in it — clinical rows, patient flow,
 * patch records, predictions, CAMs, and the patch ids built from patient ids — is replaced by its pseudonym
 * (pseudonym.ts) when a salt is given, and kept as written when it is null (`site.patientIds: "as-is"`, the demo's
 * default). Exclusion messages, which quote file paths and ids, are reduced to their kind. sitePipeline() applies this
 * to everything the data loaders get, so no artifact builder can forget it.
 */
export function publishIds(
  result: PipelineResult,
  salt: string | null,
  hexDigits = PseudonymHexDigits,
): PipelineResult {
  const ids = salt === null ? null : pseudonymMap(patientIds(result), salt, hexDigits);
  const id = (patientId: string): string => (ids === null ? patientId : (ids.get(patientId) ?? unmapped(patientId)));
  const patchIds = new Map<string, string>();
  const owner = new Map<string, string>();
  const patch = (patchId: string, patientId: string): string => {
    const known = patchIds.get(patchId);
    if (known !== undefined) return known;
    // Patch ids are `<patient id>-s<slice>-p<n>` (preprocessPatient.ts): keep the suffix, replace the patient part.
    // Any other shape is hashed whole, so no fragment of the original survives.
    const published =
      salt === null
        ? patchId
        : patchId.startsWith(`${patientId}-`)
          ? `${id(patientId)}${patchId.slice(patientId.length)}`
          : `${id(patientId)}-${pseudonym(salt, patchId, hexDigits).slice(2)}`;
    const other = owner.get(published);
    if (other !== undefined)
      throw new Error(`published patch ids collide: ${other} and ${patchId} both map to ${published}`);
    owner.set(published, patchId);
    patchIds.set(patchId, published);
    return published;
  };

  // A prediction row (a protocol's or an ablation rung's): its patient and, at patch level, its patch.
  const publishRow = <T extends {patientId: string; patchId?: string}>(p: T): T => ({
    ...p,
    patientId: id(p.patientId),
    ...(p.patchId === undefined ? {} : {patchId: patch(p.patchId, p.patientId)}),
  });

  const cohorts: PipelineResult["cohorts"] = {};
  for (const [name, set] of Object.entries(result.cohorts)) {
    cohorts[name] = {
      ...set,
      records: set.records.map((r) => ({...r, patientId: id(r.patientId), patchId: patch(r.patchId, r.patientId)})),
    };
  }
  const patientOfPatch = new Map<string, string>();
  for (const set of Object.values(result.cohorts))
    for (const r of set.records) patientOfPatch.set(r.patchId, r.patientId);

  const models = {} as PipelineResult["models"];
  for (const protocol of Protocols) {
    const model = result.models[protocol];
    models[protocol] = {
      ...model,
      predictions: model.predictions.map(publishRow),
      cams: model.cams.map((c) => {
        const patientId = patientOfPatch.get(c.patchId);
        if (patientId === undefined) throw new Error(`publishIds: CAM of patch ${c.patchId} has no patch record`);
        return {...c, patchId: patch(c.patchId, patientId)};
      }),
    };
  }

  // The ablation ladder's predictions (ablation-predictions.csv) carry the same patients and patches.
  const ladder = result.analyses.ablation;
  const ablation: PipelineResult["analyses"]["ablation"] =
    ladder.status === "ok"
      ? {
          status: "ok",
          value: {
            ...ladder.value,
            predictions: ladder.value.predictions.map(({rung, rows}) => ({rung, rows: rows.map(publishRow)})),
          },
        }
      : ladder;

  const flow: PipelineResult["flow"] = {};
  for (const [name, f] of Object.entries(result.flow)) flow[name] = publishFlow(f, id);

  return {
    ...result,
    clinical: result.clinical.map((row) => ({...row, patient_id: id(row.patient_id)})),
    flow,
    cohorts,
    models,
    analyses: {...result.analyses, ablation},
  };
}

function publishFlow(f: CohortFlow, id: (patientId: string) => string): CohortFlow {
  return {
    ...f,
    // The full reason names files and ids; it stays in the build log and the CLI's flow report.
    excluded: f.excluded.map(
      (e): Exclusion => ({
        patientId: id(e.patientId),
        ...(e.cohort === undefined ? {} : {cohort: e.cohort}),
        kind: e.kind,
        reason: `excluded: ${e.kind}`,
      }),
    ),
    excludedByKind: f.excludedByKind.map((g) => ({...g, patientIds: g.patientIds.map(id)})),
    fallbackPatients: f.fallbackPatients.map(id),
  };
}

/** Every patient id a result mentions, in a fixed order (so a collision is reported the same way every build). */
function patientIds(result: PipelineResult): string[] {
  const ids = new Set<string>();
  for (const row of result.clinical) ids.add(row.patient_id);
  for (const f of Object.values(result.flow)) {
    for (const e of f.excluded) ids.add(e.patientId);
    for (const g of f.excludedByKind) for (const p of g.patientIds) ids.add(p);
    for (const p of f.fallbackPatients) ids.add(p);
  }
  for (const set of Object.values(result.cohorts)) for (const r of set.records) ids.add(r.patientId);
  for (const model of Object.values(result.models)) for (const p of model.predictions) ids.add(p.patientId);
  const ladder = result.analyses.ablation;
  if (ladder.status === "ok")
    for (const rung of ladder.value.predictions) for (const p of rung.rows) ids.add(p.patientId);
  return [...ids];
}

function unmapped(patientId: string): never {
  throw new Error(`publishIds: patient id ${patientId} was not collected for pseudonymisation`);
}
