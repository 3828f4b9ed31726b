export type {CalibrationBin} from "../stats/calibration.js";
export {calibrationSpec} from "./calibrationSpec.js";
export {type DecisionCurvePoint, type DecisionCurveSpecOptions, decisionCurveSpec} from "./decisionCurveSpec.js";
export {classColors, cohortColor, cohortPalette, formatEstimate} from "./palette.js";
export {type RocSeries, type RocSpecOptions, rocLegendLabel, rocSpec} from "./rocSpec.js";
export {type ScoreGroupValues, scoreDistributionSpec} from "./scoreDistributionSpec.js";
export {
  summariseTraining,
  type TrainingCurve,
  type TrainingSpecOptions,
  type TrainingSummaryRow,
  trainingSpec,
} from "./trainingSpec.js";
