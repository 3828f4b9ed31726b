import {readFile} from "node:fs/promises";
import {basename, dirname, join} from "node:path";
import type * as tf from "@tensorflow/tfjs";
import {hashFile, sha256 as sha256Of} from "../../hash.js";
import {replaceFile} from "../../output/writeNoFollow.js";
import {exportOnnx, type OnnxExportInfo} from "../onnxExport.js";
import {OnnxExporterVersion} from "./graphNames.js";
import type {LayersArtifacts} from "./kerasLayersFromArtifacts.js";

/**
 * The exported backbone lives next to the weights it came from: `<dir>/backbone.onnx`, `backbone.onnx.sha256`
 * (sha256sum format) and `backbone.onnx.json` (source weights hash, epsilon, exporter version, export info).
 * It is re-exported when any of those change or the file no longer matches its hash; otherwise the tfjs model is
 * never loaded (`load` is called only when an export is needed).
 */
export interface BackboneOnnxRequest {
  dir: string;
  /** Hash of the source weights (readModelFiles' weightsHash); part of the cache key. */
  weightsHash: string;
  /** Epsilon override for every BatchNorm; undefined = each layer's config. Part of the cache key. */
  batchNormEpsilon?: number;
  /** The model to export: a loaded tfjs LayersModel or its files (readModelFiles' output works as is). */
  load: () => Promise<tf.LayersModel | LayersArtifacts>;
  log?: (message: string) => void;
  fileName?: string;
}

export interface BackboneOnnx {
  path: string;
  sha256: string;
  sourceWeightsSha256: string;
  info: OnnxExportInfo;
  /** True when this call wrote the file, false when the cached export was reused. */
  exported: boolean;
}

interface Record_ {
  sourceWeightsSha256: string;
  batchNormEpsilonOverride: number | null;
  exporterVersion: number;
  sha256: string;
  info: OnnxExportInfo;
}

export async function ensureBackboneOnnx(req: BackboneOnnxRequest): Promise<BackboneOnnx> {
  const path = join(req.dir, req.fileName ?? "backbone.onnx");
  const override = req.batchNormEpsilon ?? null;
  const cached = await readRecord(`${path}.json`);
  if (
    cached &&
    cached.sourceWeightsSha256 === req.weightsHash &&
    cached.batchNormEpsilonOverride === override &&
    cached.exporterVersion === OnnxExporterVersion &&
    (await hashFile(path).catch(() => "")) === cached.sha256
  ) {
    return {path, sha256: cached.sha256, sourceWeightsSha256: req.weightsHash, info: cached.info, exported: false};
  }
  req.log?.(`exporting the ONNX backbone to ${path} (weights ${req.weightsHash.slice(0, 12)}…)`);
  const model = await req.load();
  const {onnx, info} = exportOnnx(
    model,
    req.batchNormEpsilon === undefined ? {} : {batchNormEpsilon: req.batchNormEpsilon},
  );
  const sha256 = sha256Of(onnx);
  const record: Record_ = {
    sourceWeightsSha256: req.weightsHash,
    batchNormEpsilonOverride: override,
    exporterVersion: OnnxExporterVersion,
    sha256,
    info,
  };
  // Write-then-rename, graph before its record: an interrupted export never looks fresh.
  // Each file through replaceFile (loaders/output): a random temporary name, no write through a planted link.
  const [dir, name] = [dirname(path), basename(path)];
  await replaceFile(dir, name, onnx);
  await replaceFile(dir, `${name}.sha256`, `${sha256}  ${req.fileName ?? "backbone.onnx"}\n`);
  await replaceFile(dir, `${name}.json`, `${JSON.stringify(record, null, 2)}\n`);
  return {path, sha256, sourceWeightsSha256: req.weightsHash, info, exported: true};
}

async function readRecord(path: string): Promise<Record_ | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as Record_;
  } catch {
    return undefined; // absent or unreadable: treated as stale, the export is redone
  }
}
