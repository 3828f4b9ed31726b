import type {TopLevelSpec} from "vega-lite";
import type {AblationArtifact} from "../ablation/ablationArtifact.js";

/**
 * The ladder figure: one panel per external cohort, the model rungs top to bottom in ladder order, each seed's
 * patient-level objective-response AUC as a small hollow point, the seeds' mean as a filled point and their range as
 * a rule; a dashed line at 0.5 (chance).
 */
export function ablationSpec(artifact: AblationArtifact, {width = 240}: {width?: number} = {}): TopLevelSpec {
  const order = artifact.rungs.map((r, i) => `${i + 1}. ${r.id}`);
  const seeds: Array<{rung: string; cohort: string; seed: number; auc: number}> = [];
  const means: Array<{rung: string; cohort: string; auc: number; lo: number; hi: number}> = [];
  artifact.rungs.forEach((rung, i) => {
    for (const cohort of artifact.externalCohorts) {
      const s = rung.cohorts[cohort]?.patient.objectiveResponseAuc;
      if (!s || s.mean === null) continue;
      const name = order[i] as string;
      s.perSeed.forEach((auc, k) => {
        if (auc !== null) seeds.push({rung: name, cohort, seed: rung.seeds[k] as number, auc});
      });
      means.push({rung: name, cohort, auc: s.mean, lo: s.min as number, hi: s.max as number});
    }
  });
  const y = {field: "rung", type: "nominal", sort: order, title: null} as const;
  const x = {field: "auc", type: "quantitative", title: "AUC, objective response (patient)", scale: {domain: [0, 1]}};
  // Plain data cast once: see rocSpec.ts for why.
  return {
    facet: {column: {field: "cohort", type: "nominal", title: null, sort: artifact.externalCohorts}},
    data: {values: [...seeds.map((s) => ({...s, kind: "seed"})), ...means.map((m) => ({...m, kind: "mean"}))]},
    spec: {
      width,
      height: 30 * Math.max(1, order.length),
      layer: [
        {mark: {type: "rule", strokeDash: [4, 4], color: "#999"}, encoding: {x: {datum: 0.5, type: "quantitative"}}},
        {
          transform: [{filter: "datum.kind === 'mean'"}],
          mark: {type: "rule"},
          encoding: {y, x: {...x, field: "lo"}, x2: {field: "hi"}},
        },
        {
          transform: [{filter: "datum.kind === 'seed'"}],
          mark: {type: "point", filled: false, size: 30, opacity: 0.7},
          encoding: {
            y,
            x,
            tooltip: [
              {field: "seed", type: "quantitative", title: "Seed"},
              {field: "auc", format: ".3f", type: "quantitative", title: "AUC"},
            ],
          },
        },
        {
          transform: [{filter: "datum.kind === 'mean'"}],
          mark: {type: "point", filled: true, size: 80},
          encoding: {
            y,
            x,
            tooltip: [
              {field: "rung", type: "nominal", title: "Rung"},
              {field: "auc", type: "quantitative", format: ".3f", title: "mean over seeds"},
              {field: "lo", type: "quantitative", format: ".3f", title: "min"},
              {field: "hi", type: "quantitative", format: ".3f", title: "max"},
            ],
          },
        },
      ],
    },
  } as TopLevelSpec;
}
