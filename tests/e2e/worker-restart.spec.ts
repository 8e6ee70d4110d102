import { type CDPSession, expect, type Page, test, type Worker } from '@playwright/test';
import { type Extension, launchExtension, openPopup, openSidePanel, servePages, tabIdOf } from './support/extension';
import { PROFILES, profilePage } from './support/linkedin-pages';

/*
 * MV3 stops an idle service worker whenever it likes. Its state lives in storage.session and
 * IndexedDB, so a stop between two steps of a flow loses nothing: the panel still shows the
 * person, the next message wakes a fresh worker, a capture is whole or can be replayed, and
 * the badge and the alarm come back by themselves.
 */

test.describe.configure({ mode: 'serial' });

type Hooks = { __relanceTest: { db: { tables: { name: string; count(): Promise<number> }[] }; seedDemo(): Promise<unknown> } };

const BLOG = 'https://www.example-crm-blog.fr';
const SIGNATURE =
  'Bien à vous, Marc Lemoine Directeur commercial – Exemple Industrie SAS Tél : 06 12 34 56 78 marc.lemoine@exemple-industrie.fr';

let extension: Extension;

/**
 * The worker's running status, as Chromium's DevTools protocol reports it. Playwright keeps one
 * Worker handle across a stop and a restart (evaluate reaches the new instance) but does not
 * notice a stop, and an evaluate on a stopped worker waits forever: hence this watch.
 */
let status = 'running';
const statusWaiters: { want: string; resolve: () => void }[] = [];
let cdpPage: Page;

