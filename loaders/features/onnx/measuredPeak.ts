import {availableParallelism} from "node:os";
import type * as Ort from "onnxruntime-node";
import {createRng} from "../../../src/components/stats/random.js";
import {GraphBuilder} from "./graphBuilder.js";

/**
 * The cores' measured peak, beside the /proc/cpuinfo formula (fp32Ceiling.ts), which takes the base clock and so
 * undercounts a CPU that boosts (a backbone then ran at "123% of the ceiling"). A large square product on ONNX
 * Runtime's own kernels (MLAS, the GEMM its convolutions run on) is compute-bound: 2n³ operations on 3n² values.
 *   fp32: MatMul of float32 [n, n] × [n, n], 2n³ FLOP per run.
 *   int8: MatMulInteger of uint8 × int8 into int32, 2n³ integer operations per run (the u8s8 kernel QLinearConv
 *   uses; VNNI's vpdpbusd where the CPU has it).
 * The best of `repeats` timed runs (after one warm-up) is the peak: interference from other work only slows a run.
 */
export interface MeasuredPeak {
  kind: "fp32" | "int8";
  n: number;
  threads: number;
  /** GFLOP/s (fp32) or G integer op/s (int8). */
  gopsPerSecond: number;
  /** e.g. "MatMul 1024² fp32 on ONNX Runtime, 2 threads, best of 20 runs: 2.15 GFLOP in 9.1 ms = 236 GFLOP/s". */
  derivation: string;
}

/** The one-node graph: input `a` [n, n], constant `b` [n, n] (seeded values), output `y`. */
export function peakGraph(kind: "fp32" | "int8", n: number): Uint8Array {
  const g = new GraphBuilder();
  const rng = createRng(2020);
  if (kind === "fp32") {
    const a = g.input("a", "float", [n, n]);
    const b = g.floatConstant(
      "b",
      [n, n],
      Float32Array.from({length: n * n}, () => rng.normal()),
    );
    g.node("MatMul", [a, b], {}, "y");
    g.output("y", "float", [n, n]);
  } else {
    const a = g.input("a", "uint8", [n, n]);
    const b = g.quantizedConstant(
      "b",
      [n, n],
      Int8Array.from({length: n * n}, () => rng.int(255) - 127),
    );
    g.node("MatMulInteger", [a, b], {}, "y");
    g.output("y", "int32", [n, n]);
  }
  return g.encode({graphName: `peak_${kind}`, opset: 13, producer: "tace-workbench measuredPeak", metadata: {}});
}

export async function measurePeak(
  kind: "fp32" | "int8",
  opts: {n?: number; threads?: number; repeats?: number} = {},
): Promise<MeasuredPeak> {
  const n = opts.n ?? 1024;
  const threads = opts.threads ?? availableParallelism();
  const repeats = opts.repeats ?? 20;
  const ort = (await import("onnxruntime-node")) as typeof Ort;
  const session = await ort.InferenceSession.create(peakGraph(kind, n), {
    graphOptimizationLevel: "all",
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionProviders: ["cpu"],
  });
  try {
    const rng = createRng(7);
    const a =
      kind === "fp32"
        ? new ort.Tensor(
            "float32",
            Float32Array.from({length: n * n}, () => rng.normal()),
            [n, n],
          )
        : new ort.Tensor(
            "uint8",
            Uint8Array.from({length: n * n}, () => rng.int(256)),
            [n, n],
          );
    (await session.run({a})).y?.dispose(); // warm-up: thread pool, packing buffers
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < repeats; r++) {
      const start = performance.now();
      const out = await session.run({a});
      best = Math.min(best, performance.now() - start);
      out.y?.dispose();
    }
    const gops = (2 * n ** 3) / 1e9;
    const gopsPerSecond = gops / (best / 1000);
    const unit = kind === "fp32" ? "GFLOP" : "G int8 op";
    const what = kind === "fp32" ? "MatMul fp32" : "MatMulInteger u8×s8→s32";
    return {
      kind,
      n,
      threads,
      gopsPerSecond,
      derivation:
        `${what} ${n}² on ONNX Runtime, ${threads} thread${threads > 1 ? "s" : ""}, best of ${repeats} runs: ` +
        `${gops.toFixed(2)} ${unit} in ${best.toFixed(1)} ms = ${gopsPerSecond.toFixed(0)} ${unit}/s`,
    };
  } finally {
    await session.release();
  }
}
