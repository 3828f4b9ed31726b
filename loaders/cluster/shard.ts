import {UsageError} from "../runtime/usageError.js";

/**
 * A shard `i/n` of a stage: the i-th of n contiguous, nearly equal slices of the study's patient order (0-based, as
 * Slurm's SLURM_ARRAY_TASK_ID and Kubernetes' JOB_COMPLETION_INDEX count). Contiguous slices keep a cohort's patients
 * together, so a shard's patch sets are few and large.
 */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(raw: string, flag = "--shard"): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new UsageError(`${flag} expects i/n with 0 ≤ i < n (e.g. 0/4), got ${raw === "" ? "nothing" : raw}`);
  }
  return {index, count};
}

/** The [start, end) range of items that shard owns out of `total`; shards of one count tile 0…total exactly. */
export function shardRange(shard: Shard, total: number): [start: number, end: number] {
  const start = Math.floor((shard.index * total) / shard.count);
  const end = Math.floor(((shard.index + 1) * total) / shard.count);
  return [start, end];
}
