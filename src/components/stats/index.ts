export {assertBinary, assertFinite, assertSameLength} from "./assertFinite.js";
export {auc, aucSplit} from "./auc.js";
export {type AucSummary, type AucSummaryOptions, aucSummary} from "./aucSummary.js";
export {type BinaryData, splitBinary} from "./binaryData.js";
export {type BinaryMetrics, binaryMetrics, metricsFromCounts, type Proportion, proportion} from "./binaryMetrics.js";
export {
  type AucKernel,
  aucKernel,
  type BootstrapCi,
  type BootstrapOptions,
  bootstrapAucCi,
  bootstrapAucReplicates,
  clusterBootstrapAucCi,
  weightedAuc,
} from "./bootstrapAuc.js";
export {type Calibration, type CalibrationBin, type CalibrationOptions, calibration} from "./calibration.js";
export {chiSquareCdf, chiSquareSurvival} from "./chiSquare.js";
export {type ChiSquareTest, chiSquareTest} from "./chiSquareTest.js";
export {
  accuracy,
  argmax,
  balancedAccuracy,
  type ConfusionMatrix,
  cohenKappa,
  confusionMatrix,
} from "./confusionMatrix.js";
export {
  type DecisionCurveOptions,
  type DecisionPoint,
  decisionCurve,
  type NetBenefitDifference,
  netBenefitDifference,
  thresholdGrid,
} from "./decisionCurve.js";
export {aucCiDeLong, aucCiDeLongSplit, type DeLongPlacements, delongPlacements, delongVariance} from "./delong.js";
export {type DeLongTest, delongTest} from "./delongTest.js";
export {
  type Binary,
  type EvaluateOptions,
  type Evaluation,
  evaluatePredictions,
  type Level,
  type ObjectiveResponse,
  type PredictionRow,
  RESPONSE_CLASSES,
  type ResponseClass,
} from "./evaluateCohorts.js";
export {type FisherExactOptions, fisherExact} from "./fisherExact.js";
export {logGamma, regularizedGammaP, regularizedGammaQ} from "./gamma.js";
export {type KruskalWallis, kruskalWallis} from "./kruskalWallis.js";
export {type MannWhitney, type MannWhitneyOptions, mannWhitney} from "./mannWhitney.js";
export {normalCdf, normalDensity, normalQuantile, normalSurvival} from "./normal.js";
export {meanByGroup, objectiveResponse} from "./objectiveResponse.js";
export {oneVsRest} from "./oneVsRest.js";
export {quantile, quantileSorted} from "./quantile.js";
export {createRng, deriveSeed, type Rng} from "./random.js";
export {type Ranking, rank, sortedOrder} from "./rank.js";
export {clusterDesign, drawWeights, itemDesign, type ResampleDesign} from "./resample.js";
export {
  type JsonRocPoint,
  type JsonThreshold,
  jsonThreshold,
  type RocPoint,
  rocCurve,
  rocCurveSplit,
  rocPointToJson,
  type YoudenPoint,
  youden,
} from "./rocCurve.js";
export {wilsonInterval} from "./wilson.js";
