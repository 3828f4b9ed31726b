/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018) seeded through splitmix32, so every bootstrap,
 * weight initialisation and synthetic cohort is replayable from one integer.
 *
 * - `createRng(seed)`: the same seed gives the same stream on every platform (32-bit integer arithmetic only).
 * - `rng.next()`: uniform in [0, 1) with 53 random bits (two 32-bit outputs).
 * - `rng.int(n)`: uniform integer in [0, n), n a positive integer ≤ 2^32 (Lemire's multiply-shift with rejection,
 *   no modulo bias).
 * - `rng.ints(n, out)`: fills `out` with `out.length` draws of `rng.int(n)` — the same values, leaving the generator in
 *   the same state — with the state held in locals (about twice as fast per draw as `int` in a loop).
 * - `rng.normal()`: standard normal deviate (Marsaglia polar method; the second deviate of each pair is cached).
 * - `deriveSeed(seed, label)`: an independent seed for a named sub-stream, so results do not depend on the order
 *   in which independent computations draw from a shared generator.
 */
export interface Rng {
  /** Uniform double in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n); throws RangeError unless n is an integer in [1, 2^32]. */
  int(n: number): number;
  /** Fills `out` with `out.length` successive `int(n)` draws (identical values and stream); same RangeError. */
  ints(n: number, out: Uint32Array): void;
  /** Standard normal deviate (mean 0, sd 1). */
  normal(): number;
  /** The next raw 32-bit unsigned output. */
  uint32(): number;
}

function splitmix32(state: number): [next: number, output: number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [s, (z ^ (z >>> 16)) >>> 0];
}

/** Folds a finite seed (any safe integer, negative allowed) into 32 bits: low word XOR a mix of the high word. */
function foldSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, not ${seed}`);
  const low = seed >>> 0;
  const high = Math.floor(seed / 0x100000000) >>> 0;
  return (low ^ Math.imul(high, 0x9e3779b1)) >>> 0;
}

export function createRng(seed: number): Rng {
  let sm = foldSeed(seed);
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(sm);
    sm = next;
    words.push(out);
  }
  // State in an Int32Array: closure-captured numbers above 2^30 would be boxed on every update.
  const state = Int32Array.from(words);
  if ((words[0]! | words[1]! | words[2]! | words[3]!) === 0) state[0] = 1; // all-zero is a fixed point

  function uint32(): number {
    const a = state[0] as number;
    const b = state[1] as number;
    const c = state[2] as number;
    const d = state[3] as number;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    const c1 = c ^ a;
    const d1 = d ^ b;
    state[0] = a ^ d1;
    state[1] = b ^ c1;
    state[2] = c1 ^ t;
    state[3] = rotl(d1, 11);
    return result;
  }

  function next(): number {
    const hi = uint32() >>> 5; // 27 bits
    const lo = uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  function int(n: number): number {
    checkBound(n);
    if (n <= 0x200000) {
      // Lemire's multiply-shift: x·n < 2^53 is exact; reject the few low words that would bias the result.
      for (;;) {
        const m = uint32() * n;
        const hi = Math.floor(m / 0x100000000);
        const lo = m - hi * 0x100000000;
        if (lo >= n || lo >= (0x100000000 - n) % n) return hi;
      }
    }
    // Largest multiple of n not above 2^32; draws at or above it are rejected to avoid modulo bias.
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = uint32();
      if (x < limit) return x % n;
    }
  }

  /** `int(n)` repeated, with uint32's step inlined and the state in locals (written back once). */
  function ints(n: number, out: Uint32Array): void {
    checkBound(n);
    if (n > 0x200000) {
      for (let i = 0; i < out.length; i++) out[i] = int(n);
      return;
    }
    const reject = (0x100000000 - n) % n;
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    for (let i = 0; i < out.length; i++) {
      for (;;) {
        const x = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        const t = b << 9;
        const c1 = c ^ a;
        const d1 = d ^ b;
        a ^= d1;
        b ^= c1;
        c = c1 ^ t;
        d = rotl(d1, 11);
        const m = x * n;
        const hi = Math.floor(m / 0x100000000);
        const lo = m - hi * 0x100000000;
        if (lo >= n || lo >= reject) {
          out[i] = hi;
          break;
        }
      }
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
  }

  let spare: number | undefined;
  return {
    uint32,
    next,
    int,
    ints,
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      for (;;) {
        const u = 2 * next() - 1;
        const v = 2 * next() - 1;
        const s = u * u + v * v;
        if (s > 0 && s < 1) {
          const f = Math.sqrt((-2 * Math.log(s)) / s);
          spare = v * f;
          return u * f;
        }
      }
    },
  };
}

function checkBound(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 0x100000000) {
    throw new RangeError(`rng.int(n) needs an integer n in [1, 2^32], not ${n}`);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A seed for the named sub-stream `label` of `seed` (FNV-1a over the label, mixed with the folded seed). */
export function deriveSeed(seed: number, label: string): number {
  let h = foldSeed(seed) ^ 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const [, out] = splitmix32(h);
  return out;
}
