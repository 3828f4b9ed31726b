// Data loader: the "Your predictions" page's Web Worker as one self-contained ES module (data/predictions-worker.js),
// bundled by esbuild from src/components/yourPredictions/predictionsWorker.ts. A loader output is a plain file that
// Framework copies with a content hash, which the page starts with `new Worker(url, {type: "module"})`; it works
// offline and from any static server, with no import left to resolve at run time.
import {build} from "esbuild";

const result = await build({
  entryPoints: [new URL("../components/yourPredictions/predictionsWorker.ts", import.meta.url).pathname],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  legalComments: "none",
});
const [output] = result.outputFiles;
if (!output) throw new Error("predictions-worker: esbuild produced no output");
process.stdout.write(output.text);
