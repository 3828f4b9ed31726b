// Report-site timings: what the Discrimination page recomputes live for one cohort (every CI of both levels via
// `evaluatePredictions`, plus the four one-vs-rest ROC bands), at 1000 bootstrap replicates, for a validation-sized
// and a paper-training-sized cohort. Run alone with `node --import tsx bench/site.ts`.
import {evaluatePredictions} from "../src/components/stats/evaluatePredictions.js";
import {rocBand} from "../src/components/stats/rocBand.js";
import {ResponseLabels} from "../src/components/study/vocabulary.js";
import {levelInputs} from "../src/components/tables/levelInputs.js";
import {syntheticPredictions} from "./stats.js";

interface Row {
  name: string;
  value: number;
  unit: string;
}

function recompute(patients: number, replicates: number): number {
  // one cohort only: syntheticPredictions spreads patients over three cohorts
  const rows = syntheticPredictions(patients * 3, 3, 11).filter((r) => r.cohort === "SYUCC");
  const start = performance.now();
  evaluatePredictions(rows, {bootstrap: replicates, seed: 1, ciLevel: 0.95});
  const inputs = levelInputs(rows, "patch");
  ResponseLabels.forEach((_, c) => {
    rocBand(
      inputs.truth.map((t) => (t === c ? 1 : 0)),
      inputs.probabilities.map((p) => p[c] as number),
      {replicates, seed: 1, clusters: inputs.clusters ?? []},
    );
  });
  return performance.now() - start;
}

export async function benchSite(): Promise<Row[]> {
  recompute(40, 50); // warm-up (JIT)
  return [
    {name: "live recompute, 138 patients / 414 patches, 1000 replicates", value: recompute(138, 1000), unit: "ms"},
    {name: "live recompute, 562 patients / 1686 patches, 1000 replicates", value: recompute(562, 1000), unit: "ms"},
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchSite()) process.stdout.write(`${row.name}: ${row.value.toFixed(0)} ${row.unit}\n`);
}
