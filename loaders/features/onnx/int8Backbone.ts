import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {hashFile, sha256} from "../../hash.js";
import type {PatchSet} from "../../imaging/patchSet.js";
import {replaceFile} from "../../output/writeNoFollow.js";
import type {OnnxExportInfo} from "../onnxExport.js";
import {type EmbeddingAgreement, embeddingAgreement} from "./embeddingAgreement.js";
import {OnnxExporterVersion} from "./graphNames.js";
import type {LayersArtifacts} from "./kerasLayersFromArtifacts.js";
import {QdqVersion} from "./qdq.js";
import {type CalibrationSample, quantizeBackbone} from "./quantizeBackbone.js";

/** Patches of the training cohort the int8 backbone is calibrated on (at most; all of them when fewer). */
export const CalibrationPatches = 64;
/** Training-cohort patches outside the calibration sample on which int8 and FP32 embeddings are compared (at most). */
export const AgreementPatches = 32;

/**
 * The calibration sample: up to CalibrationPatches patches of the study's TRAINING cohort, evenly spaced over its
 * patch order (index ⌊i · n / k⌋), identity variant. Never another cohort: the external cohorts stay unseen by every
 * choice the model makes, the int8 ranges included. `hash` (sha256 of the size and the sample's pixels) keys the
 * quantized graph, so another study, cohort or geometry gets its own.
 */
export function calibrationSample(
  set: PatchSet,
  max: number = CalibrationPatches,
): {sample: CalibrationSample; hash: string; description: string; heldOut: CalibrationSample | null} {
  const n = set.records.length;
  if (n === 0) throw new Error(`int8 calibration: expected patches in training cohort ${set.cohort}, got none`);
  const k = Math.min(n, max);
  const per = set.sizePx * set.sizePx * 3;
  const pixels = new Uint8Array(k * per);
  const chosen = new Set<number>();
  for (let i = 0; i < k; i++) {
    const j = Math.floor((i * n) / k);
    chosen.add(j);
    pixels.set(set.pixels.subarray(j * per, (j + 1) * per), i * per);
  }
  // The agreement sample: patches the calibration did not see, evenly spaced over the rest (none when it saw all).
  const rest = Array.from({length: n}, (_, j) => j).filter((j) => !chosen.has(j));
  const h = Math.min(rest.length, AgreementPatches);
  const held = new Uint8Array(h * per);
  for (let i = 0; i < h; i++) {
    const j = rest[Math.floor((i * rest.length) / h)] as number;
    held.set(set.pixels.subarray(j * per, (j + 1) * per), i * per);
  }
  return {
    sample: {pixels, count: k, sizePx: set.sizePx},
    hash: sha256(`${set.sizePx}:`, pixels),
    description: `${k} of ${n} patches of training cohort ${set.cohort} (evenly spaced, identity variant), min–max ranges`,
    heldOut: h > 0 ? {pixels: held, count: h, sizePx: set.sizePx} : null,
  };
}

/** The embedding cache's model id of an int8 graph: the FP32 backbone's id and the quantized graph's bytes. */
export function int8ModelId(fp32ModelId: string, int8Sha256: string): string {
  return sha256(`int8:${fp32ModelId}:${int8Sha256}`);
}

interface Int8Record {
  sourceWeightsSha256: string;
  batchNormEpsilon: number;
  calibrationSha256: string;
  calibration: string;
  exporterVersion: number;
  qdqVersion: number;
  sha256: string;
  modelId: string;
  info: OnnxExportInfo;
  /** int8 against FP32 on the training patches the calibration did not see; null when it saw them all. */
  agreement: EmbeddingAgreement | null;
}

export interface Int8Backbone {
  path: string;
  sha256: string;
  modelId: string;
  exported: boolean;
  /** From the graph's record; undefined for a graph found by model id whose record predates it. */
  agreement?: EmbeddingAgreement | null;
}

/**
 * `<dir>/backbone-int8-<calibration hash 16>.onnx` (with `.sha256` and `.json` records beside it, like the FP32
 * export's): rebuilt when the weights, epsilon, calibration sample, exporter or quantizer version change or the file
 * no longer matches its hash; otherwise reused without loading the weights.
 */
