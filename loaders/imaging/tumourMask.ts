import {PatientError} from "../cohort/exclusion.js";
import type {Volume} from "./volume.js";

/**
 * Reduces a stored mask to tumour = 1, background = 0, by config `imaging.tumourLabel`:
 * - "nonzero": every nonzero voxel, but only when the mask has a single nonzero label (0/1, or 0/255 as IRCAD writes);
 *   several labels (liver + tumour, organ maps) would silently mix tissues, so they are refused with the labels found;
 * - a number: voxels with exactly that value; an absent label is an empty mask.
 * A mask with more than MaxMaskLabels distinct values is an image (a CT given as the mask holds hundreds of
 * intensities; the largest label maps, e.g. TotalSegmentator's 117 structures, stay well below): it is refused by that
 * count rather than by listing every value.
 */
export const MaxMaskLabels = 255;

export function tumourMask(
  mask: Volume,
  tumourLabel: "nonzero" | number,
  what: string,
  file: string,
): Volume<Uint8Array> {
  const counts = new Map<number, number>();
  const data = mask.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v !== 0) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const labels = [...counts.keys()].sort((a, b) => a - b);
  if (labels.length > MaxMaskLabels) {
    let nonzero = 0;
    for (const n of counts.values()) nonzero += n;
    const distinct = labels.length + (nonzero < data.length ? 1 : 0);
    throw new PatientError(
      "maskLabels",
      `${what}: mask has ${distinct} distinct values (looks like an image, not a label mask; was the CT given as the mask?): ${file}`,
      file,
    );
  }
  if (labels.length === 0) throw new PatientError("emptyMask", `${what}: empty mask (no nonzero voxel): ${file}`, file);
  if (labels.some((l) => !Number.isInteger(l))) {
    throw new PatientError(
      "maskLabels",
      `${what}: mask labels must be integers, got ${labels.slice(0, 5).join(", ")}${labels.length > 5 ? ", …" : ""}: ${file}`,
      file,
    );
  }
  let keep: (v: number) => boolean;
  if (tumourLabel === "nonzero") {
    if (labels.length > 1) {
      throw new PatientError(
        "maskLabels",
        `${what}: mask has labels {0, ${labels.join(", ")}}, expected {0, 1} (set imaging.tumourLabel to the tumour's label): ${file}`,
        file,
      );
    }
    keep = (v) => v !== 0;
  } else {
    if (!counts.has(tumourLabel)) {
      throw new PatientError(
        "emptyMask",
        `${what}: empty mask: no voxel has the tumour label ${tumourLabel} (labels found: ${labels.join(", ")}): ${file}`,
        file,
      );
    }
    keep = (v) => v === tumourLabel;
  }
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = keep(data[i]!) ? 1 : 0;
  return {...mask, data: out};
}
