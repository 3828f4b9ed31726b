import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {aucSummary} from "../../../src/components/stats/aucSummary.js";
import {bootstrapAucCi, clusterBootstrapAucCi} from "../../../src/components/stats/bootstrapAuc.js";
import {aucCiDeLong} from "../../../src/components/stats/delong.js";
import {obuchowskiAuc} from "../../../src/components/stats/obuchowski.js";

const options = {bootstrap: 0, seed: 1, ciLevel: 0.95};

describe("aucSummary(outcome, score, options)", () => {
  it("by hand: 2 cases (0.9, 0.4) vs 2 controls (0.6, 0.1) win 3 of 4 pairs: AUC 0.75; DeLong CI as delong.ts", () => {
    const y = [1, 1, 0, 0];
    const s = [0.9, 0.4, 0.6, 0.1];
    const r = aucSummary(y, s, options);
    assert.equal(r.auc, 0.75);
    assert.deepEqual(r.ciDeLong, aucCiDeLong(y, s, 0.95)!.ci);
    assert.equal(r.nCases, 2);
    assert.equal(r.nControls, 2);
    assert.equal(r.ciBootstrap, null);
    assert.equal("ciBootstrapNaive" in r, false);
    assert.equal(r.note, undefined);
  });
  it("the ROC is JSON-ready (±Infinity thresholds as strings) and the Youden point is a finite threshold", () => {
    const r = aucSummary([1, 1, 0, 0], [0.9, 0.4, 0.6, 0.1], options);
    const text = JSON.stringify(r);
    assert.deepEqual(JSON.parse(text), r);
    assert.ok(r.roc.some((p) => p.threshold === "Infinity" || p.threshold === "-Infinity"));
    assert.ok(r.youden && Number.isFinite(r.youden.threshold));
    // best J = sens + spec − 1 by hand: threshold between 0.6 and 0.9 (1/2 + 1 − 1) or at 0.4 (1 + 1/2 − 1), J = 0.5
    assert.equal(r.youden.sensitivity + r.youden.specificity - 1, 0.5);
  });
  it("a single class: auc null, empty ROC and a note; with clusters ciBootstrapNaive is null too", () => {
    const none = aucSummary([0, 0], [0.1, 0.2], options);
    assert.equal(none.auc, null);
    assert.deepEqual(none.roc, []);
    assert.match(none.note ?? "", /no cases/);
    const noControls = aucSummary([1, 1], [0.1, 0.2], {...options, clusters: ["a", "b"]});
    assert.match(noControls.note ?? "", /no controls/);
    assert.equal(noControls.ciBootstrapNaive, null);
  });
  it("a single case: an AUC but no DeLong interval, with a note", () => {
    const r = aucSummary([1, 0, 0], [0.5, 0.1, 0.9], options);
    assert.equal(r.auc, 0.5);
    assert.equal(r.ciDeLong, null);
    assert.match(r.note ?? "", /single case or control/);
  });
  it("bootstrap: naive stratified CI, or with clusters the cluster CI beside the naive one, same seeds", () => {
    const y = [1, 1, 1, 0, 0, 0, 1, 0];
    const s = [0.9, 0.7, 0.4, 0.5, 0.2, 0.3, 0.8, 0.6];
    const boot = {bootstrap: 200, seed: 5, ciLevel: 0.95};
    const naive = aucSummary(y, s, boot);
    assert.deepEqual(naive.ciBootstrap, bootstrapAucCi(y, s, {replicates: 200, seed: 5, ciLevel: 0.95})!.ci);
    const clusters = ["a", "a", "b", "c", "c", "d", "e", "f"];
    const clustered = aucSummary(y, s, {...boot, clusters});
    assert.deepEqual(clustered.ciBootstrapNaive, naive.ciBootstrap);
    assert.deepEqual(
      clustered.ciBootstrap,
      clusterBootstrapAucCi(y, s, clusters, {replicates: 200, seed: 5, ciLevel: 0.95})!.ci,
    );
  });
  it("with clusters, Obuchowski's clustered interval sits beside DeLong's; without, there is none", () => {
    const y = [1, 1, 1, 0, 0, 0, 1, 0];
    const s = [0.9, 0.7, 0.4, 0.5, 0.2, 0.3, 0.8, 0.6];
    const clusters = ["a", "a", "b", "c", "c", "d", "e", "f"];
    const clustered = aucSummary(y, s, {...options, clusters});
    assert.deepEqual(clustered.ciObuchowski, obuchowskiAuc(y, s, clusters, options.ciLevel)?.ci);
    assert.notDeepEqual(clustered.ciObuchowski, clustered.ciDeLong);
    assert.equal(aucSummary(y, s, options).ciObuchowski, undefined);
  });
  it("refuses NaN scores naming the index", () => {
    assert.throws(() => aucSummary([1, 0], [0.5, Number.NaN], options), /score\[1\]/);
  });
});
