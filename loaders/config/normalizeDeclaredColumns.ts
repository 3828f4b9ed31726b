import type {ClinicalColumnSpec, DeclaredColumns} from "../../src/components/study/studyConfig.js";
import {ClinicalColumnTypes} from "../../src/components/study/vocabulary.js";
import {ClinicalColumns} from "../cohort/clinicalColumns.js";
import {ManifestColumns} from "../cohort/manifestColumns.js";
import {ConfigError, fail, isRecord, oneOf, record, text} from "./validate.js";

/**
 * The study configuration's `clinical.columns`: manifest columns beyond the paper's Table 1 variables that the study
 * declares, each with a type, e.g. `{"ecog": {"type": "ordinal", "levels": ["0", "1", "2"]}, "bmi": {"type":
 * "number", "unit": "kg/m²"}}`. Only known and declared columns may appear in a manifest (the rest are refused), so
 * this section is the study's explicit statement of what it publishes.
 */
export function normalizeDeclaredColumns(path: string, value: unknown): DeclaredColumns {
  if (value === undefined) return {};
  if (!isRecord(value)) fail(path, "an object of column name → {type, …}", value);
  const out: DeclaredColumns = {};
  for (const [name, spec] of Object.entries(value)) {
    const where = `${path}.${name}`;
    if (!/^[a-z][a-z0-9_]*$/.test(name)) {
      throw new ConfigError(
        `${where}: expected a lower-case column name (letters, digits, _; as the manifest header reads lower-cased), got ${JSON.stringify(name)}`,
      );
    }
    if ((ManifestColumns as readonly string[]).includes(name)) {
      throw new ConfigError(`${where}: expected a clinical column, got the required manifest column "${name}"`);
    }
    if (Object.hasOwn(ClinicalColumns, name)) {
      throw new ConfigError(
        `${where}: expected a column Table 1 does not already know, got the known column "${name}"`,
      );
    }
    out[name] = columnSpec(where, spec);
  }
  return out;
}

function columnSpec(path: string, value: unknown): ClinicalColumnSpec {
  if (!isRecord(value)) fail(path, 'an object such as {"type": "number"}', value);
  const type = value.type;
  if (type === undefined) fail(`${path}.type`, `one of ${ClinicalColumnTypes.map((t) => `"${t}"`).join(", ")}`, type);
  const kind = oneOf(`${path}.type`, type, ClinicalColumnTypes, "number");
  if (kind === "number") {
    const spec = record(path, value, ["type", "unit"]);
    return spec.unit === undefined ? {type: "number"} : {type: "number", unit: text(`${path}.unit`, spec.unit, "")};
  }
  const spec = record(path, value, ["type", "levels"]);
  const levels = spec.levels;
  if (!Array.isArray(levels) || levels.length < 2) fail(`${path}.levels`, "an array of at least 2 levels", levels);
  const seen = new Set<string>();
  const texts = levels.map((level, i) => {
    // Numbers are accepted and kept as their text ("0", "1", …), since manifest cells are text.
    const t = typeof level === "number" && Number.isFinite(level) ? String(level) : level;
    const s = text(`${path}.levels[${i}]`, t, "");
    const key = s.trim().toLowerCase();
    if (seen.has(key)) {
      throw new ConfigError(`${path}.levels[${i}]: expected distinct levels (case-insensitive), got "${s}" twice`);
    }
    seen.add(key);
    return s.trim();
  });
  return {type: kind, levels: texts};
}
