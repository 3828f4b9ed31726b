// What the browser suites over the built demo site (dist/) share: serving the build to Chromium, opening a page
// with its problems watched, and checking a number on a page against `workbench` run in-process on the same data.
import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {after, before} from "node:test";
import type {Page} from "playwright-core";
import {runCli} from "../../loaders/cli/main.js";
import {type Browser, chromiumPath, launchBrowser, type PageProblems, watchPage} from "./browser.js";
import {builtArtifact} from "./builtArtifacts.js";
import {type DistServer, serveDist} from "./serveDist.js";

export const dist = join(process.cwd(), "dist");

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
}

/** Opens `path` on `server` in a new tab, watched from before the first request, once the network is idle. */
export async function openPage(browser: Browser, server: DistServer, path: string): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  const problems = await watchPage(page);
  await page.goto(`${server.url}${path}`, {waitUntil: "networkidle"});
  return {page, problems};
}

/** Closes the page, then fails if it threw or logged an error (`label` names the page in the message). */
export async function closeClean(page: Page, problems: PageProblems, label?: string): Promise<void> {
  await page.close();
  assert.deepEqual(problems.pageErrors, [], label);
  assert.deepEqual(problems.consoleErrors, [], label);
}

/**
 * Registers the suite's hooks (call it inside `describe`): before the tests, checks that dist/ is built and Chromium
 * is installed, runs `load` (the suite reads its built artifacts there), serves dist/ and starts the browser; after
 * them, closes both. `root` serves another copy of the build (made in `load`). Returns the suite's way to open a page.
 */
export function useBuiltSite(
  load: () => void = () => {},
  root: () => string = () => dist,
): {open: (path: string) => Promise<OpenedPage>} {
  let server: DistServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    const executable = chromiumPath();
    assert.ok(existsSync(join(dist, "index.html")), "dist/ is missing: run `npm run build` first");
    assert.ok(executable, "Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)");
    load();
    server = await serveDist(root());
    browser = await launchBrowser(executable);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open: (path) => {
      assert.ok(browser && server, "the built site is not being served (before() did not complete)");
      return openPage(browser, server, path);
    },
  };
}

/** Runs `workbench <args>` in-process in `cwd`, failing with what it wrote to stderr if it exits non-zero. */
export async function runWorkbench(cwd: string, args: string[]): Promise<void> {
  let log = "";
  const io = {
    cwd,
    stdout: () => {},
    stderr: (text: string) => {
      log += text;
    },
  };
  const code = await runCli(args, io);
  assert.equal(code, 0, log);
}

/**
 * The built predictions.csv restricted to one protocol's rows, without the site-only `protocol` and `split` columns:
 * the file a user would give `workbench evaluate` for that protocol. `rows` counts the data rows kept.
 */
export function protocolPredictionsCsv(protocol: string): {csv: string; rows: number} {
  const lines = builtArtifact(dist, "predictions", "csv").trimEnd().split("\n");
  const header = lines[0]!.split(",");
  const protocolColumn = header.indexOf("protocol");
  const keep = header.map((_, i) => i).filter((i) => header[i] !== "protocol" && header[i] !== "split");
  const rows = lines
    .slice(1)
    .map((line) => line.split(","))
    .filter((cells) => cells[protocolColumn] === protocol)
    .map((cells) => keep.map((i) => cells[i]).join(","));
  return {csv: `${keep.map((i) => header[i]).join(",")}\n${rows.join("\n")}\n`, rows: rows.length};
}
