import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {cardPanels, probabilitySegments, probabilityText} from "../../../src/components/charts/galleryCard.js";
import {classColors} from "../../../src/components/specs/palette.js";

// The card itself is DOM (checked in the browser suite); its content is computed by these pure parts.
describe("galleryCard: probability bar and text", () => {
  const item = {probabilities: [0.1234, 0.7, 0.1, 0.0766] as [number, number, number, number]};

  it("one bar segment per class, in class order and colour, as wide as its probability", () => {
    assert.deepEqual(probabilitySegments(item), [
      {label: "CR", width: "12.3%", color: classColors.CR},
      {label: "PR", width: "70.0%", color: classColors.PR},
      {label: "SD", width: "10.0%", color: classColors.SD},
      {label: "PD", width: "7.7%", color: classColors.PD},
    ]);
  });

  it("the probabilities in words", () => {
    assert.equal(probabilityText(item), "CR 0.12 · PR 0.70 · SD 0.10 · PD 0.08");
  });

  it("segment widths add up to the whole bar, within rounding (property)", () => {
    const vector = fc
      .tuple(...Array.from({length: 4}, () => fc.double({min: 0.001, max: 1, noNaN: true})))
      .map((raw) => {
        const sum = raw.reduce((a, b) => a + b, 0);
        return raw.map((v) => v / sum) as [number, number, number, number];
      });
    fc.assert(
      fc.property(vector, (probabilities) => {
        const total = probabilitySegments({probabilities}).reduce((a, s) => a + Number.parseFloat(s.width), 0);
        assert.ok(Math.abs(total - 100) <= 0.2 + 1e-9, `${total}`);
      }),
      {seed: 8},
    );
  });
});

describe("galleryCard: panels", () => {
  const item = {
    patchId: "P1-s4-p0",
    patientId: "P1",
    cohort: "NFH",
    sliceIndex: 4,
    label: "PR" as const,
    predicted: "SD" as const,
    probabilities: [0.1, 0.3, 0.5, 0.1] as [number, number, number, number],
    correct: false,
    hasCam: true,
    image: "patches/a.png",
    cam: "cams/a.png",
    context: "contexts/a.png",
    sizeMm: 23.46,
    magnification: 9.55,
  };

  it("context, patch and CAM, left to right, the context captioned with slice, size and enlargement", () => {
    const panels = cardPanels(item, {image: "blob:i", cam: "blob:c", context: "blob:x"});
    assert.deepEqual(
      panels.map((p) => [p.kind, p.src, p.caption]),
      [
        ["context", "blob:x", "slice 4 · 23.5 mm, ×9.6"],
        ["patch", "blob:i", "patch"],
        ["cam", "blob:c", "CAM (SD)"],
      ],
    );
  });

  it("says which image is missing instead of leaving a gap", () => {
    const panels = cardPanels({...item, hasCam: false}, {image: null, cam: "blob:c", context: null});
    assert.deepEqual(
      panels.map((p) => [p.src, p.caption]),
      [
        [null, "no context crop"],
        [null, "no image"],
        [null, "no activation map"],
      ],
    );
  });
});
