import {progressRate} from "./progressRate.js";

/** Where progress goes: stderr, or a command's io.stderr (tests capture it). */
export interface ProgressOutput {
  write(text: string): void;
  /** A terminal gets one bar redrawn in place; anything else (a build log, a Slurm log, a test) gets lines. */
  isTTY?: boolean | undefined;
}

export interface ProgressDisplay {
  progress(stage: string, done: number, total: number): void;
  /** A log line, printed above a bar being drawn. */
  log(message: string): void;
}

/**
 * The one progress display of every command and of the build: on a terminal a bar per stage redrawn in place, with
 * log lines printed above it; otherwise one line per 10% ("preprocess: 12/180 (7%), 1.4 patients/s, 2 min left"),
 * so build and cluster logs stay readable. Rate and time left come from progressRate.ts.
 */
export function progressDisplay(
  out: ProgressOutput = process.stderr,
  now: () => number = () => performance.now(),
): ProgressDisplay {
  const lastDecile = new Map<string, number>();
  // A stage's clock: when, and at what count, its first report (or a restart at 0) came in.
  const started = new Map<string, {at: number; done: number}>();
  let bar = "";
  return {
    progress(stage, done, total) {
      const t = now();
      let clock = started.get(stage);
      if (clock === undefined || done === 0) {
        clock = {at: t, done};
        started.set(stage, clock);
      }
      const line = progressRate(done, total, (t - clock.at) / 1000, "patients", clock.done);
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      if (out.isTTY) {
        const width = 30;
        const filled = Math.round(fraction * width);
        bar = `${stage.padEnd(10)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${line}`;
        out.write(`\r${bar}\x1b[K${done >= total ? "\n" : ""}`);
        if (done >= total) bar = "";
        return;
      }
      const decile = Math.floor(fraction * 10);
      if (decile !== lastDecile.get(stage) || done === total) {
        lastDecile.set(stage, decile);
        out.write(`${stage}: ${line}\n`);
      }
    },
    log(message) {
      out.write(bar ? `\r\x1b[K${message}\n\r${bar}` : `${message}\n`);
    },
  };
}

/** The display's `progress` on process.stderr: what the pipeline's effects take. */
export function stderrProgress(
  out: ProgressOutput = process.stderr,
  now?: () => number,
): (stage: string, done: number, total: number) => void {
  return progressDisplay(out, now).progress;
}
