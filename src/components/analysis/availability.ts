/**
 * What a page gets from an analysis's data file: its value, or why there is none. `off`: the study turned it off or
 * gave it nothing to work on (no survival file); `notApplicable`: the study cannot answer it (one reader); `failed`:
 * it ran and threw, and the rest of the report was built without it. Each page says the reason in place of results.
 */
export type Availability<T> = {status: "ok"; value: T} | {status: "off" | "notApplicable" | "failed"; reason: string};

export const available = <T>(value: T): Availability<T> => ({status: "ok", value});

export const unavailable = <T>(status: "off" | "notApplicable" | "failed", reason: string): Availability<T> => ({
  status,
  reason,
});

/** The value of an available analysis, or null. */
export const availableValue = <T>(data: Availability<T>): T | null => (data.status === "ok" ? data.value : null);
