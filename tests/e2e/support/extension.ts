import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../..', process.env.RELANCE_OUTPUT_DIR ?? '.output', 'chrome-mv3-e2e');

/** Debian's Chromium by default; CHROMIUM_PATH overrides; Playwright's own browser where it exists. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  close(): Promise<void>;
}

export async function launchExtension(options: { locale?: string; headless?: boolean } = {}): Promise<Extension> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No e2e build at ${EXTENSION_DIR}: run \`npm run build:e2e\` first.`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'relance-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    locale: options.locale ?? 'fr-FR',
    viewport: { width: 400, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--lang=${options.locale ?? 'fr-FR'}`,
    ],
  });
  // Nothing leaves the machine: every web request is refused unless a test routes it.
  await context.route(/^https?:\/\//, (route) => route.abort());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    id,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves `html` for every URL matching `pattern` (e.g. 'https://www.linkedin.com/in/**'). */
export async function servePages(context: BrowserContext, pattern: string | RegExp, html: (url: URL) => string): Promise<void> {
  await context.route(pattern, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(new URL(route.request().url())) }),
  );
}

export function readFixture(relative: string): string {
  return readFileSync(path.resolve(import.meta.dirname, '../../fixtures', relative), 'utf8');
}

/**
 * The browser's id for the tab showing `page`. The extension may not read tab URLs (no
 * "tabs" permission), so the page is brought to the front and the active tab is asked for.
 */
export async function tabIdOf(extension: Extension, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await extension.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error(`No tab found for ${page.url()}`);
  return id;
}

export async function openSidePanel(extension: Extension, tabId: number): Promise<Page> {
  const panel = await extension.context.newPage();
  await panel.goto(`chrome-extension://${extension.id}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

export async function openPopup(extension: Extension): Promise<Page> {
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extension.id}/popup.html`);
  return popup;
}
