import {progressRate} from "./progressRate.js";

/**
 * Progress on stderr: a redrawn bar on a terminal, otherwise one line per 10% (build logs stay readable), each with
 * the rate (patients/s) and the time left (progressRate.ts). Returns a `progress(stage, done, total)` effect.
 */
export function stderrProgress(
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = () => performance.now(),
): (stage: string, done: number, total: number) => void {
  const lastDecile = new Map<string, number>();
  const started = new Map<string, number>();
  return (stage, done, total) => {
    if (!started.has(stage) || done === 0) started.set(stage, now());
    const line = progressRate(done, total, (now() - (started.get(stage) ?? now())) / 1000);
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\r${stage} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${line}\x1b[K`);
      if (done >= total) stream.write("\n");
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== lastDecile.get(stage) || done === total) {
      lastDecile.set(stage, decile);
      stream.write(`${stage}: ${line}\n`);
    }
  };
}
