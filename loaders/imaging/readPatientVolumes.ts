import {PatientError} from "../cohort/exclusion.js";
import type {ManifestPatient} from "../cohort/manifest.js";
import {readImageVolume, readMaskVolume} from "./readVolume.js";
import {resampleNearest} from "./resampleVolume.js";
import {embedInGrid, gridDifference} from "./sameGrid.js";
import {tumourMask} from "./tumourMask.js";
import type {Volume} from "./volume.js";

/**
 * Reads and validates one manifest patient: CT as float32 HU, mask reduced to tumour = 1 on the CT's grid.
 * Every failure is a PatientError naming the patient and the file (missing, truncated, unreadable, grid mismatch, empty
 * mask, unexpected labels).
 */
export async function readPatientVolumes(
  patient: ManifestPatient,
  tumourLabel: "nonzero" | number,
  warn: (message: string) => void,
): Promise<{image: Volume<Float32Array>; mask: Volume<Uint8Array>}> {
  const who = `patient ${patient.patientId} (${patient.cohort})`;
  const image = await readImageVolume(patient.image, {what: `${who} image`, warn});
  const read = await readMaskVolume(patient.mask, {what: `${who} mask`, warn, tumourLabel});
  if (read.chosenSegment !== undefined && (read.segments?.length ?? 0) > 1) {
    warn(`${who} mask: DICOM SEG segment "${read.chosenSegment}" taken as the tumour`);
  }
  let stored = read.segments ? embedInGrid(read.volume, image) : read.volume;
  if (read.segments && gridDifference(image, stored) !== undefined) {
    // A DICOM SEG defines its frames in the CT's physical frame of reference, so a SEG on another lattice (different
    // frame spacing or slice order) is legitimately resampled onto the CT's grid; other mask formats must match.
    warn(
      `${who} mask: DICOM SEG grid differs from the CT (${gridDifference(image, stored)}); resampled onto the CT grid (nearest)`,
    );
    const data = resampleNearest(read.volume as Volume<Uint8Array>, image, {lo: [0, 0, 0], hi: [...image.size]});
    stored = {...image, data};
  }
  const difference = gridDifference(image, stored);
  if (difference !== undefined) {
    throw new PatientError(
      "gridMismatch",
      `${who}: mask and image are on different grids (image vs mask ${difference}): image ${patient.image}, mask ${patient.mask}`,
      patient.mask,
    );
  }
  // A SEG was already reduced to its tumour segment (labels {0, 1}), whatever tumourLabel says.
  const mask = tumourMask(stored, read.segments ? "nonzero" : tumourLabel, `${who} mask`, patient.mask);
  return {image, mask};
}