async function watchWorkerStatus(): Promise<CDPSession> {
  cdpPage = await extension.context.newPage();
  const cdp = await extension.context.newCDPSession(cdpPage);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.find((version) => version.scriptURL.startsWith(`chrome-extension://${extension.id}/`));
    if (!ours?.runningStatus) return;
    status = ours.runningStatus;
    for (const waiter of statusWaiters.filter((w) => w.want === status)) {
      statusWaiters.splice(statusWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  await cdp.send('ServiceWorker.enable');
  return cdp;
}

function workerStatus(want: 'running' | 'stopped'): Promise<void> {
  if (status === want) return Promise.resolve();
  return new Promise((resolve) => statusWaiters.push({ want, resolve }));
}

let cdp: CDPSession;

async function stopWorker(): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await workerStatus('stopped');
}

/** Any event for the extension wakes it: here an extension page's "data changed" message. */
async function wakeWorker(): Promise<Worker> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.id}/popup.html`);
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'page:data-changed' }).catch(() => undefined));
  await workerStatus('running');
  await page.close();
  return extension.worker;
}

async function tabContextName(worker: Worker, tabId: number): Promise<string | undefined> {
  return worker.evaluate(async (id) => {
    const stored = (await chrome.storage.session.get(`ctx:${id}`))[`ctx:${id}`] as { contact?: { fullName?: string } } | undefined;
    return stored?.contact?.fullName;
  }, tabId);
}

async function tableCounts(worker: Worker): Promise<Record<string, number>> {
  return worker.evaluate(async () => {
    const { db } = (globalThis as unknown as Hooks).__relanceTest;
    return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const)));
  });
}

async function dispatchCapture(worker: Worker, page: Page, info: Record<string, unknown>): Promise<void> {
  await page.bringToFront();
  await worker.evaluate(
    async ({ info, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(
        { menuItemId: 'capture-lead', editable: false, pageUrl, frameId: 0, ...info },
        tab,
      );
    },
    { info, pageUrl: page.url() },
  );
}

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, 'https://www.linkedin.com/in/**', (url) => {
    const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    const person = PROFILES[slug] ?? PROFILES['camille-laurent-4b2a19'];
    if (!person) throw new Error('no fake profile');
    return profilePage(person, { links: ['thomas-girard-88'] });
  });
  await servePages(
    extension.context,
    `${BLOG}/**`,
    () => `<!doctype html><html><head><title>Contact</title></head><body><p id="sig">${SIGNATURE}</p>
      <a id="li" href="https://www.linkedin.com/in/sophie-bernard-7c1/">Sophie Bernard</a>
      <a id="li2" href="https://www.linkedin.com/in/paul-henri-duval/">Paul-Henri Duval</a></body></html>`,
  );
  cdp = await watchWorkerStatus();
});

test.afterAll(async () => {
  await extension?.close();
});

test('a stop between recognition and the panel: the context survives, and an SPA navigation wakes a fresh worker', async () => {
  const profile = await extension.context.newPage();
  await profile.goto('https://www.linkedin.com/in/camille-laurent-4b2a19/');
  const tabId = await tabIdOf(extension, profile);
  await expect.poll(() => tabContextName(extension.worker, tabId)).toBe('Camille Laurent');
  await extension.worker.evaluate(() => Object.assign(globalThis, { __beforeStop: true }));

  await stopWorker();

  // The panel reads the tab's context from storage.session: no worker needed.
  const panel = await openSidePanel(extension, tabId);
  await expect(panel.getByTestId('recognized-name')).toHaveText('Camille Laurent');

  // The content script's next report wakes a new worker, which stores it; the panel follows.
  await profile.bringToFront();
  await profile.locator('a.spa-link[data-slug="thomas-girard-88"]').click();
  await workerStatus('running');
  const fresh = extension.worker;
  await expect(panel.getByTestId('recognized-name')).toHaveText('Thomas Girard');
  expect(await fresh.evaluate(() => (globalThis as { __beforeStop?: boolean }).__beforeStop ?? false)).toBe(false);
  expect(await tabContextName(fresh, tabId)).toBe('Thomas Girard');

  // And the panel still adds the person with the fresh worker around.
  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText('Thomas Girard');
  await panel.close();
  await profile.close();
});

test('a stop right after a selection capture: the pending capture is whole or the click replays; nothing half-written', async () => {
  const page = await extension.context.newPage();
  await page.goto(`${BLOG}/contact`);
  const tabId = await tabIdOf(extension, page);
  const before = await tableCounts(extension.worker);

  await dispatchCapture(extension.worker, page, { selectionText: SIGNATURE });
  await stopWorker();

  const worker = await wakeWorker();
  const pendingName = () =>
    worker.evaluate(async (id) => {
      const stored = (await chrome.storage.session.get(`capture:${id}`))[`capture:${id}`] as
        | { contact?: { fullName?: string; email?: string }; emails?: string[]; phones?: string[] }
        | undefined;
      return stored ? { name: stored.contact?.fullName, emails: stored.emails, phones: stored.phones } : null;
    }, tabId);
  const first = await pendingName();
  test
    .info()
    .annotations.push({ type: 'outcome', description: first === null ? 'stopped before the save: replayed' : 'saved before the stop' });
  if (first === null) {
    // The stop came before the save: the click replays cleanly on the new worker.
    await dispatchCapture(worker, page, { selectionText: SIGNATURE });
  }
  await expect.poll(pendingName).toEqual({ name: 'Marc Lemoine', emails: ['marc.lemoine@exemple-industrie.fr'], phones: ['+33612345678'] });
  // A selection is only a proposal until the rep saves it: IndexedDB is as it was.
  expect(await tableCounts(worker)).toEqual(before);

  const panel = await openSidePanel(extension, tabId);
  await expect(panel.getByTestId('capture-form').locator('[data-field="fullName"]')).toHaveValue('Marc Lemoine');
  await panel.close();
  await page.close();
});

test('a stop right after a link capture: the prospect is all there or not at all, and a replay makes exactly one', async () => {
  const page = await extension.context.newPage();
  await page.goto(`${BLOG}/equipe`);

  // Reference: what one link capture writes, table by table, with no stop.
  const start = await tableCounts(extension.worker);
  await dispatchCapture(extension.worker, page, { linkUrl: 'https://www.linkedin.com/in/sophie-bernard-7c1/', linkText: 'Sophie Bernard' });
  await expect.poll(async () => (await tableCounts(extension.worker)).prospects).toBe((start.prospects ?? 0) + 1);
  await page.waitForTimeout(300);
  const afterOne = await tableCounts(extension.worker);
  const oneCapture = Object.fromEntries(Object.entries(afterOne).map(([table, count]) => [table, count - (start[table] ?? 0)]));

  // The same capture of another person, with the worker stopped right after the click.
  await dispatchCapture(extension.worker, page, { linkUrl: 'https://www.linkedin.com/in/paul-henri-duval/', linkText: 'Paul-Henri Duval' });
  await stopWorker();
  const worker = await wakeWorker();
  const afterStop = await tableCounts(worker);
  const written = Object.fromEntries(Object.entries(afterStop).map(([table, count]) => [table, count - (afterOne[table] ?? 0)]));
  const nothing = Object.fromEntries(Object.keys(afterStop).map((table) => [table, 0]));
  expect([nothing, oneCapture], `written after the stop: ${JSON.stringify(written)}`).toContainEqual(written);
  test
    .info()
    .annotations.push({ type: 'outcome', description: written.prospects ? 'written before the stop' : 'stopped before the write' });

  // Replayed (the rep clicks again): exactly one Paul-Henri, whole.
  await dispatchCapture(worker, page, { linkUrl: 'https://www.linkedin.com/in/paul-henri-duval/', linkText: 'Paul-Henri Duval' });
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const { db } = (globalThis as unknown as { __relanceTest: { db: { prospects: { toArray(): Promise<{ fullName: string }[]> } } } })
          .__relanceTest;
        return (await db.prospects.toArray()).filter((prospect) => prospect.fullName === 'Paul-Henri Duval').length;
      }),
    )
    .toBe(1);
  await page.waitForTimeout(300);
  const final = await tableCounts(worker);
  expect(Object.fromEntries(Object.entries(final).map(([table, count]) => [table, count - (afterOne[table] ?? 0)]))).toEqual(oneCapture);
  await page.close();
});

test('after a restart the badge and the relance-tick alarm come back by themselves', async () => {
  await extension.worker.evaluate(() => (globalThis as unknown as Hooks).__relanceTest.seedDemo());
  const popup = await openPopup(extension);
  await popup.getByTestId('relance-item').first().waitFor();
  const due = await popup
    .locator('[data-testid="relance-item"][data-section="overdue"], [data-testid="relance-item"][data-section="today"]')
    .count();
  expect(due).toBeGreaterThan(0);
  await popup.close();

  // Wrong badge, no alarm: only a fresh start can put them right.
  await extension.worker.evaluate(async () => {
    await chrome.action.setBadgeText({ text: '?' });
    await chrome.alarms.clear('relance-tick');
  });
  await stopWorker();
  const worker = await wakeWorker();
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(String(due));
  await expect.poll(() => worker.evaluate(async () => (await chrome.alarms.get('relance-tick'))?.name ?? null)).toBe('relance-tick');
  const alarm = await worker.evaluate(() => chrome.alarms.get('relance-tick'));
  expect(alarm?.scheduledTime ?? 0).toBeGreaterThan(Date.now());
  expect(alarm?.scheduledTime ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 5_000);
});
