import { expect, type Page, test } from '@playwright/test';
import type { Dexie } from 'dexie';
import { type Extension, launchExtension } from './support/extension';

/*
 * The dashboard stays current: a write made elsewhere (here the worker) changes the figures
 * it touches, and data-ready only says so once they are computed from the new data.
 */

let extension: Extension;
let page: Page;

type Hooks = { __relanceTest: { db: Dexie } };

const now = new Date();
const daysAgo = (days: number, hour = 12) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, hour).getTime();
const uuid = (group: number, n: number) => `e2e10000-0000-4000-8000-${String(group * 1000 + n).padStart(12, '0')}`;

const prospect = (n: number, stage: string) => ({
  id: uuid(1, n),
  fullName: `Personne ${n}`,
  phones: [],
  emails: [],
  emailKeys: [],
  nameKey: '',
  companyKey: '',
  stage,
  qualification: 'prospect',
  checklist: {},
  tags: [],
  source: 'manual',
  lockedFields: [],
  createdAt: daysAgo(3),
  updatedAt: daysAgo(3),
});
const contact = (n: number, channel: string) => ({
  id: uuid(2, n),
  prospectId: uuid(1, 1),
  channel,
  date: daysAgo(0, 9),
  createdAt: daysAgo(0, 9),
});

async function write(table: string, rows: unknown[]): Promise<void> {
  await extension.worker.evaluate(
    async ({ table, rows }) => {
      await (globalThis as unknown as Hooks).__relanceTest.db.table(table).bulkPut(rows);
    },
    { table, rows },
  );
}

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  page = await extension.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await write('prospects', [prospect(1, 'prospecting'), prospect(2, 'contact')]);
  await write('interactions', [contact(1, 'call')]);
});

test.afterAll(async () => {
  await extension?.close();
});

test('dashboard: a write elsewhere updates the figures it touches; ready means computed from it', async () => {
  await page.goto(`chrome-extension://${extension.id}/options.html#/dashboard`);
  const view = page.getByTestId('dashboard-view');
  const ready = page.locator('[data-testid="dashboard-view"][data-ready]');
  await expect(ready).toHaveCount(1);
  await expect(view).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('kpi-contacts-week')).toHaveAttribute('data-total', '1');
  await expect(page.getByTestId('kpi-funnel').locator('tr[data-stage="prospecting"]')).toHaveAttribute('data-count', '1');
  const readMs = Number(await view.getAttribute('data-read-ms'));
  expect(readMs).toBeGreaterThanOrEqual(0);
  // Opened straight on the dashboard: the first figures come from the page's prefetch script.
  await expect(view).toHaveAttribute('data-prefetched', 'true');

  await write('interactions', [contact(2, 'email'), contact(3, 'email')]);
  await expect(page.getByTestId('kpi-contacts-week')).toHaveAttribute('data-total', '3');
  await expect(ready).toHaveCount(1);
  await expect(view).not.toHaveAttribute('data-prefetched', /.*/);

  await write('prospects', [prospect(3, 'prospecting')]);
  await expect(page.getByTestId('kpi-funnel').locator('tr[data-stage="prospecting"]')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('kpi-funnel')).toHaveAttribute('data-total', '3');
  await expect(ready).toHaveCount(1);
});
