import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {runCli} from "../../../../loaders/cli/main.js";
import {createRng} from "../../../../src/components/stats/random.js";
import {fakeIO} from "../fakeIO.js";

const dir = mkdtempSync(join(tmpdir(), "evaluate-"));
after(() => rmSync(dir, {recursive: true, force: true}));

function csv(patients: number, seed: number): string {
  const rng = createRng(seed);
  const lines = ["patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD,patch_id"];
  for (let p = 0; p < patients; p++) {
    const k = rng.int(4);
    for (let j = 0; j < 3; j++) {
      const e = [0, 1, 2, 3].map((c) => Math.exp((c === k ? 1 : 0) + rng.normal()));
      const s = e.reduce((a, b) => a + b, 0);
      lines.push(
        [`P${p}`, p % 2 ? "NFH" : "SYUCC", ["CR", "PR", "SD", "PD"][k], ...e.map((v) => v / s), `P${p}-${j}`].join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

describe("workbench evaluate", () => {
  it("writes metrics JSON and exits 0", async () => {
    writeFileSync(join(dir, "preds.csv"), csv(40, 1));
    const io = fakeIO(dir);
    const code = await runCli(
      ["evaluate", "--predictions", "preds.csv", "--out", "metrics.json", "--bootstrap", "50", "--seed", "3"],
      io,
    );
    assert.equal(code, 0, io.err);
    const metrics = JSON.parse(readFileSync(join(dir, "metrics.json"), "utf8"));
    assert.deepEqual(Object.keys(metrics.cohorts), ["NFH", "SYUCC"]);
    assert.equal(metrics.cohorts.NFH.patch.n, 60);
    assert.equal(metrics.cohorts.NFH.patient.n, 20);
    assert.deepEqual(metrics.options, {bootstrap: 50, seed: 3, ciLevel: 0.95});
    assert.match(io.err, /evaluate: 120 patches/);
    assert.equal(io.out, "");
  });
  it("is reproducible: the same seed gives byte-identical output", async () => {
    const args = ["evaluate", "--predictions", "preds.csv", "--bootstrap", "30"];
    await runCli([...args, "--out", "a.json"], fakeIO(dir));
    await runCli([...args, "--out", "b.json"], fakeIO(dir));
    assert.equal(readFileSync(join(dir, "a.json"), "utf8"), readFileSync(join(dir, "b.json"), "utf8"));
  });
  it("exits 1 on invalid rows, listing them, and writes nothing", async () => {
    writeFileSync(
      join(dir, "bad.csv"),
      "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\nP1,NFH,CR,0.5,0.5,0.5,0\nP2,NFH,XX,1,0,0,0\n",
    );
    const before = readdirSync(dir).sort();
    const io = fakeIO(dir);
    const code = await runCli(["evaluate", "--predictions", "bad.csv", "--out", "bad.json"], io);
    assert.equal(code, 1);
    assert.match(io.err, /line 2 \(patient P1\): probabilities sum to 1\.5/);
    assert.match(io.err, /line 3 \(patient P2\): label/);
    assert.deepEqual(readdirSync(dir).sort(), before);
  });
  it("exits 1 when the predictions file does not exist", async () => {
    const io = fakeIO(dir);
    assert.equal(await runCli(["evaluate", "--predictions", "missing.csv", "--out", "x.json"], io), 1);
    assert.match(io.err, /missing\.csv/);
  });
  it("exits 2 on usage errors: missing options, unknown flags, bad numbers", async () => {
    for (const args of [
      ["evaluate", "--out", "x.json"],
      ["evaluate", "--predictions", "preds.csv"],
      ["evaluate", "--predictions", "preds.csv", "--out", "x.json", "--bogus"],
      ["evaluate", "--predictions", "preds.csv", "--out", "x.json", "--bootstrap", "-3"],
      ["evaluate", "--predictions", "preds.csv", "--out", "x.json", "--bootstrap=-3"],
      ["evaluate", "--predictions", "preds.csv", "--out", "x.json", "--seed", "1.5"],
      ["evaluate", "--predictions", "preds.csv", "--out", "x.json", "--ci-level", "95"],
    ]) {
      const io = fakeIO(dir);
      assert.equal(await runCli(args, io), 2, args.join(" "));
      assert.match(io.err, /Usage: workbench evaluate/);
    }
  });
  it("names the flag when given a negative number, instead of calling it ambiguous", async () => {
    for (const args of [["--seed", "-3"], ["--seed=-3"]]) {
      const io = fakeIO(dir);
      assert.equal(await runCli(["evaluate", "--predictions", "preds.csv", "--out", "x.json", ...args], io), 2);
      assert.match(io.err, /--seed expects a non-negative integer, got -3/);
      assert.doesNotMatch(io.err, /ambiguous/);
    }
    const io = fakeIO(dir);
    assert.equal(
      await runCli(["evaluate", "--predictions", "preds.csv", "--out", "x.json", "--ci-level", "-0.5"], io),
      2,
    );
    assert.match(io.err, /--ci-level must be in \(0, 1\), not "-0\.5"/);
  });
  it("checks --out before reading the predictions: exit 2 naming the path as given", async () => {
    mkdirSync(join(dir, "a-folder"), {recursive: true});
    writeFileSync(join(dir, "target.json"), "{}");
    symlinkSync(join(dir, "target.json"), join(dir, "link.json"));
    for (const [out, message] of [
      ["no-such-dir/m.json", /--out no-such-dir\/m\.json: the folder no-such-dir does not exist/],
      ["a-folder", /--out a-folder: is a folder, not a file/],
      ["link.json", /--out link\.json: is a symbolic link/],
    ] as const) {
      const io = fakeIO(dir);
      // The predictions file is missing too: only an early --out check reports the output.
      assert.equal(await runCli(["evaluate", "--predictions", "missing.csv", "--out", out], io), 2, out);
      assert.match(io.err, message);
      assert.doesNotMatch(io.err, /\.tmp|ENOENT|EISDIR|missing\.csv/);
    }
    assert.equal(readFileSync(join(dir, "target.json"), "utf8"), "{}");
  });
  it("prints its usage with --help", async () => {
    const io = fakeIO(dir);
    assert.equal(await runCli(["evaluate", "--help"], io), 0);
    assert.match(io.out, /--predictions <file>/);
  });
});

describe("workbench evaluate: strict predictions", () => {
  const head = "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD";
  const run = async (name: string, content: string | Uint8Array) => {
    writeFileSync(join(dir, name), content);
    const io = fakeIO(dir);
    const code = await runCli(["evaluate", "--predictions", name, "--out", `${name}.json`, "--bootstrap", "5"], io);
    return {
      code,
      err: io.err,
      wrote: readdirSync(dir).some((f) => f.startsWith(`${name}.json`)),
    };
  };
  it("refuses a duplicated column, naming the file and the column; writes nothing", async () => {
    const r = await run("dup.csv", `${head},p_CR\nP1,NFH,CR,1,0,0,0,0\nP2,NFH,PD,0,0,0,1,0\n`);
    assert.equal(r.code, 1);
    assert.match(r.err, /dup\.csv: line 1: column "p_CR" appears twice \(columns 4 and 8\)/);
    assert.equal(r.wrote, false);
  });
  it("refuses a patient listed under two cohorts, by line", async () => {
    const r = await run("two.csv", `${head}\nP1,NFH,CR,1,0,0,0\nP2,NFH,PD,0,0,0,1\nP1,SYUCC,CR,1,0,0,0\n`);
    assert.equal(r.code, 1);
    assert.match(r.err, /two\.csv: 1 invalid row/);
    assert.match(r.err, /line 4 \(patient P1\): patient is in cohort SYUCC here but in cohort NFH on line 2/);
    assert.equal(r.wrote, false);
  });
  it("refuses 0x1 (which Number() reads as 1)", async () => {
    const r = await run("hex.csv", `${head}\nP1,NFH,CR,0x1,0,0,0\nP2,NFH,PD,0,0,0,1\n`);
    assert.equal(r.code, 1);
    assert.match(r.err, /line 2 \(patient P1\): p_CR must be a plain decimal number, not "0x1"/);
  });
  it("reads lower-case labels with a warning naming the file and line, as the manifest does", async () => {
    const r = await run("lower.csv", `${head}\nP1,NFH,cr,1,0,0,0\nP2,NFH,pd,0,0,0,1\n`);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /warning: lower\.csv: line 2 \(patient P1\): label "cr" read as CR/);
    assert.match(r.err, /warning: lower\.csv: line 3 \(patient P2\): label "pd" read as PD/);
    const metrics = JSON.parse(readFileSync(join(dir, "lower.csv.json"), "utf8"));
    assert.deepEqual(metrics.cohorts.NFH.patient.confusion.counts[0], [1, 0, 0, 0]);
  });
  it("accepts probabilities MATLAB's csvwrite rounded to 5 significant digits, renormalising with one note", async () => {
    // 1/7, 2/7, 2/7, 2/7 and 1/3, 1/3, 1/3, 0 sum to 0.99999 once rounded; the other rows sum to 1 as written.
    const rows = [
      "P1,NFH,CR,0.14286,0.28571,0.28571,0.28571",
      "P2,NFH,PD,0.33333,0.33333,0.33333,0",
      "P3,NFH,CR,0.5,0.25,0.125,0.125",
      "P4,NFH,PD,0.1,0.2,0.3,0.4",
    ];
    const r = await run("matlab.csv", `${head}\n${rows.join("\n")}\n`);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.err,
      /warning: matlab\.csv: 2 row\(s\) renormalised to sum to 1 \(largest deviation from 1: 0\.00001, line 2 \(patient P1\), within its printed precision of 5 decimal place\(s\), 5 significant digit\(s\)\)\n/,
    );
    assert.equal(r.err.match(/renormalised/g)?.length, 1);
    const metrics = JSON.parse(readFileSync(join(dir, "matlab.csv.json"), "utf8"));
    assert.equal(metrics.cohorts.NFH.patient.n, 4);
    const refused = await run("off.csv", `${head}\n${rows[0]}\nP2,NFH,PD,0.33333,0.33333,0.3333,0\n`);
    assert.equal(refused.code, 1);
    assert.match(
      refused.err,
      /off\.csv: 1 invalid row.*\n.*line 3 \(patient P2\): probabilities sum to 0\.99996, .*printed precision/,
    );
    assert.equal(refused.wrote, false);
  });
  it("reports a UTF-16 file as UTF-16, not as missing columns", async () => {
    const text = `\ufeff${head}\nP1,NFH,CR,1,0,0,0\n`;
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[1] = 0xfe; // the BOM U+FEFF in little-endian order: FF FE
    const r = await run("u16.csv", bytes);
    assert.equal(r.code, 1);
    assert.match(r.err, /u16\.csv: the file is encoded as UTF-16; save it as UTF-8/);
    assert.doesNotMatch(r.err, /missing/);
  });
  it("refuses a file holding two protocols' rows", async () => {
    const site =
      "protocol,patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\npaper,P1,NFH,CR,1,0,0,0\ncorrected,P1,NFH,CR,1,0,0,0\n";
    const r = await run("site.csv", site);
    assert.equal(r.code, 1);
    assert.match(r.err, /site\.csv: rows of 2 protocols \(paper, corrected\)/);
  });
  it("--paired A,B compares two protocols of one file with paired DeLong per cohort (A − B), as delongTest", async () => {
    // Two "rungs" over the same 40 patients: B is A's file with another seed's probabilities.
    const a = csv(40, 1).trim().split("\r\n");
    const b = csv(40, 2).trim().split("\r\n");
    // csv() draws each patient's label from its seed; keep A's labels and patients, B's probabilities.
    const rows = [
      `protocol,${a[0]}`,
      ...a.slice(1).map((l) => `rungA,${l}`),
      ...b.slice(1).map((l, i) => {
        const own = a[i + 1]!.split(",");
        const cells = l.split(",");
        return `rungB,${[own[0], own[1], own[2], ...cells.slice(3, 7), own[7]].join(",")}`;
      }),
    ];
    writeFileSync(join(dir, "ladder.csv"), `${rows.join("\n")}\n`);
    const io = fakeIO(dir);
    const code = await runCli(
      ["evaluate", "--predictions", "ladder.csv", "--paired", "rungA,rungB", "--out", "pair.json", "--bootstrap", "20"],
      io,
    );
    assert.equal(code, 0, io.err);
    const json = JSON.parse(readFileSync(join(dir, "pair.json"), "utf8"));
    assert.deepEqual(json.paired, {a: "rungA", b: "rungB", difference: "rungA − rungB"});
    assert.deepEqual(
      json.cohorts.map((c: {cohort: string}) => c.cohort),
      ["NFH", "SYUCC"],
    );
    const or = json.cohorts[0].auc.find((t: {target: string}) => t.target === "OR");
    assert.ok(Math.abs(or.difference - (or.user - or.site)) < 1e-12);
    assert.equal(json.cohorts[0].shared, 20);
    const bad = fakeIO(dir);
    assert.equal(
      await runCli(["evaluate", "--predictions", "ladder.csv", "--paired", "rungA,nope", "--out", "x.json"], bad),
      1,
    );
    assert.match(bad.err, /ladder\.csv: no rows of protocol "nope" \(the file has rungA, rungB\)/);
  });
});

describe("workbench evaluate --clinical", () => {
  // 80 patients (40 NFH, 40 SYUCC) of csv(80, 5), and clinical rows whose tumour size follows the label.
  const predictions = csv(80, 5);
  const labelOf = new Map(
    predictions
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(","))
      .map((cells) => [cells[0] as string, cells[2] as string]),
  );
  function clinicalCsv(columns: string[], skip: string[] = []): string {
    const rng = createRng(11);
    const lines = [["patient_id", ...columns].join(",")];
    for (const [id, label] of labelOf) {
      if (skip.includes(id)) continue;
      const k = ["CR", "PR", "SD", "PD"].indexOf(label);
      const values: Record<string, string> = {
        tumour_size_cm: (3 + k + rng.normal()).toFixed(2),
        sex: rng.next() < 0.5 ? "M" : "F",
        afp: rng.next() < 0.1 ? "" : (20 + 50 * rng.next()).toFixed(1),
        mrn: `MRN${id}`,
      };
      lines.push([id, ...columns.map((c) => values[c] ?? "")].join(","));
    }
    return `${lines.join("\n")}\n`;
  }
  const evaluate = async (clinical: string, extra: string[] = []) => {
    writeFileSync(join(dir, "clin-preds.csv"), predictions);
    writeFileSync(join(dir, "clinical.csv"), clinical);
    const io = fakeIO(dir);
    const code = await runCli(
      [
        "evaluate",
        "--predictions",
        "clin-preds.csv",
        "--clinical",
        "clinical.csv",
        "--out",
        "clin.json",
        "--bootstrap",
        "20",
        ...extra,
      ],
      io,
    );
    return {code, err: io.err};
  };

  it("refuses a clinical CSV with an undeclared column, by name, and writes nothing", async () => {
    rmSync(join(dir, "clin.json"), {force: true});
    const r = await evaluate(clinicalCsv(["tumour_size_cm", "mrn", "sex"]));
    assert.equal(r.code, 1);
    assert.match(r.err, /clinical\.csv: column\(s\) mrn refused: not a known clinical column/);
    assert.doesNotMatch(r.err, /MRNP\d/, "no cell value is quoted");
    assert.equal(
      readdirSync(dir).some((f) => f.startsWith("clin.json")),
      false,
    );
  });

  it("adds the clinical comparison on the other cohort; patients without a clinical row are left out with a warning", async () => {
    const r = await evaluate(clinicalCsv(["tumour_size_cm", "sex", "afp"], ["P1", "P2"]), ["--train-cohort", "NFH"]);
    assert.equal(r.code, 0, r.err);
    // P1 is in NFH (odd) and P2 in SYUCC (even), as csv() assigns them.
    assert.match(r.err, /warning: clinical\.csv: no clinical row for patient P1 \(cohort NFH\); left out/);
    assert.match(r.err, /warning: clinical\.csv: no clinical row for patient P2 \(cohort SYUCC\); left out/);
    const json = JSON.parse(readFileSync(join(dir, "clin.json"), "utf8"));
    assert.ok(json.cohorts.SYUCC, "the usual metrics are still there");
    const {clinical} = json;
    assert.equal(clinical.trainingCohort, "NFH");
    assert.equal(clinical.trainingCohortRule, "named with --train-cohort");
    assert.match(clinical.stacking, /out of fold/);
    const comparison = clinical.comparison;
    assert.deepEqual(comparison.predictors, ["tumour_size_cm", "sex", "afp"]);
    assert.equal(comparison.training.patients, 39);
    assert.ok(comparison.training.missing.afp > 0, "afp has missing values, imputed");
    assert.deepEqual(
      comparison.cohorts.map((c: {cohort: string}) => c.cohort),
      ["SYUCC"],
    );
    const syucc = comparison.cohorts[0];
    assert.equal(syucc.patients, 39);
    const d = syucc.imageVsClinical;
    assert.ok(Math.abs(d.difference - (syucc.auc.image.auc - syucc.auc.clinical.auc)) < 1e-12);
    assert.ok(d.p >= 0 && d.p <= 1);
    assert.ok(syucc.combinedVsClinical && syucc.imageTermLrt);
    // Tumour size follows the label, so the clinical model separates responders.
    assert.ok(syucc.auc.clinical.auc > 0.7, `clinical AUC ${syucc.auc.clinical.auc}`);
  });

  it("reads the clinical CSV as report --clinical does: --study declares a column, cohort and label are ignored", async () => {
    // ecog is not a Table 1 column: refused alone, accepted once the study file declares it.
    const rng = createRng(3);
    const lines = ["Patient_ID,cohort,label,tumour_size_cm,ecog"];
    for (const [id, label] of labelOf) {
      const k = ["CR", "PR", "SD", "PD"].indexOf(label);
      lines.push([id, "ignored", label, (3 + k + rng.normal()).toFixed(2), String(k % 3)].join(","));
    }
    const clinical = `${lines.join("\n")}\n`;
    const refused = await evaluate(clinical);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /column\(s\) ecog refused/);
    assert.match(refused.err, /"clinical": \{"columns": \{"ecog"/);
    writeFileSync(join(dir, "declared.json"), JSON.stringify({clinical: {columns: {ecog: {type: "number"}}}}));
    const r = await evaluate(clinical, ["--study", "declared.json", "--train-cohort", "NFH"]);
    assert.equal(r.code, 0, r.err);
    const {clinical: result} = JSON.parse(readFileSync(join(dir, "clin.json"), "utf8"));
    assert.deepEqual(result.comparison.predictors, ["tumour_size_cm", "ecog"]);
    assert.equal(result.comparison.training.patients, 40, "every NFH patient matched by id, whatever the cohort cell");
  });

  it("defaults to the cohort with the most patients, and refuses an unknown --train-cohort by name", async () => {
    const r = await evaluate(clinicalCsv(["tumour_size_cm", "sex"], ["P1"]));
    assert.equal(r.code, 0, r.err);
    const {clinical} = JSON.parse(readFileSync(join(dir, "clin.json"), "utf8"));
    assert.equal(clinical.trainingCohort, "SYUCC");
    assert.equal(clinical.trainingCohortRule, "the cohort with the most patients (default)");
    assert.deepEqual(
      clinical.comparison.cohorts.map((c: {cohort: string}) => c.cohort),
      ["NFH"],
    );
    const bad = await evaluate(clinicalCsv(["tumour_size_cm"]), ["--train-cohort", "ZHHAJU"]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /--train-cohort ZHHAJU: no such cohort with clinical rows \(cohorts: /);
  });
});