export async function ensureInt8Backbone(req: {
  dir: string;
  weightsHash: string;
  batchNormEpsilon: number;
  fp32ModelId: string;
  calibration: ReturnType<typeof calibrationSample>;
  /** The FP32 export of the same weights (backboneCache.ts), which the agreement compares with. */
  fp32Path: string;
  load: () => Promise<LayersArtifacts>;
  threads?: number;
  log?: (message: string) => void;
}): Promise<Int8Backbone> {
  const name = `backbone-int8-${req.calibration.hash.slice(0, 16)}.onnx`;
  const path = join(req.dir, name);
  const cached = await readRecord(`${path}.json`);
  if (
    cached &&
    cached.sourceWeightsSha256 === req.weightsHash &&
    cached.batchNormEpsilon === req.batchNormEpsilon &&
    cached.calibrationSha256 === req.calibration.hash &&
    cached.exporterVersion === OnnxExporterVersion &&
    cached.qdqVersion === QdqVersion &&
    cached.agreement !== undefined &&
    (await hashFile(path).catch(() => "")) === cached.sha256
  ) {
    return {path, sha256: cached.sha256, modelId: cached.modelId, exported: false, agreement: cached.agreement};
  }
  req.log?.(`quantizing the ONNX backbone to int8 (calibration: ${req.calibration.description}) → ${path}`);
  const {onnx, info} = await quantizeBackbone(await req.load(), req.calibration.sample, {
    batchNormEpsilon: req.batchNormEpsilon,
    ...(req.threads === undefined ? {} : {threads: req.threads}),
  });
  const digest = sha256(onnx);
  // Graph first, then its agreement with FP32 (it runs the graph from its file), then the record.
  await replaceFile(req.dir, name, onnx);
  const agreement = req.calibration.heldOut
    ? await measureAgreement(req.fp32Path, path, req.calibration.heldOut, req.threads)
    : null;
  if (agreement)
    req.log?.(
      `int8 vs FP32 on ${agreement.sample}: cosine mean ${agreement.meanCosine.toFixed(4)}, min ${agreement.minCosine.toFixed(4)}`,
    );
  const record: Int8Record = {
    sourceWeightsSha256: req.weightsHash,
    batchNormEpsilon: req.batchNormEpsilon,
    calibrationSha256: req.calibration.hash,
    calibration: req.calibration.description,
    exporterVersion: OnnxExporterVersion,
    qdqVersion: QdqVersion,
    sha256: digest,
    modelId: int8ModelId(req.fp32ModelId, digest),
    info,
    agreement,
  };
  // Graph before its record, each through a temporary name: an interrupted export never looks fresh.
  await replaceFile(req.dir, `${name}.sha256`, `${digest}  ${name}\n`);
  await replaceFile(req.dir, `${name}.json`, `${JSON.stringify(record, null, 2)}\n`);
  return {path, sha256: digest, modelId: record.modelId, exported: true, agreement};
}

/** Both graphs' embeddings of the held-out patches (identity variant), compared patch by patch. */
async function measureAgreement(
  fp32Path: string,
  int8Path: string,
  heldOut: CalibrationSample,
  threads: number | undefined,
): Promise<EmbeddingAgreement> {
  const {createOnnxEngine} = await import("../onnxEngine.js");
  const embed = async (modelPath: string, int8: boolean) => {
    const engine = await createOnnxEngine({modelPath, batchSize: 8, int8, threads, device: "cpu"});
    try {
      return await engine.embed(heldOut.pixels, heldOut.count, heldOut.sizePx, "identity");
    } finally {
      await engine.dispose();
    }
  };
  return embeddingAgreement(
    await embed(fp32Path, false),
    await embed(int8Path, true),
    2048,
    `${heldOut.count} training-cohort patches outside the calibration sample`,
  );
}

/** The cached int8 graph whose model id is `modelId` (a saved int8 run's), for `predict`; undefined when none is. */
export async function findInt8Backbone(dir: string, modelId: string): Promise<Int8Backbone | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => /^backbone-int8-[0-9a-f]{16}\.onnx\.json$/.test(n)).sort()) {
    const record = await readRecord(join(dir, name));
    const path = join(dir, name.slice(0, -".json".length));
    if (record?.modelId === modelId && (await hashFile(path).catch(() => "")) === record.sha256) {
      return {path, sha256: record.sha256, modelId, exported: false, agreement: record.agreement};
    }
  }
  return undefined;
}

async function readRecord(path: string): Promise<Int8Record | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as Int8Record;
  } catch {
    return undefined; // absent or unreadable: stale, the quantization is redone
  }
}
