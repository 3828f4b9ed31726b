import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {chooseRidgeLambda} from "../../../src/components/clinicalBaseline/chooseRidgeLambda.js";
import {createRng} from "../../../src/components/stats/random.js";

/** n patients in 3 classes; `signal` scales how strongly the first predictor separates them; the rest are noise. */
function data(n: number, predictors: number, signal: number, seed: number) {
  const rng = createRng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    y.push(c);
    x.push(Array.from({length: predictors}, (_, j) => (j === 0 ? signal * (c - 1) : 0) + rng.normal()));
  }
  return {x, y};
}

const grid = [0.001, 0.1, 1, 10, 100, 1000];

describe("chooseRidgeLambda", () => {
  it("returns one cross-validated deviance per λ and picks the smallest", () => {
    const {x, y} = data(60, 3, 2, 1);
    const choice = chooseRidgeLambda(x, y, 3, grid, 5, 1);
    assert.equal(choice.folds, 5);
    assert.equal(chooseRidgeLambda(x.slice(0, 3), y.slice(0, 3), 3, grid, 5, 1).folds, 3, "never more folds than rows");
    assert.deepEqual(
      choice.path.map((p) => p.lambda),
      grid,
    );
    const deviances = choice.path.map((p) => p.deviance);
    assert.ok(deviances.every((d) => d !== null && d > 0));
    const best = Math.min(...(deviances as number[]));
    assert.equal(choice.path.find((p) => p.lambda === choice.lambda)?.deviance, best);
  });

  it("keeps a strong signal (small λ) and shrinks pure noise (large λ)", () => {
    const strong = data(90, 2, 3, 2);
    assert.ok(chooseRidgeLambda(strong.x, strong.y, 3, grid, 5, 1).lambda <= 1);
    const noise = data(30, 12, 0, 3);
    assert.ok(chooseRidgeLambda(noise.x, noise.y, 3, grid, 5, 1).lambda >= 10);
  });

  it("is reproducible from its seed", () => {
    const {x, y} = data(45, 4, 1, 4);
    assert.deepEqual(chooseRidgeLambda(x, y, 3, grid, 5, 9), chooseRidgeLambda(x, y, 3, grid, 5, 9));
  });

  it("gives ties to the larger λ (the simpler model), whatever the order of the grid", () => {
    // A predictor of negligible size (1e-300) moves no fit at any λ, so every λ has the same deviance.
    const y = Array.from({length: 30}, (_, i) => i % 3);
    const x = y.map((_, i) => [i % 2 === 0 ? 1e-300 : 0]);
    for (const order of [
      [0.5, 2, 8],
      [8, 2, 0.5],
      [2, 8, 0.5],
    ]) {
      const choice = chooseRidgeLambda(x, y, 3, order, 3, 1);
      const ds = choice.path.map((p) => p.deviance);
      assert.ok(
        ds.every((d) => d === ds[0]),
        `expected tied deviances, got ${ds}`,
      );
      assert.equal(choice.lambda, 8, `grid ${order}`);
    }
  });

  it("marks a λ whose folds cannot be fitted as null, and falls back to the largest λ when none can", () => {
    // Class 2 has a single patient: the fold holding it trains without class 2, which the fit refuses.
    const y = [0, 1, 0, 1, 0, 1, 0, 1, 2];
    const x = y.map((c, i) => [c + 0.1 * i]);
    const choice = chooseRidgeLambda(x, y, 3, [0.1, 10], 3, 1);
    assert.deepEqual(
      choice.path.map((p) => p.deviance),
      [null, null],
    );
    assert.equal(choice.lambda, 10);
  });

  it("refuses an empty grid", () => {
    assert.throws(() => chooseRidgeLambda([[1], [2]], [0, 1], 2, [], 2, 1), /at least one λ/);
  });
});
