/**
 * The five columns every manifest has (`label` is CR|PR|SD|PD; paths are relative to the manifest). Kept apart from
 * manifest.ts so the study configuration can refuse a declared clinical column of the same name without importing the
 * manifest reader.
 */
export const ManifestColumns = ["patient_id", "cohort", "image", "mask", "label"] as const;
export type ManifestColumn = (typeof ManifestColumns)[number];
