import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {fp32Ceiling} from "../../../../loaders/features/onnx/fp32Ceiling.js";

const cpu = (id: number, core: number, flags: string, mhz = "2445.432") =>
  `processor\t: ${id}\nmodel name\t: AMD EPYC\ncpu MHz\t\t: ${mhz}\nphysical id\t: 0\ncore id\t\t: ${core}\nflags\t\t: fpu sse2 ${flags}\n`;

describe("fp32Ceiling(cpuinfo)", () => {
  it("2 cores with avx2+fma at 2.445 GHz: 2 × 8 × 2 × 2.445 × 2 ≈ 156.5 GFLOP/s (compute.md: ≈157)", () => {
    const c = fp32Ceiling([cpu(0, 0, "avx2 fma"), cpu(1, 1, "avx2 fma")].join("\n"));
    assert.equal(c.cores, 2);
    assert.equal(c.lanes, 8);
    assert.ok(Math.abs(c.gflopsPerSecond - 156.507648) < 1e-6);
    assert.match(c.derivation, /^avx2\+fma: 2 FMA pipes × 8 fp32 lanes × 2 FLOP × 2\.45 GHz × 2 cores = 157 GFLOP\/s$/);
  });
  it("counts SMT siblings (same core id) once; avx512f doubles the lanes; no fma falls back to 4 lanes, 1 pipe", () => {
    assert.equal(fp32Ceiling([cpu(0, 0, "avx2 fma"), cpu(1, 0, "avx2 fma")].join("\n")).cores, 1);
    assert.equal(fp32Ceiling(cpu(0, 0, "avx2 fma avx512f")).lanes, 16);
    const old = fp32Ceiling(cpu(0, 0, "sse4_2", "2000"));
    assert.deepEqual([old.lanes, old.pipes, old.gflopsPerSecond], [4, 1, 16]);
  });
  it("rejects text without processors or clock", () => {
    assert.throws(() => fp32Ceiling(""), /expected \/proc\/cpuinfo text with processor entries/);
    assert.throws(() => fp32Ceiling("processor\t: 0\nflags\t: fma\n"), /expected a cpu MHz field/);
  });
});
