import type {SeedSpread} from "./ablationArtifact.js";

/** Mean, SD, min and max of a metric over seeds, ignoring seeds where it is undefined (null); all null → nulls. */
export function seedSpread(perSeed: ReadonlyArray<number | null>): SeedSpread {
  const values = perSeed.filter((v): v is number => v !== null);
  if (values.length === 0) return {mean: null, sd: null, min: null, max: null, perSeed: [...perSeed]};
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return {
    mean,
    sd: values.length < 2 ? null : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)),
    min: Math.min(...values),
    max: Math.max(...values),
    perSeed: [...perSeed],
  };
}
