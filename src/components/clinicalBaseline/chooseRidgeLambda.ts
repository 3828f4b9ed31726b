import {fitMultinomial, predictMultinomial} from "../stats/multinomialLogistic.js";
import {stratifiedFolds} from "../stats/stratifiedFolds.js";

/**
 * The ridge penalty with the smallest k-fold cross-validated deviance (−2 Σ log p̂ of the held-out class), folds
 * stratified by class and seeded. A fold whose training part lacks a class, or whose fit fails, makes that λ's
 * deviance null (not comparable); if every λ fails the largest is used, the safest against overfitting.
 * Ties go to the larger λ (the simpler model).
 */
export interface RidgeChoice {
  lambda: number;
  path: Array<{lambda: number; deviance: number | null}>;
  /** The k actually used: `folds`, or fewer when there are fewer rows (the pages state it from here). */
  folds: number;
}

export function chooseRidgeLambda(
  x: readonly number[][],
  y: readonly number[],
  classes: number,
  grid: readonly number[],
  folds: number,
  seed: number,
): RidgeChoice {
  if (grid.length === 0) throw new RangeError("chooseRidgeLambda: expected at least one λ");
  const k = Math.min(folds, y.length);
  const fold = stratifiedFolds(y, k, seed);
  const path = grid.map((lambda) => {
    let deviance = 0;
    for (let f = 0; f < k; f++) {
      const trainRows: number[][] = [];
      const trainY: number[] = [];
      const testRows: number[][] = [];
      const testY: number[] = [];
      for (let i = 0; i < y.length; i++) {
        if (fold[i] === f) {
          testRows.push(x[i] as number[]);
          testY.push(y[i] as number);
        } else {
          trainRows.push(x[i] as number[]);
          trainY.push(y[i] as number);
        }
      }
      try {
        const fit = fitMultinomial(trainRows, trainY, classes, {lambda});
        const probs = predictMultinomial(fit, testRows);
        probs.forEach((p, i) => {
          deviance -= 2 * Math.log(Math.max(1e-15, p[testY[i] as number] as number));
        });
      } catch {
        return {lambda, deviance: null};
      }
    }
    return {lambda, deviance};
  });
  let best: {lambda: number; deviance: number} | null = null;
  for (const point of path) {
    if (point.deviance === null) continue;
    // Compare λ too, not the grid order: a grid given in descending order must still break ties towards the larger.
    const better =
      best === null ||
      point.deviance < best.deviance ||
      (point.deviance === best.deviance && point.lambda > best.lambda);
    if (better) best = {lambda: point.lambda, deviance: point.deviance};
  }
  return {lambda: best?.lambda ?? Math.max(...grid), path, folds: k};
}
