import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";
import {simdHeadKernel} from "../../../loaders/train/simdHeadKernel.js";
import {sparseRows} from "../../../loaders/train/sparseRows.js";

// The kernel's two loops against the scalar loops they replace (trainHead.ts's dense `accumulate`): the same
// products summed in the same order, so every float64 must be bit-identical, not merely close.
const columns = 64;

function layout(x: Float32Array, weights: Float64Array, bias: Float64Array) {
  const kernel = simdHeadKernel();
  assert.ok(kernel, "Node's WebAssembly has SIMD");
  const rows = sparseRows(x, columns);
  const W = 0;
  const B = weights.length * 8;
  const G = B + 32;
  const D = G + weights.length * 8;
  const OUT = D + 32;
  const C = OUT + 32;
  const V = C + Math.ceil((rows.column.length * 2) / 16) * 16;
  kernel.reserve(V + rows.value.length * 4 + 16);
  const buf = kernel.memory.buffer;
  new Float64Array(buf, W, weights.length).set(weights);
  new Float64Array(buf, B, 4).set(bias);
  new Uint16Array(buf, C, rows.column.length).set(rows.column);
  new Float32Array(buf, V, rows.value.length).set(rows.value);
  return {kernel, rows, buf, W, B, G, D, OUT, C, V};
}

const matrix = fc.integer({min: 1, max: 5}).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(fc.oneof(fc.constant(0), fc.float({noNaN: true, min: -4, max: 4})), {
      minLength: n * columns,
      maxLength: n * columns,
    }),
    fc.array(fc.double({noNaN: true, min: -1, max: 1}), {minLength: columns * 4, maxLength: columns * 4}),
    fc.array(fc.double({noNaN: true, min: -1, max: 1}), {minLength: 4, maxLength: 4}),
  ),
);

test("simdHeadKernel: logits and gradient are bit-identical to the scalar loops", () => {
  fc.assert(
    fc.property(matrix, ([n, values, w, delta]) => {
      const x = Float32Array.from(values);
      const weights = Float64Array.from(w);
      const bias = Float64Array.from([0.1, -0.2, 0.3, -0.4]);
      const {kernel, rows, buf, W, B, G, D, OUT, C, V} = layout(x, weights, bias);
      new Float64Array(buf, D, 4).set(delta);
      for (let r = 0; r < n; r++) {
        const expected = Float64Array.from(bias);
        for (let j = 0; j < columns; j++) {
          const v = x[r * columns + j] as number;
          if (v === 0) continue;
          for (let c = 0; c < 4; c++) expected[c] = (expected[c] as number) + v * (weights[j * 4 + c] as number);
        }
        kernel.logits(W, B, C, V, rows.start[r] as number, rows.start[r + 1] as number, OUT);
        assert.deepEqual([...new Float64Array(buf, OUT, 4)], [...expected]);

        const before = new Float64Array(buf, G, columns * 4).slice();
        kernel.gradient(G, C, V, rows.start[r] as number, rows.start[r + 1] as number, D);
        for (let j = 0; j < columns; j++) {
          const v = x[r * columns + j] as number;
          if (v === 0) continue;
          for (let c = 0; c < 4; c++) before[j * 4 + c] = (before[j * 4 + c] as number) + v * (delta[c] as number);
        }
        assert.deepEqual([...new Float64Array(buf, G, columns * 4)], [...before]);
      }
    }),
    {seed: 7, numRuns: 60},
  );
});

test("sparseRows: keeps each row's non-zero entries in column order, and -0 counts as zero", () => {
  const x = Float32Array.from([0, 1.5, 0, -2, -0, 0, 0, 3]);
  const rows = sparseRows(x, 4);
  assert.deepEqual([...rows.start], [0, 2, 3]);
  assert.deepEqual([...rows.column], [1, 3, 3]);
  assert.deepEqual([...rows.value], [1.5, -2, 3]);
  assert.equal(sparseRows(x, 4), rows, "computed once per array");
});
