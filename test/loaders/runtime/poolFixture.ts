/** Task functions for workerPool.test.ts, loaded by URL inside worker threads. */
export async function slowSquare(task: {n: number; delayMs: number}, shared: {offset: number}) {
  await new Promise((r) => setTimeout(r, task.delayMs));
  return {n: task.n, value: task.n * task.n + shared.offset, bytes: new Uint8Array([task.n, task.n + 1])};
}

export function failOnThree(task: number): number {
  if (task === 3) throw new Error("three is not allowed");
  return task;
}
