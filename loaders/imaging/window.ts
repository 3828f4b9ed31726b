/** HU window (level, width) → [0, 1], stored as uint8 0…255: (hu − (level − width/2)) / width, clipped. */
export interface HuWindow {
  level: number;
  width: number;
}

export function windowToByte(hu: number, {level, width}: HuWindow): number {
  const v = (hu - (level - width / 2)) / width;
  return v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255);
}
