import type {TopLevelSpec} from "vega-lite";

/** One Kaplan–Meier curve: its event steps with their pointwise band, and the censored times. */
export interface KaplanMeierSeries {
  label: string;
  color: string;
  time: readonly number[];
  surv: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
  censored: readonly number[];
}

/** S(t) of a step curve at t: the last step at or before t (1 before the first). */
export function survivalAt(series: Pick<KaplanMeierSeries, "time" | "surv">, t: number): number {
  let s = 1;
  for (let i = 0; i < series.time.length && (series.time[i] as number) <= t; i++) s = series.surv[i] as number;
  return s;
}

/**
 * Kaplan–Meier curves as steps from (0, 1), each with its pointwise confidence band (a step area in the curve's
 * colour, pale) and a tick at each censored time on the curve. The legend names each curve; hovering a step shows
 * its time, survival and band.
 */
export function kaplanMeierSpec(
  series: readonly KaplanMeierSeries[],
  {
    width = 420,
    height = 300,
    timeTitle = "Time",
    title,
  }: {width?: number; height?: number; timeTitle?: string; title?: string} = {},
): TopLevelSpec {
  const steps = series.flatMap((s) => [
    {series: s.label, time: 0, surv: 1, lower: 1, upper: 1},
    ...s.time.map((t, i) => ({series: s.label, time: t, surv: s.surv[i], lower: s.lower[i], upper: s.upper[i]})),
  ]);
  // The curves run on to the last censored time, so a plateau reads as follow-up, not as the curve stopping.
  for (const s of series) {
    const last = Math.max(0, ...s.time, ...s.censored);
    const tail = s.time.length === 0 ? 1 : (s.surv[s.surv.length - 1] as number);
    const band = s.time.length === 0 ? [1, 1] : [s.lower[s.lower.length - 1], s.upper[s.upper.length - 1]];
    if (last > (s.time[s.time.length - 1] ?? 0))
      steps.push({series: s.label, time: last, surv: tail, lower: band[0], upper: band[1]});
  }
  const censored = series.flatMap((s) => s.censored.map((t) => ({series: s.label, time: t, surv: survivalAt(s, t)})));
  const color = {
    field: "series",
    type: "nominal",
    title: null,
    scale: {domain: series.map((s) => s.label), range: series.map((s) => s.color)},
    // Line symbols at full opacity: the legend reads in the curves' colours, not the pale bands'.
    legend: {
      orient: "bottom",
      direction: "vertical",
      labelFontSize: 12,
      labelLimit: 480,
      symbolType: "stroke",
      symbolStrokeWidth: 3,
      symbolOpacity: 1,
    },
  } as const;
  const x = {field: "time", type: "quantitative", title: timeTitle, scale: {nice: false}} as const;
  const y = {field: "surv", type: "quantitative" as const, title: "Survival probability", scale: {domain: [0, 1]}};
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    ...(title ? {title} : {}),
    width,
    height,
    layer: [
      {
        data: {values: steps},
        mark: {type: "area", interpolate: "step-after", opacity: 0.15},
        encoding: {x, y: {field: "lower", type: "quantitative"}, y2: {field: "upper"}, color},
      },
      {
        data: {values: steps},
        mark: {type: "line", interpolate: "step-after", strokeWidth: 2},
        encoding: {
          x,
          y,
          color,
          tooltip: [
            {field: "series", title: "group"},
            {field: "time", title: timeTitle, format: ".1f"},
            {field: "surv", title: "S(t)", format: ".3f"},
            {field: "lower", title: "lower", format: ".3f"},
            {field: "upper", title: "upper", format: ".3f"},
          ],
        },
      },
      {
        data: {values: censored},
        mark: {type: "tick", orient: "vertical", size: 8, thickness: 1.5},
        encoding: {x, y, color},
      },
    ],
  };
}
