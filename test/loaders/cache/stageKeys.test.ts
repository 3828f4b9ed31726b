import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {modelKey} from "../../../loaders/cache/stageKeys.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {hashJson} from "../../../loaders/hash.js";

describe("modelKey(config, protocol, preprocess, code)", () => {
  const key = (engine: string) =>
    hashJson(modelKey(normalizeStudyConfig({model: {engine}}), "paper", "prep", {model: "code"}));

  it("is the same for the FP32 engines (same embeddings to 1e-4) and has no engine field for them", () => {
    assert.equal(key("onnx"), key("auto"));
    assert.equal(key("tfjs"), key("auto"));
    const k = modelKey(normalizeStudyConfig({}), "paper", "prep", {model: "code"});
    assert.equal(JSON.parse(JSON.stringify(k)).model.engine, undefined);
  });

  it("differs for the int8 engine, whose embeddings are not FP32's", () => {
    assert.notEqual(key("onnx-int8"), key("onnx"));
  });
});
