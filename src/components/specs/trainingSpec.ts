import type {TopLevelSpec} from "vega-lite";
import type {TrainingArtifact} from "../artifacts.js";

export type TrainingCurve = TrainingArtifact["curves"][number];

/** One row per epoch, cohort and metric: the mean over seeds with the min–max spread. */
export interface TrainingSummaryRow {
  epoch: number;
  cohort: string;
  metric: "accuracy" | "loss";
  mean: number;
  min: number;
  max: number;
  seeds: number;
}

/**
 * Collapses training curves of one protocol over seeds: per (epoch, cohort, metric) the mean, min and max.
 * Rows are ordered by cohort (first-seen), metric, epoch. Non-finite values throw a RangeError naming the row.
 */
export function summariseTraining(curves: readonly TrainingCurve[], protocol: string): TrainingSummaryRow[] {
  const groups = new Map<string, {epoch: number; cohort: string; metric: "accuracy" | "loss"; values: number[]}>();
  const cohorts: string[] = [];
  curves.forEach((c, i) => {
    if (c.protocol !== protocol) return;
    if (!cohorts.includes(c.cohort)) cohorts.push(c.cohort);
    for (const metric of ["accuracy", "loss"] as const) {
      const v = c[metric];
      if (!Number.isFinite(v))
        throw new RangeError(
          `training curves[${i}] (${c.cohort}, epoch ${c.epoch}): ${metric} must be finite, got ${v}`,
        );
      const key = `${c.cohort}\u0000${metric}\u0000${c.epoch}`;
      let g = groups.get(key);
      if (!g) {
        g = {epoch: c.epoch, cohort: c.cohort, metric, values: []};
        groups.set(key, g);
      }
      g.values.push(v);
    }
  });
  const rows = [...groups.values()].map((g) => ({
    epoch: g.epoch,
    cohort: g.cohort,
    metric: g.metric,
    mean: g.values.reduce((a, b) => a + b, 0) / g.values.length,
    min: Math.min(...g.values),
    max: Math.max(...g.values),
    seeds: g.values.length,
  }));
  const metricOrder = {accuracy: 0, loss: 1};
  return rows.sort(
    (a, b) =>
      cohorts.indexOf(a.cohort) - cohorts.indexOf(b.cohort) ||
      metricOrder[a.metric] - metricOrder[b.metric] ||
      a.epoch - b.epoch,
  );
}

export interface TrainingSpecOptions {
  width?: number;
  height?: number;
  /** Cohort colours, in legend order. */
  cohorts: readonly string[];
  colors: readonly string[];
  /** The loss the curves show, named on its axis (the protocols train with different losses). */
  lossName?: string;
}

/** The words for a loss on an axis. */
export const LossNames: Record<string, string> = {
  binaryCrossentropy: "Binary cross-entropy (sigmoid head)",
  categoricalCrossentropy: "Cross-entropy (softmax head)",
};

/**
 * Fig 2: accuracy and loss per epoch (two panels side by side), one line per cohort (mean over seeds) and, when a
 * row aggregates more than one seed, a min–max band.
 */
export function trainingSpec(rows: readonly TrainingSummaryRow[], options: TrainingSpecOptions): TopLevelSpec {
  const {width = 320, height = 240, cohorts, colors, lossName = "Loss"} = options;
  const multiSeed = rows.some((r) => r.seeds > 1);
  const color = {
    field: "cohort",
    type: "nominal",
    title: "Cohort",
    scale: {domain: [...cohorts], range: [...colors]},
  } as const;
  const panel = (metric: "accuracy" | "loss") => {
    const values = rows.filter((r) => r.metric === metric).map((r) => ({...r}));
    const title = metric === "accuracy" ? "Accuracy" : lossName;
    const x = {field: "epoch", type: "quantitative", title: "Epoch"} as const;
    const layer: unknown[] = [];
    if (multiSeed) {
      layer.push({
        mark: {type: "area", opacity: 0.2},
        encoding: {x, y: {field: "min", type: "quantitative", title, stack: null}, y2: {field: "max"}, color},
      });
    }
    layer.push({
      mark: {type: "line", point: values.length <= 60},
      encoding: {
        x,
        y: {field: "mean", type: "quantitative", title, ...(metric === "accuracy" ? {scale: {domain: [0, 1]}} : {})},
        color,
        tooltip: [
          {field: "cohort", type: "nominal", title: "Cohort"},
          {field: "epoch", type: "quantitative", title: "Epoch"},
          {field: "mean", type: "quantitative", title, format: ".4f"},
          ...(multiSeed
            ? [
                {field: "min", type: "quantitative", title: "min over seeds", format: ".4f"},
                {field: "max", type: "quantitative", title: "max over seeds", format: ".4f"},
                {field: "seeds", type: "quantitative", title: "seeds"},
              ]
            : []),
        ],
      },
    });
    return {title, width, height, data: {values}, layer};
  };
  // Plain data cast once: see rocSpec.ts for why.
  return {hconcat: [panel("accuracy"), panel("loss")], resolve: {scale: {color: "shared"}}} as TopLevelSpec;
}
