import { expect, type Page, type Request, test } from '@playwright/test';
import { type Extension, launchExtension, openPopup, openSidePanel, servePages, tabIdOf } from './support/extension';
import { PROFILES, profilePage } from './support/linkedin-pages';

/*
 * "No network request of its own" (README, Privacy): every request the browser context
 * makes while the rep uses the panel, the popup and the options page is recorded, the
 * service worker's included, and each must be the extension's own files or a page this
 * test opened itself.
 */

test.describe.configure({ mode: 'serial' });

type Hooks = { __relanceTest: { seedDemo(): Promise<unknown>; refreshBadge(): Promise<number>; announceDueRelances(): Promise<number> } };

let extension: Extension;
const requests: { url: string; from: string }[] = [];
/** URLs this test navigated to itself (the routed pages). */
const navigated = new Set<string>();
/** Requests this test makes on purpose, to prove the recorder sees them; left out of the verdict. */
const CONTROL_WORKER = 'https://control.relance-test.invalid/from-worker';
const CONTROL_PAGE = 'https://control.relance-test.invalid/from-page';
const pages: Page[] = [];
const cspViolations: string[] = [];

function record(request: Request): void {
  const worker = request.serviceWorker();
  const from = worker
    ? `worker ${worker.url()}`
    : (() => {
        try {
          return `frame ${request.frame().url()}`;
        } catch {
          return 'unknown';
        }
      })();
  requests.push({ url: request.url(), from });
}

async function track(page: Page): Promise<Page> {
  pages.push(page);
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval|EvalError/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

async function visit(page: Page, url: string): Promise<void> {
  navigated.add(url);
  await page.goto(url);
}

const isOwn = (url: string) => url.startsWith(`chrome-extension://${extension.id}/`);
const isLocal = (url: string) => /^(?:data:|blob:chrome-extension:\/\/|about:blank)/.test(url);

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  extension.context.on('request', record);
  await servePages(extension.context, 'https://www.linkedin.com/in/**', (url) => {
    const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    const person = PROFILES[slug] ?? PROFILES['camille-laurent-4b2a19'];
    if (!person) throw new Error('no fake profile');
    return profilePage(person, { links: ['thomas-girard-88'] });
  });
});

test.afterAll(async () => {
  await extension?.close();
});

test('the recorder sees a request from the service worker and from an extension page', async () => {
  await extension.worker.evaluate((url) => fetch(url).catch(() => undefined), CONTROL_WORKER);
  const popup = await track(await openPopup(extension));
  await popup.evaluate((url) => fetch(url).catch(() => undefined), CONTROL_PAGE);
  await expect.poll(() => requests.some((r) => r.url === CONTROL_WORKER && r.from.startsWith('worker'))).toBe(true);
  await expect.poll(() => requests.some((r) => r.url === CONTROL_PAGE)).toBe(true);
  const seen = await extension.worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  expect(seen).toContain(CONTROL_WORKER);
  await popup.close();
});

test('using the panel, the popup and every options section makes no request of its own', async () => {
  // The panel on a LinkedIn profile: recognise, add, log a call, plan a relance, follow an SPA link.
  const profile = await track(await extension.context.newPage());
  await visit(profile, 'https://www.linkedin.com/in/camille-laurent-4b2a19/');
  const panel = await track(await openSidePanel(extension, await tabIdOf(extension, profile)));
  await expect(panel.getByTestId('recognized-name')).toHaveText('Camille Laurent');
  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText('Camille Laurent');
  await panel.locator('[data-testid="log-contact"][data-channel="call"]').click();
  await panel.locator('[data-testid="relance-preset"][data-days="0"]').click();
  await expect(panel.getByTestId('next-relance')).toBeVisible();
  navigated.add('https://www.linkedin.com/in/thomas-girard-88/');
  await profile.locator('a.spa-link[data-slug="thomas-girard-88"]').click();
  await expect(panel.getByTestId('recognized-name')).toHaveText('Thomas Girard');

  // A capture from the context menu (a LinkedIn link): saved and notified.
  await profile.bringToFront();
  await extension.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(
      {
        menuItemId: 'capture-lead',
        editable: false,
        frameId: 0,
        pageUrl: tab?.url,
        linkUrl: 'https://www.linkedin.com/in/sophie-bernard-7c1/',
      },
      tab,
    );
  });

  // The popup, with sample data; the worker's alarm work (badge, grouped notification).
  await extension.worker.evaluate(() => (globalThis as unknown as Hooks).__relanceTest.seedDemo());
  await extension.worker.evaluate(async () => {
    const hooks = (globalThis as unknown as Hooks).__relanceTest;
    await chrome.storage.local.remove('reminders:announced');
    await hooks.refreshBadge();
    await hooks.announceDueRelances();
  });
  const popup = await track(await openPopup(extension));
  await expect(popup.locator('[data-testid="relance-item"]').first()).toBeVisible();
  await popup.locator('[data-testid="relance-item"]').first().getByTestId('relance-snooze').click();

  // Every options section, through its menu link (the dashboard among them when it exists).
  const options = await track(await extension.context.newPage());
  await options.goto(`chrome-extension://${extension.id}/options.html`);
  // The menu renders once the database is open: read it only then (evaluateAll does not wait).
  await expect(options.locator('nav a[href^="#/"]').first()).toBeVisible();
  const links = await options.locator('nav a[href^="#/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) {
    await options.goto(`chrome-extension://${extension.id}/options.html${href}`);
    await expect(options.locator('main h1')).toBeVisible();
    await options.waitForTimeout(300);
  }

  // Let anything deferred (timers, live queries, the worker's follow-ups) go out.
  await profile.waitForTimeout(1500);

  const foreign = requests.filter(
    (r) => r.url !== CONTROL_WORKER && r.url !== CONTROL_PAGE && !isOwn(r.url) && !isLocal(r.url) && !navigated.has(r.url),
  );
  expect(foreign, 'requests to hosts the test did not open').toEqual([]);
  // Our own files were seen too: the recorder was listening all along.
  expect(requests.filter((r) => isOwn(r.url)).length).toBeGreaterThan(0);

  // What each context fetched, by its own account (Resource Timing).
  const workerEntries = await extension.worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  expect(workerEntries.filter((url) => url !== CONTROL_WORKER && !isOwnUrl(url, extension.id))).toEqual([]);
  for (const page of [panel, popup, options]) {
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(entries.filter((url) => !isOwnUrl(url, extension.id) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  }
  for (const page of pages) if (!page.isClosed()) await page.close();
});

test('no page logged a Content Security Policy violation (no eval, no remote script)', () => {
  expect(cspViolations).toEqual([]);
});

function isOwnUrl(url: string, id: string): boolean {
  return url.startsWith(`chrome-extension://${id}/`);
}
