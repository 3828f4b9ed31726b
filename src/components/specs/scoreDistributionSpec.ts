import type {TopLevelSpec} from "vega-lite";

export interface ScoreGroupValues {
  group: string;
  color: string;
  scores: ArrayLike<number>;
}

/**
 * Supplementary Fig 2: the distribution of a score per group as a box plot (Tukey whiskers, 1.5 IQR) over a jittered
 * strip of every value. The jitter is deterministic (a golden-ratio sequence), so the spec is reproducible.
 */
export function scoreDistributionSpec(
  groups: readonly ScoreGroupValues[],
  {width = 320, height = 300, yTitle = "P(CR) + P(PR)"}: {width?: number; height?: number; yTitle?: string} = {},
): TopLevelSpec {
  const values = groups.flatMap((g) =>
    Array.from(g.scores, (score, i) => ({group: g.group, score, jitter: ((i * 0.618033988749895) % 1) - 0.5})),
  );
  const x = {
    field: "group",
    type: "nominal",
    title: null,
    sort: groups.map((g) => g.group),
    axis: {labelAngle: 0, labelLimit: 240},
  } as const;
  const color = {
    field: "group",
    type: "nominal",
    legend: null,
    scale: {domain: groups.map((g) => g.group), range: groups.map((g) => g.color)},
  } as const;
  // Plain data cast once: see rocSpec.ts for why.
  return {
    width,
    height,
    data: {values},
    layer: [
      {
        mark: {type: "point", filled: true, opacity: 0.45, size: 18},
        encoding: {
          x,
          xOffset: {field: "jitter", type: "quantitative", scale: {domain: [-1.2, 1.2]}},
          y: {field: "score", type: "quantitative", title: yTitle},
          color,
          tooltip: [{field: "score", type: "quantitative", format: ".3f", title: yTitle}],
        },
      },
      {
        mark: {type: "boxplot", extent: 1.5, opacity: 0.5, size: 40, outliers: false},
        encoding: {x, y: {field: "score", type: "quantitative", title: yTitle}, color},
      },
    ],
  } as TopLevelSpec;
}
