import { expect, test } from '@playwright/test';
import { launchExtension } from './support/extension';

/**
 * The released v2 schema, frozen here as Dexie laid it out in IndexedDB (Dexie's version 2 is
 * IndexedDB's version 20): what a rep's browser holds before this version.
 */
const V2_LAYOUT: Record<string, { key: string; indexes: [name: string, keyPath: string | string[], unique?: boolean, multi?: boolean][] }> =
  {
    prospects: {
      key: 'id',
      indexes: [
        ['linkedinUrl', 'linkedinUrl', true],
        ['emailKeys', 'emailKeys', false, true],
        ['nameKey', 'nameKey'],
        ['salesNavId', 'salesNavId'],
        ['stage', 'stage'],
        ['updatedAt', 'updatedAt'],
        ['tags', 'tags', false, true],
        ['companyKey', 'companyKey'],
      ],
    },
    interactions: {
      key: 'id',
      indexes: [
        ['prospectId', 'prospectId'],
        ['[prospectId+date]', ['prospectId', 'date']],
        ['date', 'date'],
      ],
    },
    relances: {
      key: 'id',
      indexes: [
        ['prospectId', 'prospectId'],
        ['[status+dueDate]', ['status', 'dueDate']],
        ['dueDate', 'dueDate'],
      ],
    },
    stageEvents: {
      key: 'id',
      indexes: [
        ['prospectId', 'prospectId'],
        ['[prospectId+date]', ['prospectId', 'date']],
        ['date', 'date'],
      ],
    },
    offers: { key: 'id', indexes: [] },
    settings: { key: 'key', indexes: [] },
    decisions: { key: 'id', indexes: [['kind', 'kind']] },
  };
const PROSPECTS = 5_000;

test('a v2 store upgrades in place, even after waiting on an old tab: the panel says it is opening, then shows, every record kept', async () => {
  const extension = await launchExtension({ locale: 'fr-FR' });
  try {
    // The worker's own connection would stand in the way of rewinding the store to v2.
    await extension.worker.evaluate(() => (globalThis as unknown as { __relanceTest: { db: { close(): void } } }).__relanceTest.db.close());
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.id}/popup.html`);
    await page.waitForFunction(() => Boolean((globalThis as { __relanceTest?: unknown }).__relanceTest));
    // This page writes a v2 store and keeps its connection, deaf to upgrade requests, as a tab of
    // the previous version would: the upgrade has to wait (it is "blocked") until the tab goes.
    await page.evaluate(
      async ({ layout, count }) => {
        const { db } = (globalThis as unknown as { __relanceTest: { db: { close(): void } } }).__relanceTest;
        db.close();
        await new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('relance');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        });
        const v2 = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('relance', 20);
          request.onupgradeneeded = () => {
            for (const [table, { key, indexes }] of Object.entries(layout)) {
              const store = request.result.createObjectStore(table, { keyPath: key });
              for (const [name, keyPath, unique = false, multiEntry = false] of indexes)
                store.createIndex(name, keyPath, { unique, multiEntry });
            }
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const now = Date.now();
        await new Promise<void>((resolve, reject) => {
          const tx = v2.transaction(['prospects', 'stageEvents'], 'readwrite');
          for (let index = 0; index < count; index++) {
            const id = crypto.randomUUID();
            tx.objectStore('prospects').add({
              id,
              fullName: `Prospect ${index}`,
              company: `Société ${index % 300}`,
              phones: [],
              emails: [`p${index}@exemple.fr`],
              emailKeys: [`p${index}@exemple.fr`],
              nameKey: `${index} prospect|societe ${index % 300}`,
              companyKey: `societe ${index % 300}`,
              stage: 'contact',
              qualification: 'prospect',
              checklist: {},
              tags: ['salon'],
              source: 'import',
              lockedFields: [],
              createdAt: now,
              updatedAt: now,
            });
            tx.objectStore('stageEvents').add({
              id: crypto.randomUUID(),
              prospectId: id,
              from: null,
              to: 'contact',
              date: now,
              forced: false,
              unmet: [],
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        Object.assign(globalThis, { __previousVersionTab: v2 });
      },
      { layout: V2_LAYOUT, count: PROSPECTS },
    );

    const panel = await extension.context.newPage();
    await panel.goto(`chrome-extension://${extension.id}/sidepanel.html?tabId=1`);
    await expect(panel.getByTestId('db-opening')).toContainText('Ouverture de vos données');
    await expect(panel.getByTestId('db-opening')).toHaveAttribute('role', 'status');
    await page.close(); // the old tab goes: the upgrade runs
    await expect(panel.getByText('Relance', { exact: true })).toBeVisible();
    await expect(panel.getByTestId('db-opening')).toHaveCount(0);
    const stored = await panel.evaluate(async () => {
      const { db } = (
        globalThis as unknown as {
          __relanceTest: { db: { verno: number; table(name: string): { count(): Promise<number> } } };
        }
      ).__relanceTest;
      return {
        version: db.verno,
        prospects: await db.table('prospects').count(),
        stageEvents: await db.table('stageEvents').count(),
        kpiProspects: await db.table('kpiProspects').count(),
      };
    });
    // Every record kept, and the dashboard's row of each prospect built by the upgrade.
    expect(stored).toEqual({ version: 4, prospects: PROSPECTS, stageEvents: PROSPECTS, kpiProspects: PROSPECTS });
  } finally {
    await extension.close();
  }
});
