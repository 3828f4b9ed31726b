// Issue #23's pages: Readers and Survival render from the build, and a hazard ratio and a κ shown on them equal what
// `workbench evaluate --survival --readers` computes from the built predictions and the demo study's own readers'
// and survival files (regenerated here from the demo's plan: drawOutcomes is a pure function of it).
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {drawOutcomes, readersCsv, survivalCsv} from "../../loaders/synth/outcomes.js";
import {planStudy} from "../../loaders/synth/planStudy.js";
import type {ProtocolArtifact} from "../../src/components/artifacts.js";
import type {OutcomeBlocks} from "../../src/components/outcomes/evaluateOutcomes.js";
import type {ReadersData} from "../../src/components/readers/readersArtifact.js";
import type {SurvivalData} from "../../src/components/survival/survivalArtifact.js";
import {builtArtifact} from "./builtArtifacts.js";
import {closeClean, dist, protocolPredictionsCsv, runWorkbench, useBuiltSite} from "./builtSite.js";

describe("readers and survival (issue #23)", () => {
  let protocol: ProtocolArtifact;
  let survival: SurvivalData;
  let readers: ReadersData;
  let evaluated: OutcomeBlocks;

  const {open} = useBuiltSite(() => {
    protocol = JSON.parse(builtArtifact(dist, "protocol", "json")) as ProtocolArtifact;
    survival = JSON.parse(builtArtifact(dist, "survival", "json")) as SurvivalData;
    readers = JSON.parse(builtArtifact(dist, "readers", "json")) as ReadersData;
  });

  async function evaluate(): Promise<OutcomeBlocks> {
    if (evaluated) return evaluated;
    const {scale, seed} = protocol.config.study.demo;
    const outcomes = drawOutcomes(planStudy({scale, seed}), seed);
    const dir = mkdtempSync(join(tmpdir(), "workbench-outcomes-"));
    writeFileSync(join(dir, "readers.csv"), readersCsv(outcomes));
    writeFileSync(join(dir, "survival.csv"), survivalCsv(outcomes));
    writeFileSync(join(dir, "preds.csv"), protocolPredictionsCsv(protocol.primary).csv);
    // The build's outcomes settings (threshold, reference standard, endpoints) through a study file.
    writeFileSync(join(dir, "study.json"), JSON.stringify({outcomes: protocol.config.outcomes}));
    await runWorkbench(dir, [
      "evaluate",
      ...["--predictions", "preds.csv", "--survival", "survival.csv", "--readers", "readers.csv"],
      ...["--study", "study.json", "--bootstrap", "20", "--out", "m.json"],
    ]);
    evaluated = JSON.parse(readFileSync(join(dir, "m.json"), "utf8")) as OutcomeBlocks;
    return evaluated;
  }

  it("survival: the Kaplan–Meier chart, the number at risk, and a hazard ratio equal to `workbench evaluate`", async () => {
    assert.equal(survival.status, "ok", survival.status === "ok" ? "" : survival.reason);
    const {page, problems} = await open("/survival");
    await page.waitForSelector("#km-chart svg");
    await page.waitForSelector("#survival-table td[data-cohort]");
    assert.match((await page.locator("#survival-headline").textContent()) ?? "", /median overall survival/);
    assert.ok((await page.locator("#at-risk tbody tr").count()) === 2);
    const cells = await page
      .locator("#survival-table td[data-cohort][data-value]")
      .evaluateAll((tds) =>
        tds.map((td) => ({cohort: td.getAttribute("data-cohort"), value: td.getAttribute("data-value")})),
      );
    assert.ok(cells.length >= 2, "no hazard ratios on the page");
    const m = await evaluate();
    // The first HR cell of each row is responders vs non-responders, the second the score's.
    const groupHr = Number(cells[0]?.value);
    const cohort = cells[0]?.cohort as string;
    const expected = m.survival?.os?.[cohort]?.coxGroup?.hr;
    assert.ok(expected !== undefined, `evaluate has no OS HR for ${cohort}`);
    assert.ok(Math.abs(groupHr - expected) < 1e-9, `page ${groupHr} vs evaluate ${expected}`);
    const scoreHr = Number(cells[1]?.value);
    assert.ok(Math.abs(scoreHr - (m.survival?.os?.[cohort]?.cox?.hr ?? Number.NaN)) < 1e-9);
    await closeClean(page, problems, "/survival");
  });

  it("readers: Fleiss' κ and each pair's Cohen κ on the page equal `workbench evaluate`", async () => {
    assert.equal(readers.status, "ok", readers.status === "ok" ? "" : readers.reason);
    const {page, problems} = await open("/readers");
    await page.waitForSelector("#reader-pairs td[data-pair]");
    await page.waitForSelector("#reference-forest svg");
    assert.ok((await page.locator("#reference-table tbody tr").count()) >= 4, "each reader, the majority, unanimous");
    const m = await evaluate();
    const fleiss = Number(await page.locator("#fleiss").getAttribute("data-value"));
    assert.ok(Math.abs(fleiss - (m.readers?.fleissKappa.kappa ?? Number.NaN)) < 1e-12, `Fleiss ${fleiss}`);
    const pairs = await page
      .locator("#reader-pairs td[data-pair]")
      .evaluateAll((tds) =>
        tds.map((td) => [td.getAttribute("data-pair"), Number(td.getAttribute("data-value"))] as const),
      );
    assert.equal(pairs.length, m.readers?.pairs.length);
    for (const [pair, kappa] of pairs) {
      const [a, b] = (pair as string).split("|");
      const expected = m.readers?.pairs.find((p) => p.a === a && p.b === b)?.cohen.kappa;
      assert.ok(
        expected !== undefined && expected !== null && Math.abs(kappa - expected) < 1e-12,
        `${pair}: ${kappa} vs ${expected}`,
      );
    }
    await closeClean(page, problems, "/readers");
  });
});
