import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  effectiveWeights,
  headFromJson,
  headOutputs,
  headProbabilities,
  headToJson,
  initHead,
} from "../../models/head.js";

describe("models/head", () => {
  const x = Float32Array.from({length: 3 * 2048}, (_, i) => ((i * 37) % 101) / 50);

  it("initHead(kind, 2048, 4, seed) is Glorot-uniform from the seeded PRNG: same seed, same weights", () => {
    const a = initHead("sigmoid", 2048, 4, 9);
    const limit = Math.sqrt(6 / 2052);
    assert.ok(a.weights.every((w) => Math.abs(w) <= limit));
    assert.deepEqual(initHead("sigmoid", 2048, 4, 9).weights, a.weights);
    assert.notDeepEqual(initHead("sigmoid", 2048, 4, 10).weights, a.weights);
  });

  it('initHead(…, "narrowNormal") draws N(0, 0.01²) weights (MATLAB R2018a\'s fc layer), zero biases, seeded', () => {
    const a = initHead("softmax", 2048, 4, 9, "narrowNormal");
    const n = a.weights.length;
    const mean = a.weights.reduce((s, w) => s + w, 0) / n;
    const sd = Math.sqrt(a.weights.reduce((s, w) => s + (w - mean) ** 2, 0) / (n - 1));
    assert.ok(Math.abs(mean) < 3 * (0.01 / Math.sqrt(n)), `mean ${mean}`);
    assert.ok(Math.abs(sd - 0.01) < 0.0005, `sd ${sd}`);
    assert.deepEqual([...a.bias], [0, 0, 0, 0]);
    assert.deepEqual(initHead("softmax", 2048, 4, 9, "narrowNormal").weights, a.weights);
    // Normal, not uniform: P(|w| > 2σ) = 4.55% (a uniform of the same sd has none beyond √3σ).
    const tail = a.weights.filter((w) => Math.abs(w) > 0.02).length / n;
    assert.ok(tail > 0.035 && tail < 0.056, `tail ${tail}`);
  });

  it("headProbabilities sums to 1 per row for softmax, and normalises the sigmoid outputs", () => {
    for (const kind of ["softmax", "sigmoid"] as const) {
      const head = initHead(kind, 2048, 4, 1);
      const p = headProbabilities(head, x, 3);
      for (let i = 0; i < 3; i++)
        assert.ok(Math.abs(p[i * 4]! + p[i * 4 + 1]! + p[i * 4 + 2]! + p[i * 4 + 3]! - 1) < 1e-12);
    }
    const sig = initHead("sigmoid", 2048, 4, 1);
    const raw = headOutputs(sig, x, 3);
    assert.ok(raw.every((v) => v > 0 && v < 1));
  });

  it("headToJson → headFromJson reproduces the outputs exactly, standardisation included", () => {
    const head = initHead("softmax", 2048, 4, 1);
    head.standardize = {mean: new Float64Array(2048).fill(0.5), scale: new Float64Array(2048).fill(2)};
    const back = headFromJson(JSON.parse(JSON.stringify(headToJson(head))), "head.json");
    assert.deepEqual(headOutputs(back, x, 3), headOutputs(head, x, 3));
    assert.deepEqual(effectiveWeights(back)[0], head.weights[0]! / 2);
  });

  it("headFromJson rejects wrong shapes and non-finite weights, naming the file", () => {
    const json = headToJson(initHead("softmax", 2048, 4, 1));
    assert.throws(() => headFromJson({...json, bias: [0]}, "h.json"), /h\.json: expected 2048×4 weights and 4 biases/);
    assert.throws(
      () => headFromJson({...json, weights: json.weights.map(() => Number.NaN)}, "h.json"),
      /must be finite/,
    );
  });
});

describe("models/head saturation", () => {
  it("normalised sigmoid probabilities stay finite when every sigmoid output underflows to 0", () => {
    const head = initHead("sigmoid", 2048, 4, 1);
    head.bias.set([-800, -801, -900, -1000]);
    const p = headProbabilities(head, new Float32Array(2048), 1);
    assert.ok(p.every(Number.isFinite));
    assert.ok(Math.abs(p[0]! / p[1]! - Math.E) < 1e-9); // σ(z) ≈ e^z far below 0
  });
});
