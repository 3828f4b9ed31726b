/**
 * The machine's FP32 peak from /proc/cpuinfo, to express measured throughput as a fraction of what the cores can do
 * (evidence and method: ../shared/compute.md). Peak per core = FMA pipes × fp32 SIMD lanes × 2 FLOP (an FMA is a
 * multiply and an add) × clock. Assumptions, stated in the derivation: AVX-512F → 16 lanes, AVX2+FMA → 8 lanes,
 * otherwise SSE → 4 lanes with separate add and multiply (counted as 1 pipe × 2 FLOP); 2 pipes with FMA (Zen,
 * Haswell and later). Cores = physical cores (distinct physical id/core id pairs; SMT siblings share FMA units).
 */
export interface Fp32Ceiling {
  cores: number;
  ghz: number;
  lanes: number;
  pipes: number;
  gflopsPerSecond: number;
  /** Human-readable derivation, e.g. "2 FMA pipes × 8 fp32 lanes × 2 FLOP × 2.45 GHz × 2 cores = 157 GFLOP/s". */
  derivation: string;
}

/** ResNet50 at 224×224: ≈ 4.1 GMAC = 8.2 GFLOP per image (compute.md). */
export const ResNet50GflopPerImage = 8.2;

export function fp32Ceiling(cpuinfo: string): Fp32Ceiling {
  const blocks = cpuinfo.split(/\n\s*\n/).filter((b) => /^processor\s*:/m.test(b));
  if (blocks.length === 0) throw new Error("fp32Ceiling: expected /proc/cpuinfo text with processor entries, got none");
  const field = (block: string, key: string) => block.match(new RegExp(`^${key}\\s*:\\s*(.*)$`, "m"))?.[1]?.trim();
  const physical = new Set(blocks.map((b, i) => `${field(b, "physical id") ?? 0}/${field(b, "core id") ?? `p${i}`}`));
  const cores = physical.size;
  const mhz = blocks.map((b) => Number(field(b, "cpu MHz"))).filter((v) => Number.isFinite(v) && v > 0);
  if (mhz.length === 0) throw new Error("fp32Ceiling: expected a cpu MHz field in /proc/cpuinfo, got none");
  const ghz = Math.max(...mhz) / 1000;
  const flags = new Set((field(blocks[0]!, "flags") ?? "").split(/\s+/));
  const fma = flags.has("fma");
  const lanes = flags.has("avx512f") && fma ? 16 : flags.has("avx2") && fma ? 8 : 4;
  const pipes = fma ? 2 : 1;
  const gflopsPerSecond = pipes * lanes * 2 * ghz * cores;
  const isa = lanes === 16 ? "avx512f+fma" : lanes === 8 ? "avx2+fma" : "sse (no fma)";
  const derivation =
    `${isa}: ${pipes} ${fma ? "FMA" : "add/mul"} pipe${pipes > 1 ? "s" : ""} × ${lanes} fp32 lanes × 2 FLOP × ` +
    `${ghz.toFixed(2)} GHz × ${cores} core${cores > 1 ? "s" : ""} = ${gflopsPerSecond.toFixed(0)} GFLOP/s`;
  return {cores, ghz, lanes, pipes, gflopsPerSecond, derivation};
}
