import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {type BrowserContext, chromium, type Page} from "playwright-core";

/** Debian's Chromium, driven by playwright-core (no browser download). */
export function chromiumPath(): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], {encoding: "utf8"}).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "workbench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: {width: 1280, height: 900},
    timezoneId: "America/Los_Angeles",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}

export interface PageProblems {
  consoleErrors: string[];
  consoleWarnings: string[];
  pageErrors: string[];
  failedRequests: string[];
  badStatuses: string[];
  externalRequests: string[];
}

const loopback = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

/** Records everything that would make a page unusable offline. External requests are aborted and reported. */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = {
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    failedRequests: [],
    badStatuses: [],
    externalRequests: [],
  };
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || url.startsWith("blob:") || loopback.test(url)) return route.continue();
    problems.externalRequests.push(url);
    return route.abort();
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
    if (message.type() === "warning") problems.consoleWarnings.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(String(error)));
  page.on("requestfailed", (request) =>
    problems.failedRequests.push(`${request.url()} ${request.failure()?.errorText}`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) problems.badStatuses.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

export function screenshotDir(): string {
  const dir = join(process.cwd(), "test-results", "screenshots");
  mkdirSync(dir, {recursive: true});
  return dir;
}
