import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {paperDefaults, switchProtocol} from "../../../loaders/config/protocolDefaults.js";
import {refitHead} from "../../../loaders/refit/refitHead.js";
import {type RefitShared, refitTask} from "../../../loaders/refit/refitTask.js";
import {selectRows} from "../../../loaders/refit/selectRows.js";
import {runPool} from "../../../loaders/runtime/workerPool.js";
import {bootstrapDraws} from "../../../src/components/stats/optimism.js";
import {ladderCohort} from "../ablation/ladderFixture.js";

describe("refitTask", () => {
  const base = switchProtocol(paperDefaults(), "corrected");
  const config = {
    ...base,
    model: {...base.model, batchSize: 8, epochs: 3},
    augmentation: {...base.augmentation, variants: ["identity" as const, "flipH" as const]},
  };
  const {embedded} = ladderCohort("T", [6, 5, 6, 5], 4, ["identity", "flipH"]);
  const n = embedded.labels.length;
  const shared: RefitShared = {
    name: "T optimism bootstrap",
    train: embedded,
    heldOut: selectRows([{set: embedded, rows: Array.from({length: n}, (_, i) => i)}], ["identity"]),
    config,
    variants: ["identity", "flipH"],
  };
  const tasks = bootstrapDraws(n, 4, 9).map((rows, replicate) => ({replicate, rows}));

  it("in two worker threads gives the probabilities refitHead gives in this thread, bit for bit, in task order", async () => {
    const pooled = await runPool<(typeof tasks)[number], Float64Array>({
      module: new URL("../../../loaders/refit/refitTask.ts", import.meta.url),
      exportName: "refitTask",
      tasks,
      jobs: 2,
      shared,
    });
    tasks.forEach((task, b) => {
      const here = refitHead(
        `T optimism bootstrap ${b + 1}`,
        selectRows([{set: embedded, rows: task.rows}], shared.variants),
        shared.heldOut,
        config,
        shared.variants,
      );
      assert.deepEqual([...(pooled[b] as Float64Array)], [...here], `replicate ${b + 1}`);
      assert.deepEqual([...refitTask(task, shared)], [...here]);
    });
  });
});
