import {mkdir, writeFile} from "node:fs/promises";
import type {Volume} from "../imaging/volume.js";
import {writeVolume} from "../imaging/writeVolume.js";

/** Where the files go: injected so tests can capture them in memory. */
export interface SynthWriter {
  writeVolume(volume: Volume, path: string): Promise<void>;
  writeText(path: string, text: string): Promise<void>;
  mkdir(path: string): Promise<void>;
}

export const nodeSynthWriter: SynthWriter = {
  writeVolume: (volume, path) => writeVolume(volume, path, {compress: true}),
  writeText: (path, text) => writeFile(path, text, "utf8"),
  mkdir: async (path) => {
    await mkdir(path, {recursive: true});
  },
};
