import { expect, test } from '@playwright/test';
import { type Extension, launchExtension, openPopup, openSidePanel } from './support/extension';

test.describe.configure({ mode: 'serial' });

let extension: Extension;

const badge = () => extension.worker.evaluate(() => chrome.action.getBadgeText({}));
const badgeColour = () => extension.worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}));

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  // Seven sample prospects: two relances overdue, two due today, three in the coming week.
  await extension.worker.evaluate(() =>
    (globalThis as unknown as { __relanceTest: { seedDemo(): Promise<unknown> } }).__relanceTest.seedDemo(),
  );
});

test.afterAll(async () => {
  await extension?.close();
});

test('lists overdue, today and upcoming relances with counts; the badge agrees and signals overdue', async () => {
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  // How many rows the first render that shows any holds.
  await popup.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const rows = document.querySelectorAll('[data-testid="relance-item"]').length;
      if (rows === 0) return;
      (globalThis as { __firstRows?: number }).__firstRows = rows;
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await popup.goto(`chrome-extension://${extension.id}/popup.html`);
  await expect(popup.locator('[data-testid="relance-item"][data-section="overdue"]')).toHaveCount(2);
  await expect(popup.locator('[data-testid="relance-item"][data-section="today"]')).toHaveCount(2);
  await expect(popup.locator('[data-testid="relance-item"][data-section="upcoming"]')).toHaveCount(3);
  // The first screen (six rows, in section order) comes alone; the rest follows at once.
  expect(await popup.evaluate(() => (globalThis as { __firstRows?: number }).__firstRows)).toBe(6);
  await expect(popup.getByRole('heading', { name: 'En retard (2)' })).toBeVisible();
  await expect.poll(badge).toBe('4');
  expect(await badgeColour()).toEqual([220, 38, 38, 255]);
  await popup.close();
});

test('one grouped notification announces the due relances, once, and never in quiet hours', async () => {
  type Hooks = { __relanceTest: { announceDueRelances(): Promise<number>; saveSettings(p: unknown): Promise<unknown> } };
  const announce = () => extension.worker.evaluate(() => (globalThis as unknown as Hooks).__relanceTest.announceDueRelances());
  // The worker may already have announced them when it started: start from a clean slate.
  await extension.worker.evaluate(async () => {
    await chrome.storage.local.remove('reminders:announced');
    await chrome.notifications.clear('relances-due');
  });
  const now = new Date();
  const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  // Quiet from a minute ago to two minutes ahead: nothing is announced.
  const quiet = { start: hhmm(new Date(now.getTime() - 60_000)), end: hhmm(new Date(now.getTime() + 120_000)) };
  await extension.worker.evaluate((q) => (globalThis as unknown as Hooks).__relanceTest.saveSettings({ quietHours: q }), quiet);
  expect(await announce()).toBe(0);
  await extension.worker.evaluate(() => (globalThis as unknown as Hooks).__relanceTest.saveSettings({ quietHours: null }));
  expect(await announce()).toBe(4);
  expect(Object.keys(await extension.worker.evaluate(() => chrome.notifications.getAll()))).toEqual(['relances-due']);
  expect(await announce()).toBe(0);
});

test('done logs the contact on the chosen channel and proposes the next relance; the badge follows live', async () => {
  const popup = await openPopup(extension);
  const item = popup.locator('[data-testid="relance-item"][data-section="today"]').first();
  const name = await item.getAttribute('data-prospect-name');
  await item.getByTestId('relance-channel').selectOption('video');
  await item.getByTestId('relance-done').click();
  await expect(popup.locator(`[data-testid="relance-item"][data-prospect-name="${name}"][data-section="today"]`)).toHaveCount(0);
  await expect(popup.getByRole('status')).toContainText(`Visio noté avec ${name}`);
  await expect.poll(badge).toBe('3');

  const proposal = popup.getByTestId('relance-proposal');
  const due = await proposal.getAttribute('data-due');
  await popup.getByTestId('relance-proposal-accept').click();
  await expect(popup.locator(`[data-testid="relance-item"][data-prospect-name="${name}"]`)).toHaveCount(1);
  const logged = await extension.worker.evaluate(async (prospectName) => {
    const { db } = (globalThis as unknown as { __relanceTest: { db: import('dexie').Dexie } }).__relanceTest;
    const prospect = (await db.table('prospects').where('nameKey').startsWith('').toArray()).find(
      (p: { fullName: string }) => p.fullName === prospectName,
    ) as { id: string };
    const interactions = await db.table('interactions').where('prospectId').equals(prospect.id).toArray();
    const relances = await db.table('relances').where('prospectId').equals(prospect.id).toArray();
    return {
      channels: interactions.map((i: { channel: string }) => i.channel),
      dueDates: relances.map((r: { dueDate: string; status: string }) => `${r.status}:${r.dueDate}`),
    };
  }, name);
  expect(logged.channels).toContain('video');
  expect(logged.dueDates).toContain(`open:${due}`);
  await popup.close();
});

