import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {PredictionRecord} from "../../../src/components/predictions/predictionColumns.js";
import {protocolPair} from "../../../src/components/predictions/protocolPair.js";

const row = (protocol: string | undefined, patientId: string): PredictionRecord => ({
  patientId,
  cohort: "A",
  label: "CR",
  probabilities: [0.4, 0.3, 0.2, 0.1],
  ...(protocol === undefined ? {} : {protocol}),
});

describe("protocolPair", () => {
  const rows = [row("x", "1"), row("y", "1"), row("z", "1"), row("x", "2")];

  it("splits the rows of the two named protocols, in order", () => {
    const p = protocolPair(rows, "x, y", "f.csv");
    assert.equal(p.a, "x");
    assert.equal(p.b, "y");
    assert.deepEqual(
      p.rowsA.map((r) => r.patientId),
      ["1", "2"],
    );
    assert.equal(p.rowsB.length, 1);
  });

  it("refuses a malformed pair, a missing protocol (listing those present) and a file without the column", () => {
    assert.throws(() => protocolPair(rows, "x", "f.csv"), /expected two different protocols "A,B", got "x"/);
    assert.throws(() => protocolPair(rows, "x,x", "f.csv"), /two different/);
    assert.throws(() => protocolPair(rows, "x,w", "f.csv"), /f.csv: no rows of protocol "w" \(the file has x, y, z\)/);
    assert.throws(() => protocolPair([row(undefined, "1")], "x,y", "f.csv"), /f.csv: --paired needs a protocol column/);
  });
});
