import {checkLevel} from "./delong.js";
import {normalQuantile} from "./normal.js";

/**
 * Wilson score interval for x successes in n trials, as R `prop.test(x, n, correct = FALSE)$conf.int`:
 * (x + z²/2 ∓ z·√(x(n − x)/n + z²/4)) / (n + z²). n = 0 → null. Throws RangeError unless 0 ≤ x ≤ n are integers.
 */
export function wilsonInterval(x: number, n: number, ciLevel = 0.95): [number, number] | null {
  checkLevel(ciLevel);
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || n < 0 || x > n) {
    throw new RangeError(`wilsonInterval needs integers 0 ≤ x ≤ n, not x = ${x}, n = ${n}`);
  }
  if (n === 0) return null;
  const z = normalQuantile(1 - (1 - ciLevel) / 2);
  const z2 = z * z;
  const center = x + z2 / 2;
  const half = z * Math.sqrt((x * (n - x)) / n + z2 / 4);
  return [Math.max(0, (center - half) / (n + z2)), Math.min(1, (center + half) / (n + z2))];
}
