#!/usr/bin/env node
// Seeds Observable Framework's npm cache from node_modules so `observable build` and `preview` need no network.
// Framework resolves `npm:` specifiers by asking a CDN and the registry; it reads versions from the directory names
// under <root>/.observablehq/cache/_npm/<name>@<version>/ and serves <dir>/_esm.js as the "+esm" bundle. We create
// those directories (versions from the installed packages) and write self-contained browser ESM bundles with esbuild.
// The tested recipe is in ../shared/offline-build.md.
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(repo, process.argv[2] ?? "src");
const cacheNpm = join(root, ".observablehq", "cache", "_npm");
const require = createRequire(join(repo, "package.json"));

// Framework judges a loader's cached output fresh by the loader file's mtime alone, and `observable build` never
// re-runs a cached loader, so a figure could silently come from an older run. Our pipeline has its own
// content-addressed cache (loaders are cheap when it is warm), so Framework's loader cache is always cleared.
rmSync(join(root, ".observablehq", "cache", "data"), {recursive: true, force: true});

/**
 * Libraries the pages use through Framework's implicit globals, FileAttachment and `npm:` imports: Inputs (with htl and
 * isoformat), html, d3-dsv (csv/tsv attachments), jszip (zip attachments) and arquero (`npm:arquero` on the Explore
 * and notebook pages: a bare "arquero" import is bundled from its Node build and fails in the browser, so it must come
 * from this browser bundle; ../shared/offline-build.md). Framework's other globals (d3, Plot, Arrow) are not used by
 * any page and are not installed; a page that starts using one must add the package and list it here.
 */
const bundles = ["htl", "isoformat", "d3-dsv", "@observablehq/inputs", "jszip", "arquero"];

function installedVersion(name) {
  const path = join(repo, "node_modules", name, "package.json");
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")).version : undefined;
}

function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function* walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith(".js")) yield path;
  }
}

const clientDir = join(dirname(require.resolve("@observablehq/framework/package.json")), "dist", "client");
const names = new Set();
for (const file of walk(clientDir)) {
  for (const match of readFileSync(file, "utf8").matchAll(/npm:((?:@[\w.-]+\/)?[\w.-]+)/g))
    names.add(packageName(match[1]));
}
for (const name of bundles) names.add(name);

let created = 0;
let bundled = 0;
for (const name of [...names].sort()) {
  const dir = join(cacheNpm, `${name}@${installedVersion(name) ?? "0.0.0"}`);
  if (!existsSync(dir)) {
    mkdirSync(dir, {recursive: true});
    created++;
  }
}

for (const name of bundles) {
  const version = installedVersion(name);
  if (!version) {
    process.stderr.write(`seed: ${name} is not installed; pages that use it will fail the build\n`);
    continue;
  }
  const outfile = join(cacheNpm, `${name}@${version}`, "_esm.js");
  if (existsSync(outfile)) continue;
  const options = {
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    define: {"process.env.NODE_ENV": '"production"'},
    outfile,
    logLevel: "silent",
  };
  const withDefault = `export * from ${JSON.stringify(name)}; export {default} from ${JSON.stringify(name)};`;
  const withoutDefault = `export * from ${JSON.stringify(name)};`;
  try {
    await build({...options, stdin: {contents: withDefault, resolveDir: repo}});
  } catch {
    await build({...options, stdin: {contents: withoutDefault, resolveDir: repo}});
  }
  bundled++;
}
process.stderr.write(`seed: ${names.size} npm names (${created} new), ${bundled} bundles written to ${cacheNpm}\n`);
