// Issue #22 on the built demo: the corrected protocol's prior correction is shown as calibration before and after on
// Clinical utility, and the internal validation table on Objective response lists rms::validate's indexes with the B
// the run used, its corrected values equal to data/optimism.json's.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {CalibrationExtrasArtifact} from "../../src/components/analysis/analysisArtifacts.js";
import type {Availability} from "../../src/components/analysis/availability.js";
import type {OptimismArtifact} from "../../src/components/optimism/optimismArtifact.js";
import {builtArtifact} from "./builtArtifacts.js";
import {closeClean, dist, useBuiltSite} from "./builtSite.js";

describe("honest probabilities and internal validation", () => {
  let extras: CalibrationExtrasArtifact;
  let optimism: OptimismArtifact;
  const {open} = useBuiltSite(() => {
    const data = JSON.parse(
      builtArtifact(dist, "calibration-extras", "json"),
    ) as Availability<CalibrationExtrasArtifact>;
    assert.ok(data.status === "ok", "calibration extras are available in the demo");
    extras = data.value;
    optimism = JSON.parse(builtArtifact(dist, "optimism", "json")) as OptimismArtifact;
  });

  it("Clinical utility: calibration before and after the prior correction, two rows per external cohort", async () => {
    const effect = extras.priorCorrection;
    assert.ok(effect, "the corrected protocol's run is prior-corrected by default");
    assert.equal(effect.shift.length, 4);
    const {page, problems} = await open("/clinical-utility");
    await page.waitForSelector("#prior-correction-table tbody tr");
    assert.equal(await page.locator("#prior-correction-table tbody tr").count(), 2 * effect.cohorts.length);
    assert.match((await page.locator("#prior-correction-note").textContent()) ?? "", /log\(nc\/N\)/);
    for (const c of effect.cohorts) assert.notEqual(c.asTrained.meanPredicted, c.corrected.meanPredicted, c.cohort);
    // Nominal calibration (Van Hoorde 2014): three equations (vs SD) per external cohort with a fit, each slope
    // shown equal to the artifact's; the parametric plot where the full recalibration model has a fit (the demo's
    // sharp model separates its 40-patient cohorts, so there it says why not).
    await page.waitForSelector("#nominal-calibration-table tbody tr");
    const fitted = extras.calibration.cohorts.filter((c) => c.nominal);
    assert.ok(fitted.length > 0, "the demo's external cohorts have intercepts and slopes");
    const slopes = await page
      .locator("#nominal-calibration-table td[data-value]")
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-value"))));
    for (const c of fitted)
      for (const s of c.nominal!.slopes)
        assert.ok(
          slopes.some((v) => Math.abs(v - s.estimate) < 1e-12),
          `${c.cohort} slope ${s.estimate} on the page`,
        );
    if (fitted.some((c) => c.nominal!.full)) await page.waitForSelector("#nominal-calibration svg");
    else
      for (const c of fitted)
        assert.match(
          (await page.locator("#nominal-calibration-table").textContent()) ?? "",
          new RegExp(`${c.cohort}.*no finite fit`),
        );
    await closeClean(page, problems, "/clinical-utility");
  });

  it("Objective response: the internal validation table with its B, corrected values as data/optimism.json", async () => {
    // The page opens on the study's primary protocol (protocol.json).
    const {primary} = JSON.parse(builtArtifact(dist, "protocol", "json")) as {primary: "paper" | "corrected"};
    const corrected = optimism.protocols[primary];
    assert.ok(corrected, `the ${primary} protocol has an optimism estimate in the demo`);
    const {page, problems} = await open("/objective-response");
    await page.waitForSelector("#internal-validation-table tbody tr");
    assert.equal(await page.locator("#internal-validation-table tbody tr").count(), 14);
    assert.match(
      (await page.locator("#internal-validation-table").textContent()) ?? "",
      new RegExp(`B = ${optimism.replicates} bootstrap replicates`),
    );
    const slope = await page
      .locator('#internal-validation-table td[data-corrected="Slope"]')
      .getAttribute("data-value");
    assert.equal(Number(slope), corrected.metrics.Slope.corrected);
    // rms::calibrate's bias-corrected curve, with the B it used, at least 40 (rms's default) in the demo.
    assert.ok(optimism.replicates >= 40, `B = ${optimism.replicates}`);
    assert.ok(corrected.calibration, "the demo's training cohort has enough patients for calibrate");
    assert.equal(corrected.calibration.predy.length, 50);
    await page.waitForSelector("#bias-corrected-calibration svg");
    assert.match(
      (await page.locator("#bias-corrected-calibration").textContent()) ?? "",
      new RegExp(`B = ${optimism.replicates}; largest Monte Carlo SE`),
    );
    await closeClean(page, problems, "/objective-response");
  });
});
