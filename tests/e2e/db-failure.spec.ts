import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { type Extension, launchExtension } from './support/extension';

let extension: Extension;

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await extension.worker.evaluate(() =>
    (globalThis as unknown as { __relanceTest: { seedDemo(): Promise<unknown> } }).__relanceTest.seedDemo(),
  );
});

test.afterAll(async () => {
  await extension?.close();
});

test('a database that cannot be opened shows a recoverable error screen with a raw export, never a blank panel', async () => {
  // A v1 database holding a record the v2 upgrade refuses: the upgrade aborts, as a
  // corrupted profile or a quota error would make it.
  await extension.worker.evaluate(() => {
    (globalThis as unknown as { __relanceTest: { db: { close(): void } } }).__relanceTest.db.close();
  });
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.id}/popup.html`);
  await page.getByTestId('relance-item').first().waitFor();
  await page.evaluate(async () => {
    type DexieLike = {
      new (name: string): DexieLike;
      delete(name: string): Promise<void>;
      version(n: number): { stores(s: Record<string, string>): void };
      open(): Promise<unknown>;
      table(name: string): { add(record: unknown): Promise<unknown> };
      close(): void;
    };
    const { db } = (globalThis as unknown as { __relanceTest: { db: { close(): void; constructor: unknown } } }).__relanceTest;
    db.close();
    const Dexie = Object.getPrototypeOf(db.constructor) as DexieLike;
    await Dexie.delete('relance');
    const v1 = new Dexie('relance');
    v1.version(1).stores({
      prospects: 'id, &linkedinUrl, *emailKeys, nameKey, salesNavId, stage, updatedAt',
      interactions: 'id, prospectId, [prospectId+date], date',
      relances: 'id, prospectId, [status+dueDate], dueDate',
      stageEvents: 'id, prospectId, [prospectId+date], date',
      offers: 'id',
      settings: 'key',
    });
    await v1.open();
    await v1.table('prospects').add({ id: '11111111-1111-4111-8111-111111111111', fullName: '', stage: 'nowhere', company: 'Acme' });
    v1.close();
  });
  await page.close();

  const panel = await extension.context.newPage();
  await panel.goto(`chrome-extension://${extension.id}/sidepanel.html?tabId=1`);
  const error = panel.getByTestId('db-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('Vos données ne peuvent pas être ouvertes');

  const download = panel.waitForEvent('download');
  await panel.getByTestId('db-raw-export').click();
  const file = await (await download).path();
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    format: string;
    version: number;
    tables: Record<string, Array<{ company?: string }>>;
  };
  expect(raw.format).toBe('relance-raw-export');
  expect(raw.tables.prospects).toHaveLength(1);
  expect(raw.tables.prospects?.[0]?.company).toBe('Acme');
});
