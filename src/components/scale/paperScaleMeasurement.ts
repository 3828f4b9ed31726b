/**
 * One timed end-to-end run of the paper-scale synthetic study (789 patients) on one machine, as
 * scripts/measure-paper-scale.sh records it (docs/paper-scale.json) and the Protocol page and README show it.
 * A measurement, not a model: every number here was timed by that script; nothing is extrapolated.
 */
export interface PaperScaleMeasurement {
  schema: typeof PaperScaleSchema;
  /** When the run started and finished (ISO 8601, UTC). */
  started: string;
  finished: string;
  machine: {cpu: string; cores: number; memoryGiB: number; os: string; node: string};
  /** --jobs for generation and preprocessing. */
  jobs: number;
  /** Patients per cohort in the generated study.csv. */
  patients: Record<string, number>;
  /** The three timed commands, in run order. */
  steps: PaperScaleStep[];
  /** The pipeline's own stage times, as `workbench run` printed them (its steps' breakdown). */
  stages: Array<{stage: string; seconds: number; cached: boolean}>;
}

export const PaperScaleSchema = "tace-workbench/paper-scale@1";

export const PaperScaleSteps = ["generation", "pipeline", "site"] as const;
export type PaperScaleStepName = (typeof PaperScaleSteps)[number];

export interface PaperScaleStep {
  step: PaperScaleStepName;
  command: string;
  seconds: number;
  peakRssMiB: number;
  /** The repository commit that ran this step (a later commit may re-time the steps after an earlier generation). */
  commit: string;
}

/** The targets on a 2-core machine: generation, and everything after it, each within 30 minutes. */
export interface PaperScaleTarget {
  name: string;
  limitMinutes: number;
  minutes: number;
  met: boolean;
}

export function paperScaleTargets(m: PaperScaleMeasurement): PaperScaleTarget[] {
  const seconds = (names: PaperScaleStepName[]) =>
    m.steps.filter((s) => names.includes(s.step)).reduce((sum, s) => sum + s.seconds, 0);
  const target = (name: string, s: number): PaperScaleTarget => ({
    name,
    limitMinutes: 30,
    minutes: s / 60,
    met: s <= 30 * 60,
  });
  return [
    target("generation", seconds(["generation"])),
    target("pipeline without generation (preprocessing → site)", seconds(["pipeline", "site"])),
  ];
}

/** Checks a parsed JSON value is a complete measurement; throws naming `source` and the first field that is not. */
export function parsePaperScaleMeasurement(value: unknown, source: string): PaperScaleMeasurement {
  const fail = (field: string, expected: string): never => {
    throw new TypeError(`${source}: ${field} should be ${expected}`);
  };
  const record = (v: unknown, field: string): Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : fail(field, "an object");
  const text = (v: unknown, field: string): string => (typeof v === "string" && v !== "" ? v : fail(field, "a string"));
  const positive = (v: unknown, field: string): number =>
    typeof v === "number" && Number.isFinite(v) && v > 0 ? v : fail(field, "a positive number");
  const nonNegative = (v: unknown, field: string): number =>
    typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fail(field, "a non-negative number");
  const date = (v: unknown, field: string): string =>
    Number.isFinite(Date.parse(text(v, field))) ? (v as string) : fail(field, "an ISO 8601 date");

  const m = record(value, "the measurement");
  if (m.schema !== PaperScaleSchema) fail("schema", `"${PaperScaleSchema}"`);
  const machine = record(m.machine, "machine");
  const patients = record(m.patients, "patients");
  if (!Array.isArray(m.steps)) fail("steps", "an array");
  if (!Array.isArray(m.stages)) fail("stages", "an array");
  const steps = (m.steps as unknown[]).map((s, i): PaperScaleStep => {
    const r = record(s, `steps[${i}]`);
    const step =
      PaperScaleSteps.find((name) => name === r.step) ?? fail(`steps[${i}].step`, PaperScaleSteps.join(" | "));
    return {
      step,
      command: text(r.command, `steps[${i}].command`),
      seconds: positive(r.seconds, `steps[${i}].seconds`),
      peakRssMiB: positive(r.peakRssMiB, `steps[${i}].peakRssMiB`),
      commit: /^[0-9a-f]{40}$/.test(String(r.commit))
        ? (r.commit as string)
        : fail(`steps[${i}].commit`, "a 40-hex git commit"),
    };
  });
  if (steps.map((s) => s.step).join() !== PaperScaleSteps.join())
    fail("steps", `one each of ${PaperScaleSteps.join(", ")}, in that order`);
  const parsed: PaperScaleMeasurement = {
    schema: PaperScaleSchema,
    started: date(m.started, "started"),
    finished: date(m.finished, "finished"),
    machine: {
      cpu: text(machine.cpu, "machine.cpu"),
      cores: positive(machine.cores, "machine.cores"),
      memoryGiB: positive(machine.memoryGiB, "machine.memoryGiB"),
      os: text(machine.os, "machine.os"),
      node: text(machine.node, "machine.node"),
    },
    jobs: Number.isInteger(m.jobs) && (m.jobs as number) > 0 ? (m.jobs as number) : fail("jobs", "a positive integer"),
    patients: Object.fromEntries(
      Object.entries(patients).map(([cohort, n]) =>
        Number.isInteger(n) && (n as number) > 0
          ? [cohort, n as number]
          : fail(`patients.${cohort}`, "a positive integer"),
      ),
    ),
    steps,
    stages: (m.stages as unknown[]).map((s, i) => {
      const r = record(s, `stages[${i}]`);
      if (typeof r.cached !== "boolean") fail(`stages[${i}].cached`, "true or false");
      return {
        stage: text(r.stage, `stages[${i}].stage`),
        seconds: nonNegative(r.seconds, `stages[${i}].seconds`),
        cached: r.cached as boolean,
      };
    }),
  };
  if (Object.keys(parsed.patients).length === 0) fail("patients", "at least one cohort");
  if (Date.parse(parsed.finished) < Date.parse(parsed.started)) fail("finished", "no earlier than started");
  return parsed;
}
