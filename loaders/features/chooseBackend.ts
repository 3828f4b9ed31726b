import {existsSync} from "node:fs";
import * as tf from "@tensorflow/tfjs";
import type {Backend} from "../../src/components/study/vocabulary.js";

/**
 * Picks the TensorFlow.js backend at run time (evidence: ../shared/compute.md). The native backends are NOT
 * dependencies (their install scripts download libtensorflow, which fails offline); they are probed with a dynamic
 * import() so users who can fetch them opt in with
 *   npm install --no-save @tensorflow/tfjs-node-gpu@4.22.0   (CUDA 11.2 + cuDNN 8.1)
 *   npm install --no-save @tensorflow/tfjs-node@4.22.0
 * Order for "auto": tfjs-node-gpu when a CUDA device is visible, then tfjs-node, then wasm (SIMD, single-threaded in
 * Node; the engine adds worker threads). "cpu" is the pure-JS reference backend (≈100× slower than wasm).
 */

export interface BackendChoice {
  /** The tfjs backend name now active: "tensorflow", "wasm" or "cpu". */
  backend: Exclude<Backend, "auto">;
  /** The package that provides it, e.g. "@tensorflow/tfjs-node-gpu". */
  provider: string;
  /** Convolution gradients exist (fine-tuning possible): true on tensorflow and cpu, false on wasm. */
  canTrainConvolutions: boolean;
}

export const InstallHint =
  "install one with `npm install --no-save @tensorflow/tfjs-node-gpu@4.22.0` (CUDA) or `npm install --no-save @tensorflow/tfjs-node@4.22.0`";

function cudaVisible(): boolean {
  return existsSync("/proc/driver/nvidia/version") || existsSync("/dev/nvidiactl");
}

async function tryImport(name: string): Promise<boolean> {
  try {
    await import(name);
    return true;
  } catch {
    return false;
  }
}

async function activate(name: BackendChoice["backend"]): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend "${name}" failed to initialise`);
  await tf.ready();
}

async function tensorflowChoice(): Promise<BackendChoice | undefined> {
  const candidates = cudaVisible() ? ["@tensorflow/tfjs-node-gpu", "@tensorflow/tfjs-node"] : ["@tensorflow/tfjs-node"];
  for (const provider of candidates) {
    if (await tryImport(provider)) {
      await activate("tensorflow");
      return {backend: "tensorflow", provider, canTrainConvolutions: true};
    }
  }
  return undefined;
}

export async function chooseBackend(request: Backend, log: (msg: string) => void): Promise<BackendChoice> {
  if (request === "auto" || request === "tensorflow") {
    const native = await tensorflowChoice();
    if (native) {
      log(`tfjs backend: tensorflow (${native.provider})`);
      return native;
    }
    if (request === "tensorflow") {
      throw new Error(
        `model.backend "tensorflow": expected @tensorflow/tfjs-node(-gpu) to be installed, got none; ${InstallHint}`,
      );
    }
  }
  if (request === "cpu") {
    await activate("cpu");
    log("tfjs backend: cpu (pure JavaScript reference; very slow for ResNet50)");
    return {backend: "cpu", provider: "@tensorflow/tfjs-backend-cpu", canTrainConvolutions: true};
  }
  await import("@tensorflow/tfjs-backend-wasm");
  await activate("wasm");
  log(
    `tfjs backend: wasm (SIMD, one thread per worker)${request === "auto" ? `; for native speed ${InstallHint}` : ""}`,
  );
  return {backend: "wasm", provider: "@tensorflow/tfjs-backend-wasm", canTrainConvolutions: false};
}
