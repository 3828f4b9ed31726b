import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as vega from "vega";
import {fitSvg, PxPerMm, specToSvg, svgWithPhysicalSize} from "../../../loaders/figures/renderSvg.js";
import {rocSpec} from "../../../src/components/specs/rocSpec.js";

const series = [
  {
    label: "CR",
    color: "#0072B2",
    auc: 0.75,
    ci: [0.6, 0.9] as const,
    points: [
      {threshold: "Infinity", sensitivity: 0, specificity: 1},
      {threshold: 0.5, sensitivity: 0.5, specificity: 0.9},
      {threshold: "-Infinity", sensitivity: 1, specificity: 0},
    ],
  },
];

describe("fitSvg", () => {
  for (const widthMm of [84, 129, 174]) {
    it(`draws a figure as wide as a ${widthMm} mm column at 96 px to the inch`, async () => {
      const rendered = await fitSvg((w) => rocSpec(series, {width: w, height: w}), widthMm);
      assert.ok(Math.abs(rendered.width - widthMm * PxPerMm) <= 0.02 * widthMm * PxPerMm, `${rendered.width} px`);
      assert.match(rendered.svg, /font-family="DejaVu Sans"/);
      const {svg, heightMm} = svgWithPhysicalSize(rendered, widthMm);
      assert.match(svg, new RegExp(`<svg[^>]* width="${widthMm}mm"`));
      assert.ok(Math.abs(heightMm - (rendered.height * widthMm) / rendered.width) < 1e-9);
    });
  }

  it("puts Vega's own text measure back after drawing", async () => {
    const metrics = (vega as unknown as {textMetrics: {width: unknown}}).textMetrics;
    const before = metrics.width;
    await specToSvg(rocSpec(series));
    assert.equal(metrics.width, before);
  });
});
