/**
 * Throughput and time left for a progress line: "12/180 (7%), 1.4 patients/s, 2 min left". The rate counts items
 * finished since the first report (the first item's start-up — worker threads loading itk-wasm — would otherwise
 * stretch the estimate), so it is shown once two reports are in.
 */
export function progressRate(
  done: number,
  total: number,
  elapsedSeconds: number,
  unit = "patients",
  doneAtStart = 0,
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const base = `${done}/${total} (${Math.round(fraction * 100)}%)`;
  // `doneAtStart`: items already finished when the clock started (a first report after the first item), not timed.
  if (done <= doneAtStart || elapsedSeconds <= 0) return base;
  const rate = (done - doneAtStart) / elapsedSeconds;
  if (done >= total) return `${base}, ${rate.toFixed(rate < 10 ? 2 : 1)} ${unit}/s, ${duration(elapsedSeconds)} in all`;
  return `${base}, ${rate.toFixed(rate < 10 ? 2 : 1)} ${unit}/s, ${duration((total - done) / rate)} left`;
}

/** 45 s, 3 min 20 s, 1 h 05 min: what a person reads at a glance. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}
