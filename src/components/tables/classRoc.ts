import {classColors} from "../specs/palette.js";
import type {RocSeries} from "../specs/rocSpec.js";
import type {LevelEvaluation} from "../stats/evaluatePredictions.js";
import {type RocBandPoint, rocBand} from "../stats/rocBand.js";
import {type CiMethod, type ResponseLabel, ResponseLabels} from "../study/vocabulary.js";
import {ciOf, type LevelInputs} from "./levelInputs.js";

export interface ClassBandOptions {
  method: CiMethod;
  replicates: number;
  seed: number;
  ciLevel?: number;
}

/**
 * The live one-vs-rest ROC bands of the four classes (sensitivity at fixed specificities, `rocBand`) for one level's
 * items. DeLong gives an AUC interval but no curve band, and 0 replicates gives none, so both leave every band empty;
 * nor does Obuchowski's; the patient-cluster bootstrap resamples patients whenever the items carry them (patch level).
 */
export function classRocBands(inputs: LevelInputs, options: ClassBandOptions): Record<ResponseLabel, RocBandPoint[]> {
  const {method, replicates, seed, ciLevel} = options;
  const none = method === "delong" || method === "obuchowski" || replicates === 0;
  const band = (c: number): RocBandPoint[] =>
    none
      ? []
      : rocBand(
          inputs.truth.map((t) => (t === c ? 1 : 0)),
          inputs.probabilities.map((p) => p[c] as number),
          {
            replicates,
            seed,
            ...(ciLevel === undefined ? {} : {ciLevel}),
            ...(method === "cluster" && inputs.clusters ? {clusters: inputs.clusters} : {}),
          },
        );
  return Object.fromEntries(ResponseLabels.map((label, c) => [label, band(c)])) as Record<
    ResponseLabel,
    RocBandPoint[]
  >;
}

/** The four classes' ROC curves of one level as figure series: class colour, AUC with the chosen interval, band. */
export function classRocSeries(
  level: LevelEvaluation,
  method: CiMethod,
  bands: Readonly<Record<ResponseLabel, readonly RocBandPoint[]>>,
): RocSeries[] {
  return ResponseLabels.map((label) => {
    const s = level.perClass[label];
    return {label, color: classColors[label], auc: s.auc, ci: ciOf(s, method), points: s.roc, band: bands[label]};
  });
}
