import {writeCsv} from "../../src/components/csv/writeCsv.js";
import {parsePlainDecimal} from "../../src/components/predictions/parsePlainDecimal.js";
import type {EndpointSpec} from "../../src/components/study/studyConfig.js";
import type {HccTaceSegNotes} from "./hccTaceSegNotes.js";
import {type ColumnFound, findColumn} from "./hccTaceSegSheet.js";

/**
 * The survival endpoints of the HCC-TACE-Seg sheet → survival.csv (patient_id, <endpoint>_time, <endpoint>_event):
 * overall survival from OS and Death_1_StillAliveorLostToFU_0 (1 = died), time to progression from TTP and
 * Censored_0_progressed_1 (1 = progressed; despite its name, the event). Event 1 = the event happened, as
 * readSurvivalCsv reads it. The sheet does not state the time unit; its values are multiples of 1/7 (days counted in
 * weeks), so weeks is assumed, said, and checked against the values.
 */
interface EndpointPlan {
  name: string;
  time: string[];
  event: string[];
  spec: EndpointSpec;
  /** What an event is, for the summary ("deaths"). */
  events: string;
}

const plans: EndpointPlan[] = [
  {
    name: "os",
    time: ["OS", "os_time"],
    event: ["Death_1_StillAliveorLostToFU_0", "os_event"],
    spec: {label: "Overall survival", unit: "weeks", aucTimes: [52, 104], landmark: null},
    events: "deaths",
  },
  {
    name: "ttp",
    time: ["TTP", "ttp_time"],
    event: ["Censored_0_progressed_1", "ttp_event"],
    spec: {label: "Time to progression", unit: "weeks", aucTimes: [26, 52], landmark: null},
    events: "progressions",
  },
];

export interface SurvivalEndpoint {
  plan: EndpointPlan;
  time: {index: number; name: string};
  event: {index: number; name: string};
}

export function survivalColumns(header: readonly string[]): {found: ColumnFound[]; endpoints: SurvivalEndpoint[]} {
  const found: ColumnFound[] = [];
  const endpoints: SurvivalEndpoint[] = [];
  for (const plan of plans) {
    const t = findColumn(header, plan.time);
    const e = findColumn(header, plan.event);
    const lookedFor = [...plan.time, ...plan.event];
    if (t < 0 || e < 0) {
      const missing = [t < 0 ? "time" : "", e < 0 ? "event" : ""].filter(Boolean).join(" and ");
      found.push({field: plan.name, found: null, lookedFor, remark: `no ${missing} column`});
      continue;
    }
    const time = {index: t, name: header[t]!};
    const event = {index: e, name: header[e]!};
    found.push({field: plan.name, found: [time.name, event.name], lookedFor});
    endpoints.push({plan, time, event});
  }
  return {found, endpoints};
}

export interface Survival {
  /** survival.csv, or null when the sheet has no endpoint. */
  csv: string | null;
  counts: Array<{name: string; label: string; events: string; patients: number; eventCount: number}>;
  /** study.json's outcomes.endpoints. */
  specs: Record<string, EndpointSpec>;
  /** The unit assumption, checked against the times written, or null without endpoints. */
  assumed: string | null;
}

/** One endpoint's cells: a valid pair, or the problems (the patient then gets empty cells and one note). */
function cells(rawTime: string, rawEvent: string): {time: number; event: 0 | 1} | string[] {
  const problems: string[] = [];
  const time = parsePlainDecimal(rawTime);
  if (rawTime === "") problems.push("time empty");
  else if (time === undefined) problems.push("time not a number");
  else if (time < 0) problems.push("time negative");
  const event = parsePlainDecimal(rawEvent);
  if (rawEvent === "") problems.push("event empty");
  else if (event !== 0 && event !== 1) problems.push("event not 0/1");
  return problems.length > 0 || time === undefined ? problems : {time, event: event === 1 ? 1 : 0};
}

export function survival(
  endpoints: readonly SurvivalEndpoint[],
  patients: ReadonlyArray<{id: string; row: readonly string[]}>,
  notes: HccTaceSegNotes,
): Survival {
  if (endpoints.length === 0) return {csv: null, counts: [], specs: {}, assumed: null};
  const counts = endpoints.map(({plan}) => ({
    name: plan.name,
    label: plan.spec.label,
    events: plan.events,
    patients: 0,
    eventCount: 0,
  }));
  const times: number[] = [];
  const rows = patients.map(({id, row}) => [
    id,
    ...endpoints.flatMap(({plan, time, event}, i): Array<string | number> => {
      const rawTime = (row[time.index] ?? "").trim();
      const rawEvent = (row[event.index] ?? "").trim();
      const value = cells(rawTime, rawEvent);
      if (Array.isArray(value)) {
        const detail = `${time.name} ${JSON.stringify(rawTime)}, ${event.name} ${JSON.stringify(rawEvent)}`;
        notes.patient(`${plan.name}: ${value.join(", ")}; ${plan.name} cells written empty`, id, detail);
        return ["", ""];
      }
      const count = counts[i]!;
      count.patients++;
      count.eventCount += value.event;
      times.push(value.time);
      return [value.time, value.event];
    }),
  ]);
  const header = ["patient_id", ...endpoints.flatMap(({plan}) => [`${plan.name}_time`, `${plan.name}_event`])];
  // Sheet order (TTP before OS in the real sheet), so the assumption reads as the sheet's columns do.
  const names = endpoints
    .map((e) => e.time)
    .sort((a, b) => a.index - b.index)
    .map((t) => t.name);
  // Within half a hundredth: some times are written to 2 decimals (45.86 for 321/7 = 45.857…).
  const weekly = times.filter((t) => Math.abs(t - Math.round(t * 7) / 7) < 0.005).length;
  const evidence =
    weekly === times.length && times.length > 0
      ? "values are multiples of 1/7"
      : `${weekly} of ${times.length} values are multiples of 1/7`;
  return {
    csv: writeCsv(header, rows),
    counts,
    specs: Object.fromEntries(endpoints.map(({plan}) => [plan.name, plan.spec])),
    assumed: `${names.join(" and ")} in weeks: the sheet does not state the unit (${evidence})`,
  };
}
