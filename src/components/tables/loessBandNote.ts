import {formatCiLevel} from "../format/formatStat.js";
import type {LoessBandFits} from "../stats/calibrationExtras.js";

/**
 * The smoothed calibration figure's note, counted from the fits the band was built on (calibrationExtras.ts): a
 * resample with too few distinct predictions has no local fit and is left out of the band, so the note names how
 * many fits the band rests on and how many failed, never the number drawn as if all had been used.
 */
export function loessBandNote(fits: LoessBandFits, ciLevel: number): string {
  const level = formatCiLevel(ciLevel);
  if (fits.used === 0)
    return `no band: all ${fits.replicates} patient-bootstrap loess fits failed (too few distinct predictions)`;
  const band = `${level} band: ${fits.used} patient-bootstrap loess ${fits.used === 1 ? "fit" : "fits"}`;
  return fits.failed === 0
    ? band
    : `${band} (${fits.failed} of ${fits.replicates} failed, too few distinct predictions, and are left out)`;
}
