import {type StudyRow, writeManifest, writePhantomPatients} from "./phantom.js";

/** Patients that differ from each other (tumour sizes) and one that fails, so order and exclusions both show. */
export async function variedStudy(dir: string): Promise<string> {
  const rows: StudyRow[] = [];
  for (const [k, radii] of [
    [9, 8, 5],
    [12, 10, 6],
    [14, 11, 7],
  ].entries()) {
    const cohort = k === 1 ? "ZHHAJU" : "NFH";
    const written = await writePhantomPatients(dir, 2, `${cohort}${k}`, {radiiMm: radii as [number, number, number]});
    rows.push(...written.map((r) => ({...r, cohort})));
  }
  rows.splice(3, 0, {...rows[0]!, patient_id: "NFH-MISSING", image: "nowhere.nii.gz"});
  return writeManifest(dir, rows);
}
