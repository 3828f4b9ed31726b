// `workbench evaluate --survival --readers` on the REAL HCC-TACE-Seg clinical sheet, run in-process through the CLI,
// against R: the survival block against test/golden/survival.json (make-survival-golden.R, survival package) and the
// readers block against test/golden/readers.json (make-readers-golden.R, psych and Fleiss' formula in plain R).
// The sheet is read from ../shared/realdata at run time and turned into the three input files in a temporary folder;
// no row of it is ever written into the repository. Without the sheet every test here skips, saying so.
import assert from "node:assert/strict";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {ExitCode} from "../../../loaders/cli/command.js";
import {runCli} from "../../../loaders/cli/main.js";
import {parseCsv} from "../../../src/components/csv/parseCsv.js";
import {HCC_SHEET, HCC_SKIP, near, nearP, survivalGolden} from "../../components/stats/survival/survivalGolden.js";
import {fakeIO} from "./fakeIO.js";

// biome-ignore lint/suspicious/noExplicitAny: the golden file is untyped JSON produced by R; tests index into it freely.
const readersGolden: any = JSON.parse(readFileSync(new URL("../../golden/readers.json", import.meta.url), "utf8"));

const COHORT = "HCC-TACE-Seg";
const LABELS = ["CR", "PR", "SD", "PD"] as const;
const READERS = ["1_mRECIST", "2_mRECIST", "3_mRECIST"] as const;

interface SheetRow {
  id: string;
  /** mRECIST code 1–4 per reader, null = not read. */
  readers: Array<number | null>;
  /** Raw cells, written to survival.csv exactly as the sheet has them (R read the same decimals). */
  os: {time: string; event: string};
  ttp: {time: string; event: string};
}

/** The rows of the real sheet, or null when it is absent. */
function readSheet(): SheetRow[] | null {
  if (!existsSync(HCC_SHEET)) return null;
  const rows = parseCsv(readFileSync(HCC_SHEET, "utf8"), HCC_SHEET);
  const header = rows.shift() as string[];
  const col = (name: string) => {
    const i = header.indexOf(name);
    assert.ok(i >= 0, `column ${name} missing from ${HCC_SHEET}`);
    return i;
  };
  const id = col("TCIA_ID");
  const readers = READERS.map(col);
  const [osTime, osEvent, ttpTime, ttpEvent] = [
    col("OS"),
    col("Death_1_StillAliveorLostToFU_0"),
    col("TTP"),
    col("Censored_0_progressed_1"),
  ];
  const cell = (r: string[], i: number) => (r[i] ?? "").trim();
  return rows.map((r) => ({
    id: cell(r, id),
    readers: readers.map((i) => {
      const v = cell(r, i);
      if (v === "") return null;
      assert.ok(/^[1-4]$/.test(v), `${HCC_SHEET}: mRECIST code "${v}" outside 1–4`);
      return Number(v);
    }),
    os: {time: cell(r, osTime), event: cell(r, osEvent)},
    ttp: {time: cell(r, ttpTime), event: cell(r, ttpEvent)},
  }));
}

const sheet = readSheet();

/** Without the sheet the refusals still run, on twelve made-up patients (ids P1 … P12, every reader CR). */
const refusalRows: SheetRow[] =
  sheet ??
  Array.from({length: 12}, (_, i) => ({
    id: `P${i + 1}`,
    readers: [1, 1, 1],
    os: {time: `${10 + i}`, event: `${i % 2}`},
    ttp: {time: `${5 + i}`, event: `${(i + 1) % 2}`},
  }));
const dir = mkdtempSync(join(tmpdir(), "evaluate-outcomes-"));
after(() => rmSync(dir, {recursive: true, force: true}));

/** The score of the survival goldens: s = 1 − (m − 1)/3, m = the 1_mRECIST code. */
const scoreOf = (m: number) => 1 - (m - 1) / 3;

