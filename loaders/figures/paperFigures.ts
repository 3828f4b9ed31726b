import {protocolPredictions} from "../../src/components/predictions/protocolPredictions.js";
import {decisionCurveSpec} from "../../src/components/specs/decisionCurveSpec.js";
import {cohortColor, outcomeColors} from "../../src/components/specs/palette.js";
import {type RocSeries, rocSpec} from "../../src/components/specs/rocSpec.js";
import {scoreDistributionSpec} from "../../src/components/specs/scoreDistributionSpec.js";
import {LossNames, summariseTraining, trainingSpec} from "../../src/components/specs/trainingSpec.js";
import {objectiveResponse} from "../../src/components/stats/objectiveResponse.js";
import {cohortOrder} from "../../src/components/study/cohortOrder.js";
import {levelChoice} from "../../src/components/study/levelChoice.js";
import type {Level, Protocol} from "../../src/components/study/vocabulary.js";
import {classRocBands, classRocSeries} from "../../src/components/tables/classRoc.js";
import {cohortLabel} from "../../src/components/tables/inSample.js";
import {levelInputs} from "../../src/components/tables/levelInputs.js";
import type {FigureDefinition, SkippedFigure} from "./figureDefinition.js";
import type {FigureInputs} from "./figureInputs.js";
import {fileSlugs} from "./fileSlugs.js";

/**
 * The paper's figures for one protocol, drawn with the spec builders and the default view of the page that shows
 * each one, so a file matches what a reader of the site sees first:
 *   Fig 2 (training.md): trainingSpec, accuracy and loss per epoch;
 *   Fig 3 (discrimination.md): rocSpec of the four classes per cohort at the study's primary level, intervals of
 *     its configured CI method, the CR band (the page's default band);
 *   Fig 5a/b (objective-response.md): rocSpec of P(CR) + P(PR), every cohort, patch and patient level;
 *   Fig 5c/d (clinical-utility.md): decisionCurveSpec per cohort at patient level (the page opens there);
 *   Supplementary Fig 2 (objective-response.md): scoreDistributionSpec, responders against non-responders, per
 *     cohort at the primary level.
 */
