import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumPath } from '../../tests/e2e/support/extension';
import type { BenchAppApi } from './app-fallbacks';
import type { BenchPageApi } from './in-page';

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(import.meta.dirname, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
    // The app's schemas read this flag; the bench's bundle is never a test-hook build.
    define: { 'import.meta.env.RELANCE_TEST_HOOKS': 'false' },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

/** The bench's page library (small, no app code): evaluated in, or pre-loaded into, any page. */
export const benchPageScript = (): Promise<string> => bundle('in-page.ts');

/** The app's import and KPI functions, for an options page without the matching view. */
export const appFallbackScript = (): Promise<string> => bundle('app-fallbacks.ts');

type Evaluating = Pick<Page, 'evaluate'>;

/** Loads the bench library into a page already open (idempotent). */
export async function injectBench(page: Evaluating, script: string): Promise<void> {
  await page.evaluate(`globalThis.__bench ? undefined : (() => { ${script} })()`);
}

/** Runs one function of the page library and returns its (serialisable) result. */
export function inPage<K extends keyof BenchPageApi>(
  page: Evaluating,
  name: K,
  ...args: Parameters<BenchPageApi[K]>
): Promise<Awaited<ReturnType<BenchPageApi[K]>>> {
  return page.evaluate(
    ([fn, fnArgs]) => (globalThis as unknown as { __bench: Record<string, (...a: unknown[]) => unknown> }).__bench[fn]?.(...fnArgs),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchPageApi[K]>>>;
}

export function inAppFallback<K extends keyof BenchAppApi>(
  page: Evaluating,
  name: K,
  ...args: Parameters<BenchAppApi[K]>
): Promise<Awaited<ReturnType<BenchAppApi[K]>>> {
  return page.evaluate(
    ([fn, fnArgs]) => (globalThis as unknown as { __benchApp: Record<string, (...a: unknown[]) => unknown> }).__benchApp[fn]?.(...fnArgs),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchAppApi[K]>>>;
}

export type PlainBrowser = { context: BrowserContext; close(): Promise<void> };

/** Chromium as launchExtension starts it, without the extension: the baseline of the host-page overhead. */
export async function launchPlainBrowser(): Promise<PlainBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'relance-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'fr-FR',
    viewport: { width: 400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--lang=fr-FR',
    ],
  });
  await context.route(/^https?:\/\//, (route) => route.abort());
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page, retrying while its files are missing: the build directory is
 * shared, and a concurrent `npm test` rewrites it for a few seconds.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('ERR_FILE_NOT_FOUND') || Date.now() > deadline) throw error;
      await page.waitForTimeout(1000);
    }
  }
}

/** Serves `html` for `pattern`, replacing what an earlier phase served there. */
export async function serve(context: BrowserContext, pattern: RegExp, html: (url: URL) => string): Promise<void> {
  await context.unroute(pattern);
  await context.route(pattern, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(new URL(route.request().url())) }),
  );
}

/**
 * When the page's shell (the first element React renders) and the figure's own element first
 * appeared, ms since navigation start; and when the browser had parsed the page's HTML
 * (domInteractive), the moment before which none of the page's own scripts can have run.
 */
export type FirstRender = { parsedMs: number; shellMs: number; targetMs: number; attributes: Record<string, string | null> };

/**
 * Opens `url` in a fresh tab whose bench library, loaded before the page's own scripts,
 * records when `selector` first matches, and when the page's shell did; then reads
 * `readAttributes` (figures a view publishes about itself) before closing it.
 */
export async function timeFirstAppearance(
  context: BrowserContext,
  script: string,
  url: string,
  selector: string,
  options: {
    viewport?: { width: number; height: number };
    timeoutMs?: number;
    readAttributes?: { selector: string; names: string[] };
  } = {},
): Promise<FirstRender> {
  const page = await context.newPage();
  try {
    if (options.viewport) await page.setViewportSize(options.viewport);
    const watched = { shell: '#root *', target: selector };
    await page.addInitScript({ content: `${script};globalThis.__bench.watchFirstAppearance(${JSON.stringify(watched)});` });
    await gotoExtensionPage(page, url);
    await page.waitForFunction(
      () => (globalThis as { __benchFirstSeen?: Record<string, number> }).__benchFirstSeen?.target !== undefined,
      undefined,
      { timeout: options.timeoutMs ?? 30_000, polling: 50 },
    );
    const seen = await inPage(page, 'firstSeen');
    if (seen.target === undefined) throw new Error(`${selector} never appeared on ${url}`);
    const attributes: Record<string, string | null> = {};
    const { readAttributes } = options;
    if (readAttributes) {
      for (const name of readAttributes.names) attributes[name] = await page.locator(readAttributes.selector).first().getAttribute(name);
    }
    const parsedMs = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domInteractive ?? Number.NaN,
    );
    return { parsedMs, shellMs: seen.shell ?? Number.NaN, targetMs: seen.target, attributes };
  } finally {
    await page.close();
  }
}
