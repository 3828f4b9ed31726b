import {join} from "node:path";
import type {PatientPlan} from "./planStudy.js";
import type {StudyRow} from "./studyCsv.js";
import {synthesizePatient} from "./synthesizePatient.js";
import type {SynthScale} from "./synthScales.js";
import {nodeSynthWriter, type SynthWriter} from "./synthWriter.js";

/**
 * One synthetic patient, rendered and written (CT and mask NIfTI): the unit of work of demo generation, run in a
 * worker thread (synthTask) or in process (synthesizeAndWrite). A patient is a pure function of its plan, so the files
 * are the same whichever thread wrote them; a failure is returned, not thrown, and the study carries on without it.
 */
export type SynthOutcome = {ok: true; row: Omit<StudyRow, "plan">} | {ok: false; message: string};

export async function synthesizeAndWrite(
  plan: PatientPlan,
  outDir: string,
  scale: SynthScale,
  writer: SynthWriter = nodeSynthWriter,
): Promise<SynthOutcome> {
  try {
    const patient = synthesizePatient(plan, scale);
    const image = `images/${plan.patientId}_ct.nii.gz`;
    const mask = `masks/${plan.patientId}_roi.nii.gz`;
    await writer.writeVolume(patient.ct, join(outDir, image));
    await writer.writeVolume(patient.mask, join(outDir, mask));
    return {ok: true, row: {image, mask, tumourSizeCm: patient.tumourSizeCm, tumourNumber: patient.tumourNumber}};
  } catch (error) {
    return {ok: false, message: error instanceof Error ? error.message : String(error)};
  }
}

/** The worker pool's entry point (loaders/runtime/workerPool.ts). */
export function synthTask(plan: PatientPlan, shared: {outDir: string; scale: SynthScale}): Promise<SynthOutcome> {
  return synthesizeAndWrite(plan, shared.outDir, shared.scale);
}
