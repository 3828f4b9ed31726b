// `workbench evaluate` at scale (issue 12): 20k patient rows, and 200k patch rows from 20k patients, each with 1000
// bootstrap replicates. Each case runs in its own process (bench/evaluateOnce.ts) so that its peak resident memory
// (process.resourceUsage().maxRSS) is its own. Target: linear time. The 200k file is evaluated at patch level with
// two bootstraps per AUC (patient-cluster and the paper's naive one) plus its 20k-patient level, so linear scaling
// predicts about 2 × 10 + 1 = 21× the 20k time; the quadratic grouping this replaced went far beyond 100×.
// Measured on 2 shared cores: 2.9 s / 200 MB and 53 s / 628 MB (ratio 18×; before the fix, about 3 min / 750 MB).
// Run alone with `node --import tsx bench/evaluate.ts`, or through `npm run bench -- evaluate`.
import {execFileSync} from "node:child_process";
import {fileURLToPath} from "node:url";

interface Row {
  name: string;
  value: number;
  unit: string;
}

interface Measured {
  rows: number;
  readMs: number;
  evaluateMs: number;
  maxRssMB: number;
}

const once = fileURLToPath(new URL("./evaluateOnce.ts", import.meta.url));

function measure(patients: number, patches: number, bootstrap: number): Measured {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", once, String(patients), String(patches), String(bootstrap)],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Measured;
}

export async function benchEvaluate(): Promise<Row[]> {
  const bootstrap = 1000;
  const cases = [
    {label: "20k rows (patient level)", patients: 20_000, patches: 0},
    {label: "200k patch rows / 20k patients", patients: 20_000, patches: 10},
  ];
  const rows: Row[] = [];
  const seconds: number[] = [];
  for (const c of cases) {
    const m = measure(c.patients, c.patches, bootstrap);
    const total = (m.readMs + m.evaluateMs) / 1000;
    seconds.push(total);
    rows.push(
      {name: `evaluate ${c.label}, ${bootstrap} replicates: total`, value: total, unit: "s"},
      {name: `evaluate ${c.label}: reading the CSV`, value: m.readMs / 1000, unit: "s"},
      {name: `evaluate ${c.label}: peak memory (maxRSS)`, value: m.maxRssMB, unit: "MB"},
    );
  }
  rows.push({
    name: "evaluate 200k / 20k time ratio (linear predicts ≈ 21)",
    value: (seconds[1] ?? 0) / (seconds[0] ?? 1),
    unit: "×",
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchEvaluate())
    console.log(`${r.name.padEnd(70)} ${r.value.toFixed(2).padStart(9)} ${r.unit}`);
}
