import {TieBreaks} from "../../src/components/readers/referenceStandard.js";
import type {EndpointSpec, ReferenceStandardSetting, StudyConfig} from "../../src/components/study/studyConfig.js";
import {fail, isRecord, nullableText, number, oneOf, record, text, textList} from "./validate.js";

type Outcomes = StudyConfig["outcomes"];

/**
 * The `outcomes` section (issue #23): untrusted JSON → StudyConfig["outcomes"]. `readers` and `survival` name the
 * readers' and survival files (paths relative to the study file); `referenceStandard` says which reading is the
 * reference; `endpoints` describes each survival endpoint (its label, time unit and the times of its time-dependent
 * AUC); `assumedCodings` lists what the study file assumes rather than knows, so the pages can say so.
 */
export function normalizeOutcomes(value: unknown, fallback: Outcomes): Outcomes {
  const o = record("outcomes", value, [
    "readers",
    "survival",
    "referenceStandard",
    "endpoints",
    "responderThreshold",
    "assumedCodings",
  ]);
  return {
    readers: nullableText("outcomes.readers", o.readers, fallback.readers),
    survival: nullableText("outcomes.survival", o.survival, fallback.survival),
    referenceStandard: referenceStandard(o.referenceStandard, fallback.referenceStandard),
    endpoints: endpoints(o.endpoints, fallback.endpoints),
    responderThreshold: number("outcomes.responderThreshold", o.responderThreshold, fallback.responderThreshold, {
      above: 0,
      max: 0.99,
    }),
    assumedCodings: textList("outcomes.assumedCodings", o.assumedCodings, fallback.assumedCodings),
  };
}

function referenceStandard(value: unknown, fallback: ReferenceStandardSetting): ReferenceStandardSetting {
  if (value === undefined) return {...fallback};
  const path = "outcomes.referenceStandard";
  const r = record(path, value, ["rule", "reader", "tie"]);
  // A tie rule alone means the majority (the only rule that has ties).
  const rule = oneOf(`${path}.rule`, r.rule, ["reader", "majority", "unanimous"] as const, "majority");
  if (rule === "reader") {
    if (r.tie !== undefined) fail(`${path}.tie`, "no tie rule with one reader", r.tie);
    if (r.reader === undefined) fail(`${path}.reader`, "the reader's column name", r.reader);
    return {rule, reader: text(`${path}.reader`, r.reader, "")};
  }
  if (r.reader !== undefined) fail(`${path}.reader`, `no reader with rule "${rule}"`, r.reader);
  if (rule === "unanimous") {
    if (r.tie !== undefined) fail(`${path}.tie`, 'no tie rule with "unanimous"', r.tie);
    return {rule};
  }
  return {rule, tie: oneOf(`${path}.tie`, r.tie, TieBreaks, "exclude")};
}

const endpointName = /^[a-z][a-z0-9_]*$/;

function endpoints(value: unknown, fallback: Record<string, EndpointSpec>): Record<string, EndpointSpec> {
  if (value === undefined) return structuredClone(fallback);
  if (!isRecord(value)) fail("outcomes.endpoints", "an object of endpoints by name", value);
  const out: Record<string, EndpointSpec> = {};
  for (const [name, spec] of Object.entries(value)) {
    const path = `outcomes.endpoints.${name}`;
    if (!endpointName.test(name)) fail(path, "an endpoint name of lower-case letters, digits and _", name);
    const e = record(path, spec, ["label", "unit", "aucTimes", "landmark"]);
    if (e.unit === undefined) fail(`${path}.unit`, 'the time unit (e.g. "months")', e.unit);
    const times = e.aucTimes === undefined ? [] : e.aucTimes;
    if (!Array.isArray(times) || times.length > 6) fail(`${path}.aucTimes`, "an array of at most 6 times", times);
    out[name] = {
      label: text(`${path}.label`, e.label, name.toUpperCase()),
      unit: text(`${path}.unit`, e.unit, ""),
      aucTimes: times.map((t, i) => number(`${path}.aucTimes[${i}]`, t, 0, {above: 0})),
      landmark:
        e.landmark === undefined || e.landmark === null ? null : number(`${path}.landmark`, e.landmark, 0, {above: 0}),
    };
  }
  return out;
}
