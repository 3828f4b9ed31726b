/**
 * The adapter's notes, grouped by cause. A sheet of 105 patients with the same problem (no images downloaded, an
 * empty survival cell) must give one line naming the cause, the count and the first few patients, not 105 lines that
 * push the summary off the screen. One-off messages (a file that is not DICOM) are kept as they are, once each.
 */
export const ListedIds = 5;

/** "a, b, c, d, e … and 7 more": the first `listed` items and how many were left out. */
export function firstOf(items: readonly string[], listed = ListedIds): string {
  const shown = items.slice(0, listed).join(", ");
  return items.length > listed ? `${shown} … and ${items.length - listed} more` : shown;
}

export class HccTaceSegNotes {
  private readonly groups = new Map<string, string[]>();
  private readonly single: string[] = [];

  /** One patient concerned by `cause`; `detail` (e.g. the cell as written) is shown beside the id. */
  patient(cause: string, id: string, detail?: string): void {
    const list = this.groups.get(cause) ?? [];
    list.push(detail === undefined ? id : `${id} (${detail})`);
    this.groups.set(cause, list);
  }

  /** A message about the files rather than a patient; identical repeats are kept once. */
  add(message: string): void {
    if (!this.single.includes(message)) this.single.push(message);
  }

  /** How many patients `cause` concerns. */
  count(cause: string): number {
    return this.groups.get(cause)?.length ?? 0;
  }

  /** One line per cause, then the one-off messages. */
  lines(): string[] {
    const grouped = [...this.groups].map(([cause, ids]) => `${cause}: ${ids.length} patient(s): ${firstOf(ids)}`);
    return [...grouped, ...this.single];
  }
}
