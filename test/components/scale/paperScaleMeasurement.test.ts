import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {
  type PaperScaleMeasurement,
  paperScaleTargets,
  parsePaperScaleMeasurement,
} from "../../../src/components/scale/paperScaleMeasurement.js";
import {durationText} from "../../../src/components/tables/paperScaleRows.js";

const sample = (): PaperScaleMeasurement => ({
  schema: "tace-workbench/paper-scale@1",
  started: "2026-12-01T05:00:00Z",
  finished: "2026-12-01T06:10:00Z",
  machine: {cpu: "Test CPU", cores: 2, memoryGiB: 24, os: "Linux 6.1", node: "v20.0.0"},
  jobs: 2,
  patients: {NFH: 562, ZHHAJU: 89, SYUCC: 138},
  steps: [
    {
      step: "generation",
      command: "synth",
      seconds: 1800,
      peakRssMiB: 900,
      commit: "0123456789abcdef0123456789abcdef01234567",
    },
    {
      step: "pipeline",
      command: "run",
      seconds: 1500,
      peakRssMiB: 3000,
      commit: "89abcdef0123456789abcdef0123456789abcdef",
    },
    {
      step: "site",
      command: "build",
      seconds: 301,
      peakRssMiB: 1200,
      commit: "89abcdef0123456789abcdef0123456789abcdef",
    },
  ],
  stages: [
    {stage: "preprocess", seconds: 400, cached: false},
    {stage: "corrected model", seconds: 0, cached: true},
  ],
});

/** The sample with one field replaced (a path of keys and indices), as JSON would carry it. */
function withField(path: Array<string | number>, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(sample())) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

describe("parsePaperScaleMeasurement", () => {
  it("accepts a complete measurement unchanged", () => {
    assert.deepEqual(parsePaperScaleMeasurement(sample(), "m.json"), sample());
  });

  const bad: Array<[Array<string | number>, unknown, RegExp]> = [
    [["schema"], "other@1", /m\.json: schema/],
    [["started"], "yesterday", /started should be an ISO 8601 date/],
    [["finished"], "2026-12-01T04:00:00Z", /finished should be no earlier than started/],
    [["machine", "cores"], 0, /machine\.cores/],
    [["steps", 1, "commit"], "abc", /steps\[1\]\.commit should be a 40-hex/],
    [["jobs"], 1.5, /jobs should be a positive integer/],
    [["patients", "NFH"], -1, /patients\.NFH/],
    [["patients"], {}, /patients should be at least one cohort/],
    [["steps", 1, "seconds"], Number.NaN, /steps\[1\]\.seconds/],
    [["steps", 0, "step"], "build", /steps\[0\]\.step/],
    [["steps", 2], {...sample().steps[1]}, /steps should be one each/],
    [["stages", 0, "cached"], "no", /stages\[0\]\.cached/],
    [["stages", 0, "seconds"], -1, /stages\[0\]\.seconds/],
  ];
  for (const [path, value, message] of bad) {
    it(`names ${path.join(".")} when it is ${JSON.stringify(value)}`, () => {
      assert.throws(() => parsePaperScaleMeasurement(withField(path, value), "m.json"), message);
    });
  }
});

describe("paperScaleTargets", () => {
  it("puts generation against 30 minutes and everything after it (pipeline + site) against another 30", () => {
    const [generation, rest] = paperScaleTargets(sample());
    assert.deepEqual(generation, {name: "generation", limitMinutes: 30, minutes: 30, met: true});
    assert.equal(rest?.minutes, (1500 + 301) / 60);
    assert.equal(rest?.met, false);
  });
});

describe("docs/paper-scale.json", () => {
  const file = new URL("../../../docs/paper-scale.json", import.meta.url);
  const measured = () => parsePaperScaleMeasurement(JSON.parse(readFileSync(file, "utf8")), "docs/paper-scale.json");

  it("is a complete measurement of the paper-scale study, every step and stage run (none from a cache)", () => {
    const m = measured();
    assert.deepEqual(m.patients, {NFH: 562, ZHHAJU: 89, SYUCC: 138});
    assert.deepEqual(
      m.stages.filter((s) => s.cached).map((s) => s.stage),
      [],
    );
  });

  it("is what the README quotes: each step's time and commit, the date and the machine", () => {
    const m = measured();
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    for (const step of m.steps) {
      const row = readme.split("\n").find((line) => line.startsWith(`| ${step.step} `));
      assert.ok(row, `README has no row for the ${step.step} step`);
      assert.ok(row.includes(`| ${durationText(step.seconds)} |`), `${row} should say ${durationText(step.seconds)}`);
      assert.ok(row.includes(step.commit.slice(0, 7)), `${row} should name commit ${step.commit.slice(0, 7)}`);
    }
    for (const target of paperScaleTargets(m)) {
      assert.ok(readme.includes(`${durationText(60 * target.minutes)}`), `README should give ${target.name}`);
    }
    assert.ok(readme.includes(m.started.slice(0, 10)), "README should date the measurement");
    assert.ok(readme.includes(m.machine.cpu), "README should name the machine");
  });
});
