/**
 * Progress on stderr: a redrawn bar on a terminal, otherwise one line per 10% (build logs stay readable).
 * Returns a `progress(stage, done, total)` effect for the pipeline.
 */
export function stderrProgress(
  stream: NodeJS.WriteStream = process.stderr,
): (stage: string, done: number, total: number) => void {
  const lastDecile = new Map<string, number>();
  return (stage, done, total) => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\r${stage} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
      if (done >= total) stream.write("\n");
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== lastDecile.get(stage) || done === total) {
      lastDecile.set(stage, decile);
      stream.write(`${stage}: ${done}/${total} (${Math.round(fraction * 100)}%)\n`);
    }
  };
}
