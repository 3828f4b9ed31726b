import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {drawOutcomes, outcomeModel, readersCsv, survivalCsv} from "../../../loaders/synth/outcomes.js";
import {planStudy} from "../../../loaders/synth/planStudy.js";

const plans = planStudy({scale: "paper", seed: 1});
const outcomes = drawOutcomes(plans, 1);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

describe("drawOutcomes(plans, seed): the demo study's readers and survival", () => {
  it("is a pure function of (plans, seed), and each patient's draw does not depend on the others", () => {
    assert.deepEqual(drawOutcomes(plans, 1), outcomes);
    const alone = drawOutcomes(plans.slice(5, 6), 1);
    assert.deepEqual(alone, [outcomes[5]]);
    assert.notDeepEqual(drawOutcomes(plans, 2), outcomes);
  });

  it("keeps the manifest label as reader 1 and has the other readers disagree mostly by one class", () => {
    const order = ["CR", "PR", "SD", "PD"];
    let agree = 0;
    let far = 0;
    for (const [i, o] of outcomes.entries()) {
      assert.equal(o.readers.length, outcomeModel.readers);
      assert.equal(o.readers[0], plans[i]?.label);
      for (const r of o.readers.slice(1)) {
        const d = Math.abs(order.indexOf(r) - order.indexOf(o.readers[0] as string));
        if (d === 0) agree++;
        if (d > 1) far++;
      }
    }
    const readings = outcomes.length * (outcomeModel.readers - 1);
    // Readers disagree, but not at random: between the real HCC-TACE-Seg readers' 58–67 % and near-perfect.
    assert.ok(agree / readings > 0.55 && agree / readings < 0.9, `agreement ${agree / readings}`);
    assert.ok(far / readings < 0.05, `two or more classes apart: ${far / readings}`);
  });

  it("gives responders longer survival and progression-free time than non-responders, with censoring", () => {
    const responder = (i: number) => ["CR", "PR"].includes(plans[i]?.label as string);
    const os = (keep: boolean) => outcomes.filter((_, i) => responder(i) === keep).map((o) => o.os.time);
    assert.ok(median(os(true)) > median(os(false)));
    const events = outcomes.filter((o) => o.os.event === 1).length;
    assert.ok(events > outcomes.length * 0.4 && events < outcomes.length, `${events} deaths`);
    for (const o of outcomes) {
      assert.ok(o.ttp.time <= o.os.time, `${o.patientId}: TTP ${o.ttp.time} after OS ${o.os.time}`);
      assert.ok(o.os.time > 0 && o.ttp.time > 0);
    }
  });

  it("writes the readers and survival files in the layout evaluate --readers / --survival reads", () => {
    const r = readersCsv(outcomes.slice(0, 2)).split("\n");
    assert.equal(r[0], "patient_id,reader_1,reader_2,reader_3");
    assert.match(r[1] as string, /^NFH-001,(CR|PR|SD|PD),(CR|PR|SD|PD),(CR|PR|SD|PD)$/);
    const s = survivalCsv(outcomes.slice(0, 2)).split("\n");
    assert.equal(s[0], "patient_id,os_time,os_event,ttp_time,ttp_event");
    assert.match(s[1] as string, /^NFH-001,[\d.]+,[01],[\d.]+,[01]$/);
  });
});

describe("the generator's README states the outcome model it runs", () => {
  it("names every parameter of outcomeModel with its value", async () => {
    const {readFileSync} = await import("node:fs");
    const readme = readFileSync(new URL("../../../loaders/synth/README.md", import.meta.url), "utf8");
    const m = outcomeModel;
    for (const text of [
      `${m.readingSd}·ε`,
      `shape ${m.weibullShape}`,
      `${m.medianOsMonths.cr} months for a typical CR`,
      `${m.medianOsMonths.pd} for a typical PD`,
      `from ${m.medianTtpMonths.cr} to ${m.medianTtpMonths.pd} months`,
      `uniform over ${m.accrualMonths} months`,
      `closes ${m.minFollowUpMonths} months`,
      `${m.lossPerMonth * 100} % a month`,
    ]) {
      assert.ok(readme.includes(text), `README.md should say "${text}"`);
    }
  });
});