export function paperFigures(
  inputs: FigureInputs,
  protocol: Protocol,
): {figures: FigureDefinition[]; skipped: SkippedFigure[]} {
  const {config} = inputs.protocol;
  const evaluation = inputs.metrics.protocols[protocol];
  const figures: FigureDefinition[] = [];
  const skipped: SkippedFigure[] = [];
  const training = config.cohorts.training;
  const cohorts = cohortOrder(Object.keys(evaluation.cohorts), training, config.cohorts.validation).cohorts;
  const slug = fileSlugs(cohorts);
  const level = levelChoice([evaluation], config.evaluation.primaryLevel).value;
  const {bootstrap, seed, ciLevel} = inputs.metrics.options;
  const aggregation = evaluation.options.aggregation;

  const curves = summariseTraining(inputs.training.curves, protocol);
  if (curves.length === 0) {
    skipped.push({id: "fig2", protocol, reason: inputs.training.emptyReason ?? "no training curves in this build"});
  } else {
    const names = [...new Set(curves.map((r) => r.cohort))];
    const loss = inputs.training.losses?.[protocol];
    figures.push({
      id: "fig2",
      file: `fig2-${protocol}`,
      caption: `Fig 2. Accuracy and loss per epoch, ${protocol} protocol.`,
      protocol,
      cohort: null,
      level: null,
      spec: (width) =>
        trainingSpec(curves, {
          cohorts: names,
          colors: names.map((_, i) => cohortColor(i)),
          lossName: (loss && LossNames[loss]) ?? "Loss",
          width,
          height: Math.round(width * 0.75),
        }),
    });
  }

  for (const cohort of cohorts) {
    const result = evaluation.cohorts[cohort]?.[level];
    if (!result) continue;
    const items = levelInputs(protocolPredictions(inputs.predictions, protocol, cohort), level, aggregation);
    const method = config.evaluation.ciMethod;
    const bands = classRocBands(items, {method, replicates: bootstrap, seed, ciLevel});
    const series = classRocSeries(result, method, bands).map((s) => (s.label === "CR" ? s : {...s, band: []}));
    figures.push({
      id: "fig3",
      file: `fig3-${protocol}-${slug(cohort)}`,
      caption: `Fig 3. One-vs-rest ROC curves of the four mRECIST classes, ${cohortLabel(cohort, training)}, ${level} level, ${protocol} protocol; CI by ${method}, band for CR.`,
      protocol,
      cohort,
      level,
      spec: (width) => rocSpec(series, {width, height: width}),
    });
  }

  for (const [id, orLevel] of [
    ["fig5a", "patch"],
    ["fig5b", "patient"],
  ] as const) {
    const series: RocSeries[] = cohorts.flatMap((c, i) => {
      const s = evaluation.cohorts[c]?.[orLevel]?.objectiveResponse;
      const ci = s ? (s.ciBootstrap ?? s.ciDeLong) : null;
      return s ? [{label: cohortLabel(c, training), color: cohortColor(i), auc: s.auc, ci, points: s.roc}] : [];
    });
    if (series.length === 0) {
      skipped.push({id, protocol, reason: `no ${orLevel}-level results (the predictions are one row per patient)`});
      continue;
    }
    figures.push({
      id,
      file: `${id}-${protocol}`,
      caption: `Fig ${id.slice(3)}. ROC of P(CR) + P(PR) for objective response, every cohort, ${orLevel} level, ${protocol} protocol.`,
      protocol,
      cohort: null,
      level: orLevel,
      spec: (width) => rocSpec(series, {width, height: width}),
    });
  }

  for (const cohort of cohorts) {
    const or = evaluation.cohorts[cohort]?.patient.objectiveResponse;
    if (!or) continue;
    figures.push({
      id: "fig5cd",
      file: `fig5cd-${protocol}-${slug(cohort)}`,
      caption: `Fig 5c/d. Decision curve of P(CR) + P(PR), ${cohortLabel(cohort, training)}, patient level, ${protocol} protocol (${or.nResponders} responders, ${or.nNonResponders} non-responders).`,
      protocol,
      cohort,
      level: "patient",
      spec: (width) =>
        decisionCurveSpec(or.decisionCurve, {width, height: Math.round(width * 0.6), modelLabel: "P(CR) + P(PR)"}),
    });
  }

  for (const cohort of cohorts) {
    const figure = scoreFigure(inputs, protocol, cohort, level, training);
    if (figure) figures.push({...figure, file: `suppfig2-${protocol}-${slug(cohort)}`});
  }
  return {figures, skipped};
}

/** Supplementary Fig 2 for one cohort: the score of responders beside that of non-responders. */
function scoreFigure(
  inputs: FigureInputs,
  protocol: Protocol,
  cohort: string,
  level: Level,
  training: string,
): FigureDefinition | null {
  const aggregation = inputs.metrics.protocols[protocol].options.aggregation;
  const items = levelInputs(protocolPredictions(inputs.predictions, protocol, cohort), level, aggregation);
  if (items.truth.length === 0) return null;
  const {outcome, score} = objectiveResponse(items.truth, items.probabilities);
  const responders = score.filter((_, i) => outcome[i] === 1);
  const nonResponders = score.filter((_, i) => outcome[i] === 0);
  const groups = [
    {group: `Responders, n = ${responders.length}`, color: outcomeColors.responder, scores: responders},
    {group: `Non-responders, n = ${nonResponders.length}`, color: outcomeColors.nonResponder, scores: nonResponders},
  ];
  return {
    id: "suppfig2",
    file: "",
    caption: `Supplementary Fig 2. P(CR) + P(PR) of responders and non-responders, ${cohortLabel(cohort, training)}, ${level} level, ${protocol} protocol.`,
    protocol,
    cohort,
    level,
    spec: (width) => scoreDistributionSpec(groups, {width, height: Math.round(width * 0.75)}),
  };
}
