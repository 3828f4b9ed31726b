// `npm run bench`: runs every area's benchmark and prints one table. Speed and memory targets live here, never in
// tests. `npm run bench -- stats synth` runs only the named areas; `--json <file>` also writes the rows as JSON.
import {writeFileSync} from "node:fs";
import {parseArgs} from "node:util";

interface Row {
  name: string;
  value: number;
  unit: string;
}

type Bench = () => Promise<Row[]>;

/** Area → module and export name; modules are imported lazily so one area's heavy dependencies load only when run. */
const areas: Record<string, [string, string]> = {
  stats: ["./stats.js", "benchStats"],
  synth: ["./synth.js", "benchSynth"],
  preprocess: ["./preprocess.js", "benchPreprocess"],
  model: ["./model.js", "benchModel"],
  embeddings: ["./embeddingsForIndex.js", "benchEmbeddingsForIndex"],
  int8: ["./int8Results.js", "benchInt8Results"],
  site: ["./site.js", "benchSite"],
  evaluate: ["./evaluate.js", "benchEvaluate"],
  scale: ["./scale.js", "benchScale"],
};

const {values, positionals} = parseArgs({options: {json: {type: "string"}}, allowPositionals: true});
const chosen = positionals.length > 0 ? positionals : Object.keys(areas);
const all: Array<Row & {area: string}> = [];
for (const area of chosen) {
  const entry = areas[area];
  if (!entry) {
    process.stderr.write(`bench: unknown area "${area}" (known: ${Object.keys(areas).join(", ")})\n`);
    process.exit(2);
  }
  const [path, name] = entry;
  process.stderr.write(`bench: ${area}…\n`);
  const module = (await import(path)) as Record<string, Bench>;
  const bench = module[name];
  if (!bench) throw new Error(`bench/${path}: no export ${name}`);
  for (const row of await bench()) all.push({area, ...row});
}

const width = Math.max(...all.map((r) => r.name.length), 9);
const lines = [`| area | ${"benchmark".padEnd(width)} | value | unit |`, `|---|${"-".repeat(width + 2)}|---:|---|`];
for (const r of all) {
  const value = Math.abs(r.value) >= 100 ? r.value.toFixed(0) : r.value.toPrecision(3);
  lines.push(`| ${r.area} | ${r.name.padEnd(width)} | ${value} | ${r.unit} |`);
}
process.stdout.write(`${lines.join("\n")}\n`);
if (values.json) {
  // The embeddings area's measurements in their own shape ({embeddings: [{engine, threads, batch, imagesPerSecond}],
  // ceilingImagesPerSecond, ceiling, peaks, agreement, int8Flags, weights}), beside every row of the table.
  const {lastEmbeddingsMeasurement} = await import("./embeddingsForIndex.js");
  const measured = lastEmbeddingsMeasurement();
  const embeddings = measured ?? {};
  writeFileSync(values.json, `${JSON.stringify({...embeddings, rows: all}, null, 2)}\n`);
}
