import type {PaperScaleMeasurement, PaperScaleStep} from "../scale/paperScaleMeasurement.js";
import type {Column} from "./column.js";

/** Minutes with one decimal, or seconds under a minute: how long a step of the paper-scale run took. */
export function durationText(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;
}

export const paperScaleStepColumns: ReadonlyArray<Column<PaperScaleStep>> = [
  {key: "step", label: "Step"},
  {key: "command", label: "Command"},
  {
    key: "seconds",
    label: "Wall time",
    format: (r) => durationText(r.seconds),
    attributes: (r) => ({"data-value": r.seconds}),
  },
  {key: "peakRssMiB", label: "Peak memory (largest process)", format: (r) => `${(r.peakRssMiB / 1024).toFixed(1)} GiB`},
  {key: "commit", label: "Commit", format: (r) => r.commit.slice(0, 7)},
];

export type PaperScaleStageRow = PaperScaleMeasurement["stages"][number] & {share: number};

/** The pipeline step's stages with each one's share of that step's wall time (cached stages count 0). */
export function paperScaleStageRows(m: PaperScaleMeasurement): PaperScaleStageRow[] {
  const pipeline = m.steps.find((s) => s.step === "pipeline")?.seconds ?? Number.NaN;
  return m.stages.map((s) => ({...s, share: s.seconds / pipeline}));
}

export const paperScaleStageColumns: ReadonlyArray<Column<PaperScaleStageRow>> = [
  {key: "stage", label: "Pipeline stage"},
  {key: "seconds", label: "Time", format: (r) => (r.cached ? "cached" : durationText(r.seconds))},
  {key: "share", label: "Share of the pipeline step", format: (r) => `${(100 * r.share).toFixed(0)}%`},
];
