/**
 * Turns clinical records into the numeric predictor rows a regression needs, learned on the TRAINING set only and
 * then applied unchanged to every other cohort (so nothing about a test cohort leaks into the model).
 *
 * - A number stays one column (optionally standardised by the training mean and SD, which makes a ridge penalty
 *   scale-free).
 * - A category becomes one 0/1 column per level except the first (the reference), named `${name}${level}` like R's
 *   `model.matrix` with treatment contrasts.
 * - Missing-value rule: a missing value (null, undefined, NaN or "") is imputed with the TRAINING set's median (a
 *   number) or its most frequent level (a category; a tie goes to the earlier level). Every imputation is counted per
 *   variable and per record, so the report can say how many patients it affected. Imputing keeps every patient of
 *   an external cohort scorable, which complete-case analysis would not.
 * - A category value outside the declared levels is an error naming the record, not a silent missing value: the
 *   study's clinical reader has already turned values that do not fit a declared type into missing with a warning.
 */
export type PredictorSpec =
  | {name: string; type: "number"}
  | {name: string; type: "category"; levels: readonly string[]};

export type ClinicalValue = number | string | null | undefined;
export type ClinicalRecord = Readonly<Record<string, ClinicalValue>>;

export interface DesignOptions {
  /** Centre and scale numeric predictors by the training mean and SD (default false). */
  standardize?: boolean;
}

export interface DesignEncoder {
  specs: readonly PredictorSpec[];
  /** Column names of the rows `applyDesign` produces (no intercept). */
  columns: string[];
  /** The training value that replaces a missing one, per variable. */
  imputation: Record<string, number | string>;
  /** Per numeric variable, the training mean and SD used to standardise (absent when not standardising). */
  scaling: Record<string, {mean: number; sd: number}>;
  /** Records and missing values per variable in the training set. */
  training: {records: number; missing: Record<string, number>};
}

export interface Design {
  rows: number[][];
  columns: string[];
  /** Imputed values per variable. */
  imputed: Record<string, number>;
  /** Records with at least one imputed value. */
  recordsImputed: number;
}

function isMissing(v: ClinicalValue): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));
}

function label(ids: readonly string[] | undefined, i: number): string {
  const id = ids?.[i];
  return id === undefined ? `record ${i + 1}` : `patient ${id} (record ${i + 1})`;
}

function numeric(v: ClinicalValue, name: string, where: string): number {
  const x = typeof v === "number" ? v : Number(String(v).trim());
  if (!Number.isFinite(x)) throw new RangeError(`${where}: ${name} must be a number, not ${JSON.stringify(v)}`);
  return x;
}

function category(v: ClinicalValue, spec: {name: string; levels: readonly string[]}, where: string): string {
  const s = String(v).trim();
  if (!spec.levels.includes(s)) {
    throw new RangeError(`${where}: ${spec.name} is ${JSON.stringify(s)}, expected one of ${spec.levels.join(", ")}`);
  }
  return s;
}

/** Learns the encoding, imputation values and scaling from the training records. */
export function learnDesign(
  records: readonly ClinicalRecord[],
  specs: readonly PredictorSpec[],
  {standardize = false}: DesignOptions = {},
  ids?: readonly string[],
): DesignEncoder {
  if (records.length === 0) throw new RangeError("learnDesign needs at least one training record");
  const columns: string[] = [];
  const imputation: Record<string, number | string> = {};
  const scaling: Record<string, {mean: number; sd: number}> = {};
  const missing: Record<string, number> = {};
  const names = new Set<string>();
  for (const spec of specs) {
    if (names.has(spec.name)) throw new RangeError(`predictor ${spec.name} is declared twice`);
    names.add(spec.name);
    const present: ClinicalValue[] = [];
    const presentIndex: number[] = [];
    records.forEach((r, i) => {
      if (!isMissing(r[spec.name])) {
        present.push(r[spec.name]);
        presentIndex.push(i);
      }
    });
    missing[spec.name] = records.length - present.length;
    if (present.length === 0) throw new RangeError(`predictor ${spec.name} is missing for every training record`);
    if (spec.type === "number") {
      const v = present.map((x, k) => numeric(x, spec.name, label(ids, presentIndex[k] as number)));
      imputation[spec.name] = median(v);
      columns.push(spec.name);
      if (standardize) {
        const mean = v.reduce((a, b) => a + b, 0) / v.length;
        const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, v.length - 1));
        if (!(sd > 0)) throw new RangeError(`predictor ${spec.name} is constant in the training set`);
        scaling[spec.name] = {mean, sd};
      }
    } else {
      if (spec.levels.length < 2) throw new RangeError(`category ${spec.name} needs at least two levels`);
      const counts = new Map<string, number>(spec.levels.map((l) => [l, 0]));
      present.forEach((x, k) => {
        const s = category(x, spec, label(ids, presentIndex[k] as number));
        counts.set(s, (counts.get(s) as number) + 1);
      });
      let mode = spec.levels[0] as string;
      for (const l of spec.levels) if ((counts.get(l) as number) > (counts.get(mode) as number)) mode = l;
      imputation[spec.name] = mode;
      for (const l of spec.levels.slice(1)) columns.push(`${spec.name}${l}`);
    }
  }
  return {specs, columns, imputation, scaling, training: {records: records.length, missing}};
}

/** Encodes records (training or any other cohort) with a learned encoder; `ids` name records in errors. */
export function applyDesign(
  encoder: DesignEncoder,
  records: readonly ClinicalRecord[],
  ids?: readonly string[],
): Design {
  const imputed: Record<string, number> = Object.fromEntries(encoder.specs.map((s) => [s.name, 0]));
  let recordsImputed = 0;
  const rows = records.map((r, i) => {
    const where = label(ids, i);
    const row: number[] = [];
    let any = false;
    for (const spec of encoder.specs) {
      let v = r[spec.name];
      if (isMissing(v)) {
        v = encoder.imputation[spec.name];
        imputed[spec.name] = (imputed[spec.name] as number) + 1;
        any = true;
      }
      if (spec.type === "number") {
        const x = numeric(v, spec.name, where);
        const s = encoder.scaling[spec.name];
        row.push(s ? (x - s.mean) / s.sd : x);
      } else {
        const level = category(v, spec, where);
        for (const l of spec.levels.slice(1)) row.push(level === l ? 1 : 0);
      }
    }
    if (any) recordsImputed++;
    return row;
  });
  return {rows, columns: encoder.columns, imputed, recordsImputed};
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}