test('snooze moves an overdue relance to later, and the badge follows', async () => {
  const popup = await openPopup(extension);
  const overdue = popup.locator('[data-testid="relance-item"][data-section="overdue"]').first();
  const name = await overdue.getAttribute('data-prospect-name');
  await overdue.getByTestId('relance-snooze-3').click();
  await expect(popup.locator(`[data-testid="relance-item"][data-prospect-name="${name}"][data-section="upcoming"]`)).toHaveCount(1);
  await expect.poll(badge).toBe('2');
  await popup.close();
});

test('the side-panel button shows that prospect in the panel', async () => {
  const popup = await openPopup(extension);
  const item = popup.locator('[data-testid="relance-item"]').first();
  const name = (await item.getAttribute('data-prospect-name')) ?? '';
  await item.getByTestId('relance-panel').click();
  const panel = await openSidePanel(extension, 999_999);
  await expect(panel.getByTestId('prospect-name')).toHaveText(name);
  await panel.getByTestId('back-to-page').click();
  await expect(panel.getByTestId('prospect-name')).toHaveCount(0);
  await panel.close();
});

test('after the service worker is stopped, the badge and the alarm come back from IndexedDB', async () => {
  await extension.worker.evaluate(() => {
    Object.assign(globalThis, { __beforeStop: true });
    return chrome.action.setBadgeText({ text: '?' });
  });
  const page = await extension.context.newPage();
  const cdp = await extension.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();

  // A write from the popup wakes a fresh worker, which recounts the badge from IndexedDB.
  const popup = await openPopup(extension);
  await popup.locator('[data-testid="relance-item"]').first().getByTestId('relance-snooze').click();
  const current = () => extension.context.serviceWorkers()[0] ?? extension.worker;
  await expect.poll(() => current().evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  expect(await current().evaluate(() => (globalThis as { __beforeStop?: boolean }).__beforeStop ?? false)).toBe(false);
  expect(await current().evaluate(() => chrome.alarms.get('relance-tick').then((alarm) => alarm?.name))).toBe('relance-tick');
  await popup.close();
});

test('a long queue opens on its first rows; "show more" adds the next ones and the count covers them all', async () => {
  const own = await launchExtension({ locale: 'fr-FR' });
  try {
    const popup = await openPopup(own);
    await popup.waitForFunction(() => Boolean((globalThis as { __relanceTest?: unknown }).__relanceTest));
    // Overdue relances, one per prospect, written through the app's database (validated like any write).
    const addOverdue = (count: number, from: number) =>
      popup.evaluate(
        async ({ count, from }) => {
          const { db } = (globalThis as unknown as { __relanceTest: { db: import('../../src/db/database').RelanceDatabase } })
            .__relanceTest;
          const now = Date.now();
          const day = (offset: number) => new Date(now - offset * 86_400_000).toLocaleDateString('sv');
          const prospects = Array.from({ length: count }, (_, offset) => ({
            id: crypto.randomUUID(),
            fullName: `Prospect ${String(from + offset).padStart(3, '0')}`,
            phones: [],
            emails: [],
            emailKeys: [],
            nameKey: '',
            companyKey: '',
            stage: 'contact' as const,
            qualification: 'prospect' as const,
            checklist: {},
            tags: [],
            source: 'manual',
            lockedFields: [],
            createdAt: now,
            updatedAt: now,
          }));
          await db.prospects.bulkAdd(prospects);
          await db.relances.bulkAdd(
            prospects.map((prospect, index) => ({
              id: crypto.randomUUID(),
              prospectId: prospect.id,
              dueDate: day(2 + from + index),
              status: 'open' as const,
              createdAt: now,
            })),
          );
        },
        { count, from },
      );
    await addOverdue(140, 0);
    await popup.reload();
    const overdue = popup.locator('[data-testid="relance-item"][data-section="overdue"]');
    await expect(overdue).toHaveCount(25);
    await expect(popup.getByRole('heading', { name: 'En retard (140)' })).toBeVisible();
    // Oldest first: the first screen, then the page (25 rows) below it; the rest comes on demand.
    await expect(overdue.last()).toHaveAttribute('data-prospect-name', 'Prospect 115');
    await popup.getByRole('button', { name: 'Afficher 100 de plus' }).click();
    // Past 100 rows the list is virtualised: scroll to its end (again, as rows get measured) to reach its last entries.
    const toEnd = () => popup.locator('ul').evaluate((list) => list.parentElement?.scrollTo(0, list.scrollHeight));
    const showRest = popup.getByRole('button', { name: 'Afficher 15 de plus' });
    await expect
      .poll(async () => {
        await toEnd();
        return showRest.count();
      })
      .toBe(1);
    await showRest.click();
    await expect
      .poll(async () => {
        await toEnd();
        return overdue.last().getAttribute('data-prospect-name');
      })
      .toBe('Prospect 000');
    await expect(popup.getByTestId('relance-more')).toHaveCount(0);

    // Past 1,000 the count stops (counting walks the whole range) and says so.
    await addOverdue(900, 140);
    await popup.reload();
    await expect(popup.getByRole('heading', { name: /^En retard \(1\s?000\+\)$/ })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Afficher 100 de plus' })).toBeVisible();
    await popup.close();
  } finally {
    await own.close();
  }
});
