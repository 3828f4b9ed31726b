import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {parseDicomHeader} from "../../loaders/cohort/dicomHeader.js";

/** The shared real CT samples (../shared/realdata); absent in a user's clone. */
export const realdata = fileURLToPath(new URL("../../../shared/realdata/", import.meta.url));

/** Header fields that identify a person, a study or a place; UIDs included. */
const identifyingTags: Record<string, string> = {
  "0008,0018": "SOPInstanceUID",
  "0008,0020": "StudyDate",
  "0008,0050": "AccessionNumber",
  "0008,0080": "InstitutionName",
  "0008,0090": "ReferringPhysicianName",
  "0010,0010": "PatientName",
  "0010,0020": "PatientID",
  "0010,0030": "PatientBirthDate",
  "0020,000d": "StudyInstanceUID",
  "0020,000e": "SeriesInstanceUID",
};

/** Identifying header values (value → tag name) of every .dcm file in the given folders. */
export function identifyingDicomValues(dirs: string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".dcm"))) {
      const header = parseDicomHeader(new Uint8Array(readFileSync(join(dir, file))), file);
      for (const [tag, name] of Object.entries(identifyingTags)) {
        for (const value of header.get(tag) ?? []) {
          // Short values ("M", "0") would match by chance anywhere; they identify nobody.
          if (value.trim().length >= 6) values.set(value.trim(), name);
        }
      }
    }
  }
  return values;
}
