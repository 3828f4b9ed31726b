/**
 * What every pipeline stage reports to the one who runs it: progress and log lines on the way (the effects), and
 * afterwards how long it took and whether the cache served it (the Protocol page lists these timings in run order).
 * Kept apart from runPipeline.ts so the stage modules it calls can share them without importing it back.
 */
export interface PipelineEffects {
  log(message: string): void;
  progress?(stage: string, done: number, total: number): void;
}

export interface StageTiming {
  stage: string;
  seconds: number;
  cached: boolean;
}

/** A stage's value with its wall-clock time: what a timed stage stores in its cache entry's done.json. */
export interface Timed<T> {
  seconds: number;
  value: T;
}

export async function timed<T>(make: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const value = await make();
  return {seconds: (performance.now() - start) / 1000, value};
}
