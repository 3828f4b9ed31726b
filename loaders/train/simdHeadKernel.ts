/**
 * The two inner loops of the head's training (trainHead.ts) as a WebAssembly SIMD module, built here byte by byte
 * (there is no compiler in the build): over the non-zero entries of one row-compressed embedding row (sparseRows.ts),
 *
 *   logits:   out[0..3] = bias[0..3] + Σ_e value[e] · W[column[e]][0..3]
 *   gradient: grad[column[e]][0..3] += value[e] · d[0..3]   for every e
 *
 * in float64, two classes per f64x2 lane pair. Wasm SIMD has no fused multiply-add, so each lane computes exactly the
 * scalar loop's `l += v * w` (one rounded product, one rounded sum, in the same order): the weights are bit-identical
 * to the JavaScript loop's (test/loaders/train/simdHeadKernel.test.ts checks it), about three times faster.
 *
 * All operands live in the instance's own memory: a training allocates its layout once (`reserve`) and reads and writes
 * the weights, gradient and rows through Float64Array / Float32Array views over it.
 */
export interface SimdHeadKernel {
  memory: WebAssembly.Memory;
  /** Grows the memory to at least `bytes`; views made before a call are then stale (make them after). */
  reserve(bytes: number): void;
  logits(weights: number, bias: number, column: number, value: number, from: number, to: number, out: number): void;
  gradient(grad: number, column: number, value: number, from: number, to: number, d: number): void;
}

const I32 = 0x7f;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

// Instructions (WebAssembly core 2.0 with fixed-width SIMD).
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const i32Const = (n: number) => [0x41, ...uleb(n)]; // non-negative and < 64 here, so its LEB128 is its SLEB128
const simd = (op: number, ...rest: number[]) => [0xfd, ...uleb(op), ...rest];
const memarg = (alignLog2: number, offset: number) => [...uleb(alignLog2), ...uleb(offset)];
const v128Load = (offset: number) => simd(0x00, ...memarg(0, offset));
const v128Store = (offset: number) => simd(0x0b, ...memarg(0, offset));
const f64x2Splat = simd(0x14);
const f64x2Add = simd(0xf0);
const f64x2Mul = simd(0xf2);
const i32Add = [0x6a];
const i32Shl = [0x74];
const i32GeU = [0x4f];
const f32Load = [0x2a, ...memarg(2, 0)];
const f64PromoteF32 = [0xbb];
const i32Load16U = [0x2f, ...memarg(1, 0)];
const block = [0x02, 0x40];
const loop = [0x03, 0x40];
const end = [0x0b];
const brIf = (depth: number) => [0x0d, ...uleb(depth)];
const br = (depth: number) => [0x0c, ...uleb(depth)];

/**
 * for (e = from; e < to; e++) { v = splat(f64(value[e])); o = base + column[e] · 32; body }
 * with params (…, column, value, from, to, …) at the given local indices and locals e, v, o.
 */
function overEntries(
  locals: {column: number; value: number; from: number; to: number; base: number; e: number; v: number; o: number},
  body: number[],
): number[] {
  const {column, value, from, to, base, e, v, o} = locals;
  return [
    ...get(from),
    ...set(e),
    ...block,
    ...loop,
    ...get(e),
    ...get(to),
    ...i32GeU,
    ...brIf(1),
    // v = splat(promote(value[e]))
    ...get(value),
    ...get(e),
    ...i32Const(2),
    ...i32Shl,
    ...i32Add,
    ...f32Load,
    ...f64PromoteF32,
    ...f64x2Splat,
    ...set(v),
    // o = base + column[e] << 5 (a row of 4 float64 is 32 bytes)
    ...get(base),
    ...get(column),
    ...get(e),
    ...i32Const(1),
    ...i32Shl,
    ...i32Add,
    ...i32Load16U,
    ...i32Const(5),
    ...i32Shl,
    ...i32Add,
    ...set(o),
    ...body,
    ...get(e),
    ...i32Const(1),
    ...i32Add,
    ...set(e),
    ...br(0),
    ...end,
    ...end,
  ];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  // logits(weights, bias, column, value, from, to, out); locals e, o: i32; v, a01, a23: v128
  const logitsBody = [
    ...vec([
      [2, I32],
      [3, V128],
    ]),
    ...get(1),
    ...v128Load(0),
    ...set(10),
    ...get(1),
    ...v128Load(16),
    ...set(11),
    ...overEntries({column: 2, value: 3, from: 4, to: 5, base: 0, e: 7, o: 8, v: 9}, [
      ...get(10),
      ...get(9),
      ...get(8),
      ...v128Load(0),
      ...f64x2Mul,
      ...f64x2Add,
      ...set(10),
      ...get(11),
      ...get(9),
      ...get(8),
      ...v128Load(16),
      ...f64x2Mul,
      ...f64x2Add,
      ...set(11),
    ]),
    ...get(6),
    ...get(10),
    ...v128Store(0),
    ...get(6),
    ...get(11),
    ...v128Store(16),
    ...end,
  ];
  // gradient(grad, column, value, from, to, d); locals e, o: i32; v, d01, d23: v128
  const gradientBody = [
    ...vec([
      [2, I32],
      [3, V128],
    ]),
    ...get(5),
    ...v128Load(0),
    ...set(9),
    ...get(5),
    ...v128Load(16),
    ...set(10),
    ...overEntries({column: 1, value: 2, from: 3, to: 4, base: 0, e: 6, o: 7, v: 8}, [
      ...get(7),
      ...get(7),
      ...v128Load(0),
      ...get(8),
      ...get(9),
      ...f64x2Mul,
      ...f64x2Add,
      ...v128Store(0),
      ...get(7),
      ...get(7),
      ...v128Load(16),
      ...get(8),
      ...get(10),
      ...f64x2Mul,
      ...f64x2Add,
      ...v128Store(16),
    ]),
    ...end,
  ];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(
      1,
      vec([
        [0x60, ...vec(Array.from({length: 7}, () => [I32])), ...vec([])],
        [0x60, ...vec(Array.from({length: 6}, () => [I32])), ...vec([])],
      ]),
    ),
    ...section(3, vec([[0], [1]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(
      7,
      vec([
        [...name("memory"), 0x02, 0],
        [...name("logits"), 0x00, 0],
        [...name("gradient"), 0x00, 1],
      ]),
    ),
    ...section(
      10,
      vec([
        [...uleb(logitsBody.length), ...logitsBody],
        [...uleb(gradientBody.length), ...gradientBody],
      ]),
    ),
  ];
  return Uint8Array.from(bytes);
}

let compiled: WebAssembly.Module | null | undefined;

/** A fresh kernel instance (its own memory), or null where the runtime has no WebAssembly SIMD. */
export function simdHeadKernel(): SimdHeadKernel | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(moduleBytes());
    } catch {
      compiled = null;
    }
  }
  if (!compiled) return null;
  const exports = new WebAssembly.Instance(compiled, {}).exports as unknown as {
    memory: WebAssembly.Memory;
    logits: SimdHeadKernel["logits"];
    gradient: SimdHeadKernel["gradient"];
  };
  const {memory} = exports;
  return {
    memory,
    reserve(bytes) {
      const pages = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
      if (pages > 0) memory.grow(pages);
    },
    logits: exports.logits,
    gradient: exports.gradient,
  };
}
