import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {pdfSafeDashes} from "../../../loaders/figures/svgToPdf.js";

describe("pdfSafeDashes", () => {
  it("drops a dash pattern whose gaps are all zero (a solid line) and keeps real dashes", () => {
    assert.equal(pdfSafeDashes('<path stroke-dasharray="1,0" d="M0,0"/>'), '<path d="M0,0"/>');
    assert.equal(pdfSafeDashes('<path stroke-dasharray="0 0"/>'), "<path/>");
    assert.equal(pdfSafeDashes('<path stroke-dasharray="4,2"/>'), '<path stroke-dasharray="4,2"/>');
  });

  it("makes a zero-length dash (a dot) a hundredth of a pixel", () => {
    assert.equal(pdfSafeDashes('<path stroke-dasharray="0,3"/>'), '<path stroke-dasharray="0.01,3"/>');
  });
});
