/**
 * Reading `scontrol -o show job <id>`: one line per job, or per array task once the array has been expanded, each a
 * list of Key=Value fields. There is no accounting here (sacct does not work without slurmdbd), and scontrol forgets
 * a finished job after MinJobAge (300 s by default), so the executor polls while jobs are young.
 */
export interface SlurmTask {
  jobId: string;
  arrayJobId?: string;
  /** A single index, or an unexpanded range such as "0-3" while the array is pending. */
  arrayTaskId?: string;
  state: string;
  reason: string;
  exitCode: string;
  stdOut?: string;
}

/** States after which a job never runs again. */
export const TerminalStates = new Set([
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TIMEOUT",
  "OUT_OF_MEMORY",
  "NODE_FAIL",
  "PREEMPTED",
  "BOOT_FAIL",
  "DEADLINE",
]);

export function parseScontrolJobs(text: string): SlurmTask[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("JobId="))
    .map((line) => {
      const fields = new Map<string, string>();
      // Values hold no spaces in one-line mode except Command/WorkDir paths, which we never read.
      for (const token of line.split(/\s+/)) {
        const eq = token.indexOf("=");
        if (eq > 0) fields.set(token.slice(0, eq), token.slice(eq + 1));
      }
      const task: SlurmTask = {
        jobId: fields.get("JobId") ?? "",
        state: fields.get("JobState") ?? "UNKNOWN",
        reason: fields.get("Reason") ?? "None",
        exitCode: fields.get("ExitCode") ?? "",
      };
      const arrayJobId = fields.get("ArrayJobId");
      const arrayTaskId = fields.get("ArrayTaskId");
      const stdOut = fields.get("StdOut");
      return {
        ...task,
        ...(arrayJobId ? {arrayJobId} : {}),
        ...(arrayTaskId ? {arrayTaskId} : {}),
        ...(stdOut ? {stdOut} : {}),
      };
    });
}

/**
 * True when every task of the job is finished. An array still pending shows one line with a range ("0-3"); one
 * cancelled before it ran (its dependency failed) stays that one line, in a terminal state, and counts as finished.
 */
export function finished(tasks: readonly SlurmTask[]): boolean {
  return tasks.length > 0 && tasks.every((t) => TerminalStates.has(t.state));
}
