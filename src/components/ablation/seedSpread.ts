import type {SeedSpread} from "./ablationArtifact.js";

/** Mean, min and max of a metric over seeds, ignoring seeds where it is undefined (null); all null → nulls. */
export function seedSpread(perSeed: ReadonlyArray<number | null>): SeedSpread {
  const values = perSeed.filter((v): v is number => v !== null);
  if (values.length === 0) return {mean: null, min: null, max: null, perSeed: [...perSeed]};
  return {
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
    perSeed: [...perSeed],
  };
}
