import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {loessBandNote} from "../../../src/components/tables/loessBandNote.js";

describe("loessBandNote(fits, ciLevel)", () => {
  it("names the level and the fits the band rests on", () => {
    assert.equal(
      loessBandNote({replicates: 200, used: 200, failed: 0}, 0.9),
      "90% band: 200 patient-bootstrap loess fits",
    );
  });

  it("says how many fits failed and were left out, never the number drawn as if all were used", () => {
    assert.equal(
      loessBandNote({replicates: 200, used: 187, failed: 13}, 0.95),
      "95% band: 187 patient-bootstrap loess fits (13 of 200 failed, too few distinct predictions, and are left out)",
    );
    assert.equal(
      loessBandNote({replicates: 200, used: 1, failed: 199}, 0.995),
      "99.5% band: 1 patient-bootstrap loess fit (199 of 200 failed, too few distinct predictions, and are left out)",
    );
  });

  it("says there is no band when every fit failed", () => {
    assert.equal(
      loessBandNote({replicates: 200, used: 0, failed: 200}, 0.9),
      "no band: all 200 patient-bootstrap loess fits failed (too few distinct predictions)",
    );
  });
});
