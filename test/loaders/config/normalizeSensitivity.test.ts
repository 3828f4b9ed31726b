import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";

describe("normalizeStudyConfig: sensitivity", () => {
  it("defaults to roi, fixed 16 mm and fixed 32 mm on unaugmented embeddings", () => {
    assert.deepEqual(normalizeStudyConfig({}).sensitivity, {
      geometries: [{geometry: "roi"}, {geometry: "fixed", sizeMm: 16}, {geometry: "fixed", sizeMm: 32}],
      variants: "identity",
    });
  });

  it("takes a list of geometries (empty turns the analysis off) and the variants mode", () => {
    const c = normalizeStudyConfig({
      sensitivity: {geometries: [{geometry: "fixed", sizeMm: 24}], variants: "configured"},
    });
    assert.deepEqual(c.sensitivity, {geometries: [{geometry: "fixed", sizeMm: 24}], variants: "configured"});
    assert.deepEqual(normalizeStudyConfig({sensitivity: {geometries: []}}).sensitivity.geometries, []);
  });

  it("refuses bad entries with 'expected … got …' naming the key", () => {
    const bad: Array<[unknown, RegExp]> = [
      [{geometries: "roi"}, /sensitivity\.geometries: expected an array of at most 6 patch geometries/],
      [{geometries: [{geometry: "fixed"}]}, /sensitivity\.geometries\[0\]\.sizeMm: expected a size in mm for "fixed"/],
      [
        {geometries: [{geometry: "roi", sizeMm: 3}]},
        /sensitivity\.geometries\[0\]\.sizeMm: expected no size for "roi"/,
      ],
      [{geometries: [{geometry: "fixed", sizeMm: -1}]}, /sensitivity\.geometries\[0\]\.sizeMm/],
      [{geometries: [{geometry: "disc"}]}, /sensitivity\.geometries\[0\]\.geometry/],
      [{geometries: [{}]}, /sensitivity\.geometries\[0\]\.geometry: expected one of "roi", "fixed"/],
      [
        {geometries: [{geometry: "roi"}, {geometry: "roi"}]},
        /sensitivity\.geometries\[1\]: expected distinct geometries, got roi twice/,
      ],
      [{geometries: [{geometry: "fixed", sizeMm: 16, extra: 1}]}, /extra/],
      [{variants: "all"}, /sensitivity\.variants/],
      [{other: 1}, /other/],
    ];
    for (const [spec, message] of bad) assert.throws(() => normalizeStudyConfig({sensitivity: spec}), message);
  });
});
