import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {settingLabel, variableLabel, words} from "../../../src/components/tables/displayLabels.js";

describe("displayLabels: no raw key on a page", () => {
  it("labels a clinical variable as Table 1 does", () => {
    assert.equal(variableLabel("afp"), "AFP (ng/mL)");
    assert.equal(variableLabel("tumour_size_cm"), "Tumour size (cm)");
    assert.equal(variableLabel("portal_vein_invasion"), "Portal vein invasion");
  });
  it("labels the ablation ladder's settings", () => {
    assert.equal(settingLabel("l2"), "L2 regularisation");
    assert.equal(settingLabel("partial batch"), "Last partial batch");
  });
  it("turns snake_case and camelCase into words", () => {
    assert.equal(words("calibrationSlope"), "Calibration slope");
    assert.equal(words("events_per_class"), "Events per class");
  });
});
