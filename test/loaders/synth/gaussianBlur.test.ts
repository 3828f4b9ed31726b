import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {blurAxis, gaussianBlur, normalFill, randomField} from "../../../loaders/synth/gaussianBlur.js";
import {createRng} from "../../../src/components/stats/random.js";

describe("gaussianBlur / randomField / normalFill", () => {
  it("leaves a constant volume unchanged along every axis", () => {
    const data = new Float32Array(5 * 6 * 7).fill(3);
    gaussianBlur(data, [5, 6, 7], [1.5, 2, 0.8]);
    assert.ok(data.every((v) => Math.abs(v - 3) < 1e-5));
  });
  it("spreads an impulse symmetrically and keeps its mass along y", () => {
    const [nx, ny, nz] = [3, 21, 2];
    const data = new Float32Array(nx * ny * nz);
    data[1 + nx * 10] = 1;
    blurAxis(data, [nx, ny, nz], 1, 2);
    let sum = 0;
    for (let j = 0; j < ny; j++) sum += data[1 + nx * j] as number;
    assert.ok(Math.abs(sum - 1) < 1e-5);
    assert.ok(Math.abs((data[1 + nx * 8] as number) - (data[1 + nx * 12] as number)) < 1e-7);
    assert.equal(data[0], 0);
  });
  it("randomField is standardised to mean 0, sd 1 and is smooth at its correlation length", () => {
    const f = randomField([32, 32, 8], [1, 1, 2], 3, createRng(1));
    const n = f.length;
    const mean = f.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(f.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    assert.ok(Math.abs(mean) < 1e-4 && Math.abs(sd - 1) < 1e-3);
    let lag1 = 0;
    for (let i = 0; i + 1 < n; i++) if ((i + 1) % 32 !== 0) lag1 += (f[i] as number) * (f[i + 1] as number);
    assert.ok(lag1 / (n - n / 32) > 0.8, "neighbouring voxels are strongly correlated");
  });
  it("normalFill gives standard normal deviates", () => {
    const x = normalFill(new Float32Array(200000), createRng(2));
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length);
    assert.ok(Math.abs(mean) < 0.01 && Math.abs(sd - 1) < 0.01, `mean ${mean}, sd ${sd}`);
    const tail = x.filter((v) => Math.abs(v) > 1.96).length / x.length;
    assert.ok(Math.abs(tail - 0.05) < 0.005, `two-sided 5% tail: ${tail}`);
  });
});
