import {idHash, slugOf} from "../output/safeName.js";

/**
 * File-name parts for cohort names, which come from a study's configuration and may hold anything: the readable
 * slug of each (loaders/output/safeName.ts), with a short hash of the exact name added to every name whose slug
 * another shares ("A/B" and "A_B"), so two cohorts never write one file. Names are never used as paths.
 */
export function fileSlugs(names: readonly string[]): (name: string) => string {
  const count = new Map<string, number>();
  for (const name of new Set(names)) count.set(slugOf(name), (count.get(slugOf(name)) ?? 0) + 1);
  return (name) => {
    const slug = slugOf(name);
    return (count.get(slug) ?? 0) > 1 ? `${slug}-${idHash(name)}` : slug;
  };
}