/** predictions.csv: the patients with a 1_mRECIST, label = that class, [s/2, s/2, (1 − s)/2, (1 − s)/2]. */
function predictionsCsv(rows: readonly SheetRow[]): string {
  const lines = ["patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD"];
  for (const r of rows) {
    const m = r.readers[0];
    if (m === null || m === undefined) continue;
    const s = scoreOf(m);
    lines.push([r.id, COHORT, LABELS[m - 1], s / 2, s / 2, (1 - s) / 2, (1 - s) / 2].map(String).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** survival.csv for every row of the sheet; `edit` may replace the cells of one row (by index) to make it invalid. */
function survivalCsv(rows: readonly SheetRow[], edit?: {index: number; cells: string[]}): string {
  const lines = ["patient_id,os_time,os_event,ttp_time,ttp_event"];
  rows.forEach((r, i) => {
    const cells = edit?.index === i ? edit.cells : [r.os.time, r.os.event, r.ttp.time, r.ttp.event];
    lines.push([r.id, ...cells].join(","));
  });
  return `${lines.join("\n")}\n`;
}

/** readers.csv for every row: CR/PR/SD/PD or empty. */
function readersCsv(rows: readonly SheetRow[]): string {
  const lines = [`patient_id,${READERS.join(",")}`];
  for (const r of rows) lines.push([r.id, ...r.readers.map((m) => (m === null ? "" : LABELS[m - 1]))].join(","));
  return `${lines.join("\n")}\n`;
}

/** Exactly the contract's keys plus the named extensions, no more and no fewer. */
function assertKeys(value: unknown, contract: readonly string[], extensions: readonly string[], where: string): void {
  assert.ok(value !== null && typeof value === "object" && !Array.isArray(value), `${where}: not an object`);
  const keys = Object.keys(value as object);
  const missing = contract.filter((k) => !keys.includes(k));
  assert.deepEqual(missing, [], `${where}: contract key(s) missing`);
  assert.deepEqual([...keys].sort(), [...contract, ...extensions].sort(), `${where}: keys`);
}

/** A confidence interval [lower, upper] of two finite numbers, lower ≤ upper. */
function assertCi(ci: unknown, where: string): void {
  assert.ok(Array.isArray(ci) && ci.length === 2, `${where}: ci must be [lower, upper], got ${JSON.stringify(ci)}`);
  const [lo, hi] = ci as number[];
  assert.ok(Number.isFinite(lo) && Number.isFinite(hi) && (lo as number) <= (hi as number), `${where}: ci ${ci}`);
}

describe("workbench evaluate --survival --readers on the real HCC-TACE-Seg sheet, against R", () => {
  // biome-ignore lint/suspicious/noExplicitAny: the command's JSON output, untyped.
  let metrics: any = null;
  let stderr = "";
  const run = async () => {
    if (metrics !== null || !sheet) return;
    writeFileSync(join(dir, "p.csv"), predictionsCsv(sheet));
    writeFileSync(join(dir, "s.csv"), survivalCsv(sheet));
    writeFileSync(join(dir, "r.csv"), readersCsv(sheet));
    const io = fakeIO(dir);
    const code = await runCli(
      ["evaluate", "--predictions", "p.csv", "--survival", "s.csv", "--readers", "r.csv", "--out", "m.json"],
      io,
    );
    stderr = io.err;
    assert.equal(code, ExitCode.ok, io.err);
    metrics = JSON.parse(readFileSync(join(dir, "m.json"), "utf8"));
  };

  it("writes the survival and readers blocks with exactly the contract's keys", async (t) => {
    if (!sheet) return t.skip(HCC_SKIP);
    await run();
    assert.equal(sheet.length, readersGolden.rows, "rows of the sheet");
    assert.equal(sheet.filter((r) => r.readers[0] !== null).length, survivalGolden.datasets.hcc.n, "patients scored");
    assert.match(stderr, /evaluate: 96 patients from p\.csv/);
    assert.deepEqual(Object.keys(metrics.survival).sort(), ["os", "ttp"]);
    assert.deepEqual(metrics.survivalOptions.unmatched, {os: 0, ttp: 0});
    for (const endpoint of ["os", "ttp"]) {
      assert.deepEqual(Object.keys(metrics.survival[endpoint]), [COHORT], `survival.${endpoint}: cohorts`);
      const b = metrics.survival[endpoint][COHORT];
      const at = `survival.${endpoint}["${COHORT}"]`;
      assertKeys(
        b,
        ["n", "events", "logrank", "cox", "coxGroup", "concordance", "median"],
        ["responders", "nonResponders", "uno", "medianCi", "curves", "atRisk", "timeAuc"],
        at,
      );
      assertKeys(b.logrank, ["chisq", "df", "p"], [], `${at}.logrank`);
      assertKeys(
        b.cox,
        ["hr", "ci", "p"],
        ["coef", "se", "wald", "lrt", "score", "zph", "converged", "estimable"],
        `${at}.cox`,
      );
      assertKeys(b.coxGroup, ["hr", "ci"], ["p", "converged", "estimable"], `${at}.coxGroup`);
      assertKeys(b.concordance, ["c", "se"], [], `${at}.concordance`);
      assertKeys(b.median, ["responder", "nonResponder"], [], `${at}.median`);
      assertCi(b.cox.ci, `${at}.cox`);
      assertCi(b.coxGroup.ci, `${at}.coxGroup`);
    }
    const r = metrics.readers;
    assertKeys(r, ["n", "fleissKappa", "unanimous", "pairs"], ["readers", "model"], "readers");
    assertKeys(r.fleissKappa, ["kappa", "ci"], ["se", "z", "p"], "readers.fleissKappa");
    assertCi(r.fleissKappa.ci, "readers.fleissKappa");
    assertKeys(r.unanimous, ["share"], ["count"], "readers.unanimous");
    assert.ok(Array.isArray(r.pairs) && r.pairs.length === 3, "readers.pairs: 3 pairs");
    for (const [i, pair] of (r.pairs as unknown[]).entries()) {
      assertKeys(pair, ["a", "b", "n", "cohen", "linear", "quadratic"], ["confusion"], `readers.pairs[${i}]`);
      for (const k of ["cohen", "linear", "quadratic"]) {
        // biome-ignore lint/suspicious/noExplicitAny: the command's JSON output, untyped.
        const kappa = (pair as any)[k];
        assertKeys(kappa, ["kappa", "ci"], ["weighting", "replicates", "dropped"], `readers.pairs[${i}].${k}`);
        assertCi(kappa.ci, `readers.pairs[${i}].${k}`);
      }
    }
  });

  for (const endpoint of ["os", "ttp"] as const) {
    it(`survival.${endpoint}: n, events, log-rank, Cox on the score and on the group, Harrell's C, medians = R`, async (t) => {
      if (!sheet) return t.skip(HCC_SKIP);
      await run();
      const g = survivalGolden.datasets.hcc;
      assert.ok(g?.[endpoint]?.group, "survival.json has no hcc group goldens: rerun make-survival-golden.R");
      const R = g[endpoint];
      const b = metrics.survival[endpoint][COHORT];
      const at = `survival.${endpoint}`;
      assert.equal(b.n, R.group.n, `${at}.n`);
      assert.equal(b.n, g.n, `${at}.n`);
      assert.equal(b.events, R.group.events, `${at}.events`);
      // survdiff(Surv(time, event) ~ group), group = score ≥ 0.5; levels "0", "1".
      assert.deepEqual(R.logrank.levels, ["0", "1"]);
      assert.equal(b.nonResponders, R.logrank.n[0], `${at}.nonResponders`);
      assert.equal(b.responders, R.logrank.n[1], `${at}.responders`);
      near(b.logrank.chisq, R.logrank.chisq, `${at}.logrank.chisq`);
      assert.equal(b.logrank.df, R.logrank.df, `${at}.logrank.df`);
      nearP(b.logrank.p, R.logrank.p, `${at}.logrank.p`);
      // coxph(Surv(time, event) ~ score)
      near(b.cox.hr, R.cox.hr, `${at}.cox.hr`);
      near(b.cox.ci[0], R.cox.ci.value[0], `${at}.cox.ci[0]`);
      near(b.cox.ci[1], R.cox.ci.value[1], `${at}.cox.ci[1]`);
      nearP(b.cox.p, R.cox.p, `${at}.cox.p`);
      // coxph(Surv(time, event) ~ group)
      near(b.coxGroup.hr, R.group.cox.hr, `${at}.coxGroup.hr`);
      near(b.coxGroup.ci[0], R.group.cox.ci.value[0], `${at}.coxGroup.ci[0]`);
      near(b.coxGroup.ci[1], R.group.cox.ci.value[1], `${at}.coxGroup.ci[1]`);
      nearP(b.coxGroup.p, R.group.cox.p, `${at}.coxGroup.p`);
      // concordance(Surv(time, event) ~ score): Harrell, default direction
      near(b.concordance.c, R.harrell.concordance, `${at}.concordance.c`);
      near(b.concordance.se, R.harrell["std.err"], `${at}.concordance.se`);
      // Each group's median with its CI as print(survfit(...)) shows it (summary(fit)$table), what a user compares
      // with; quantile(survfit(...), 0.5) agrees on the median, but on a band that is not monotone its limits can
      // differ from the table's (for the TTP responders of this sheet quantile() gives 197, the table 80.14).
      for (const group of ["responder", "nonResponder"] as const) {
        const {print, quantile} = R.group[group];
        const half = quantile.probs.indexOf(0.5);
        assert.ok(half >= 0, "survival.json: quantiles without 0.5");
        near(b.median[group], print.median, `${at}.median.${group}`);
        near(b.median[group], quantile.quantile[half], `${at}.median.${group} (quantile)`);
        near(b.medianCi[group].estimate, print.median, `${at}.medianCi.${group}.estimate`);
        near(b.medianCi[group].lower, print.lower, `${at}.medianCi.${group}.lower`);
        near(b.medianCi[group].upper, print.upper, `${at}.medianCi.${group}.upper`);
      }
    });
  }

  it("readers: Fleiss' κ, n, unanimous share and each pair's Cohen, linear and quadratic κ = R", async (t) => {
    if (!sheet) return t.skip(HCC_SKIP);
    await run();
    const R = readersGolden;
    const r = metrics.readers;
    assert.deepEqual(r.readers, R.readers);
    assert.equal(r.n, R.n, "readers.n");
    near(r.fleissKappa.kappa, R.fleissKappa.kappa, "readers.fleissKappa.kappa");
    near(r.fleissKappa.se, R.fleissKappa.se, "readers.fleissKappa.se");
    near(r.fleissKappa.z, R.fleissKappa.z, "readers.fleissKappa.z");
    nearP(r.fleissKappa.p, R.fleissKappa.p, "readers.fleissKappa.p");
    assert.equal(r.unanimous.count, R.unanimous.count, "readers.unanimous.count");
    near(r.unanimous.share, R.unanimous.share, "readers.unanimous.share");
    assert.equal(r.pairs.length, R.pairs.length);
    for (const p of R.pairs) {
      // biome-ignore lint/suspicious/noExplicitAny: the command's JSON output, untyped.
      const ours = r.pairs.find((q: any) => q.a === p.a && q.b === p.b);
      assert.ok(ours, `readers.pairs: no pair ${p.a}, ${p.b}`);
      const at = `readers.pairs[${p.a}, ${p.b}]`;
      assert.equal(ours.n, p.n, `${at}.n`);
      near(ours.cohen.kappa, p.cohen.kappa, `${at}.cohen.kappa`);
      near(ours.linear.kappa, p.linear.kappa, `${at}.linear.kappa`);
      near(ours.quadratic.kappa, p.quadratic.kappa, `${at}.quadratic.kappa`);
    }
  });
});

describe("workbench evaluate --survival refuses a bad survival file through the CLI", () => {
  const cases = [
    {
      name: "a negative time",
      cells: ["-1", "1", "10", "0"],
      message: /os_time must be a plain decimal number ≥ 0, not "-1"/,
    },
    {
      name: "event 2",
      cells: ["10", "0", "10", "2"],
      message: /ttp_event must be 0 \(censored\) or 1 \(event\), not "2"/,
    },
  ];
  for (const [k, c] of cases.entries()) {
    it(`${c.name}: exit code ${ExitCode.failure}, stderr names the line and the patient, no output written`, async () => {
      const here = mkdtempSync(join(dir, `refuse-${k}-`));
      const index = 9; // the 10th patient: line 11 of the file (header on line 1)
      const patient = (refusalRows[index] as SheetRow).id;
      writeFileSync(join(here, "p.csv"), predictionsCsv(refusalRows));
      writeFileSync(join(here, "s.csv"), survivalCsv(refusalRows, {index, cells: c.cells}));
      writeFileSync(join(here, "r.csv"), readersCsv(refusalRows));
      const before = readdirSync(here).sort();
      const io = fakeIO(here);
      const code = await runCli(
        ["evaluate", "--predictions", "p.csv", "--survival", "s.csv", "--readers", "r.csv", "--out", "m.json"],
        io,
      );
      assert.equal(code, ExitCode.failure, io.err);
      assert.ok(io.err.includes(`s.csv: 1 invalid row(s)`), io.err);
      assert.ok(io.err.includes(`line ${index + 2} (patient ${patient}): `), io.err);
      assert.match(io.err, c.message);
      assert.equal(existsSync(join(here, "m.json")), false, "m.json written");
      assert.deepEqual(readdirSync(here).sort(), before, "files left in the folder");
    });
  }
});
