/**
 * Small validators for untrusted configuration. Every failure names the key path and says what was expected and
 * what was found ("study.model.epochs: expected an integer ≥ 1, got -3"), so a hand-written study file is easy to fix.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export type Path = string;

export function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

export function fail(path: Path, expected: string, got: unknown): never {
  throw new ConfigError(`${path}: expected ${expected}, got ${describe(got)}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object whose keys are all in `known`; an absent value reads as {}. */
export function record(path: Path, value: unknown, known: readonly string[]): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isRecord(value)) fail(path, "an object", value);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new ConfigError(`${path}.${key}: unknown key (expected one of ${known.join(", ")})`);
    }
  }
  return value;
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** Exclusive lower bound. */
  above?: number;
  integer?: boolean;
}

function numberRuleText(rule: NumberRule): string {
  const kind = rule.integer ? "an integer" : "a finite number";
  const lower = rule.above !== undefined ? `> ${rule.above}` : rule.min !== undefined ? `≥ ${rule.min}` : undefined;
  if (lower !== undefined && rule.max !== undefined) return `${kind} ${lower} and ≤ ${rule.max}`;
  if (lower !== undefined) return `${kind} ${lower}`;
  return rule.max !== undefined ? `${kind} ≤ ${rule.max}` : kind;
}

export function number(path: Path, value: unknown, fallback: number, rule: NumberRule = {}): number {
  if (value === undefined) return fallback;
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.above === undefined || value > rule.above);
  if (!ok) fail(path, numberRuleText(rule), value);
  return value;
}

export function oneOf<T extends string>(path: Path, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
  }
  return value as T;
}

export function text(path: Path, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || value.trim() === "") fail(path, "a non-empty string", value);
  return value;
}

export function nullableText(path: Path, value: unknown, fallback: string | null): string | null {
  if (value === null) return null;
  return value === undefined ? fallback : text(path, value, "");
}

export function bool(path: Path, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") fail(path, "true or false", value);
  return value;
}

/** A non-empty list of distinct values from `allowed`. */
export function subsetOf<T extends string>(path: Path, value: unknown, allowed: readonly T[], fallback: T[]): T[] {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value) || value.length === 0) fail(path, `a non-empty array of ${allowed.join(", ")}`, value);
  const seen = new Set<string>();
  return value.map((item, i) => {
    const v = oneOf(`${path}[${i}]`, item, allowed, allowed[0] as T);
    if (seen.has(v)) throw new ConfigError(`${path}[${i}]: expected distinct values, got ${JSON.stringify(v)} twice`);
    seen.add(v);
    return v;
  });
}

export function textList(path: Path, value: unknown, fallback: string[]): string[] {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value)) fail(path, "an array of strings", value);
  return value.map((item, i) => text(`${path}[${i}]`, item, ""));
}
