import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {defaultJobs, runPool} from "../../../loaders/runtime/workerPool.js";

const fixture = new URL("./poolFixture.ts", import.meta.url);

describe("runPool({module, exportName, tasks, jobs})", () => {
  // Later tasks finish first (shorter delays), so completion order differs from task order.
  const tasks = [0, 1, 2, 3, 4, 5].map((n) => ({n, delayMs: (6 - n) * 15}));

  it("returns results in task order whatever order the workers finish in, same as jobs=1", async () => {
    const finishedOrder: number[] = [];
    const pooled = await runPool<(typeof tasks)[number], {n: number; value: number; bytes: Uint8Array}>({
      module: fixture,
      exportName: "slowSquare",
      tasks,
      jobs: 3,
      shared: {offset: 100},
      onResult: (index, _result, finished) => finishedOrder.push(index * 10 + finished),
    });
    const inline = await runPool({module: fixture, exportName: "slowSquare", tasks, jobs: 1, shared: {offset: 100}});
    assert.deepEqual(
      pooled.map((r) => r.value),
      [100, 101, 104, 109, 116, 125],
    );
    assert.deepEqual(pooled, inline);
    // Typed arrays come back as typed arrays (transferred, not turned into plain objects).
    assert.ok(pooled[2]!.bytes instanceof Uint8Array);
    assert.deepEqual([...pooled[2]!.bytes], [2, 3]);
    // Every task reported once, with a running count 1…6.
    assert.deepEqual(finishedOrder.map((x) => x % 10).sort(), [1, 2, 3, 4, 5, 6]);
    assert.notDeepEqual(
      finishedOrder.map((x) => Math.floor(x / 10)),
      [0, 1, 2, 3, 4, 5],
    );
  });

  it("a task that throws rejects the pool, naming the task's index and its message", async () => {
    await assert.rejects(
      runPool({module: fixture, exportName: "failOnThree", tasks: [0, 1, 2, 3, 4], jobs: 2}),
      /task 3 failed: .*three is not allowed/,
    );
    await assert.rejects(
      runPool({module: fixture, exportName: "failOnThree", tasks: [3], jobs: 1}),
      /three is not allowed/,
    );
  });

  it("names a missing export", async () => {
    await assert.rejects(
      runPool({module: fixture, exportName: "nothing", tasks: [1, 2], jobs: 2}),
      /no exported function nothing/,
    );
  });

  it("an empty task list and defaultJobs() are fine", async () => {
    assert.deepEqual(await runPool({module: fixture, exportName: "failOnThree", tasks: [], jobs: 4}), []);
    assert.ok(Number.isInteger(defaultJobs()) && defaultJobs() >= 1);
  });
});
