import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announceDueRelances, nextTickAt } from '../../../src/background/reminders';
import { addProspectFromContact, completeRelance, scheduleRelance } from '../../../src/db/repository';
import { MAX_TICK_WAIT_MS } from '../../../src/process/reminders';
import { deleteFreshDatabases, freshDb } from '../db/fresh-db';

let created: Array<[string, unknown]>;

beforeEach(() => {
  fakeBrowser.reset();
  created = [];
  const browser = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  browser.notifications = {
    create: vi.fn(async (id: string, options: unknown) => {
      created.push([id, options]);
      return id;
    }),
  };
  Object.assign(browser.i18n as object, { getUILanguage: () => 'fr-FR' });
  // storage.local answers a little later, as Chrome's does: two runs would both read before either writes.
  const local = fakeBrowser.storage.local;
  const get = local.get.bind(local);
  const set = local.set.bind(local);
  const later = <T>(result: Promise<T>) => new Promise<T>((resolve) => setTimeout(() => resolve(result), 5));
  Object.assign(local, { get: (keys: never) => later(get(keys)), set: (items: never) => later(set(items)) });
});
afterEach(deleteFreshDatabases);

async function prospectWithRelance(db: ReturnType<typeof freshDb>, dueDate: string, dueTime?: string) {
  const added = await addProspectFromContact(db, { fullName: 'Alice Martin', email: 'alice@acme.fr' } as never, 'manual');
  return scheduleRelance(db, added.prospect.id, dueDate, undefined, dueTime);
}

describe('announcing due relances', () => {
  it('notifies once when the worker start and the alarm that woke it announce together', async () => {
    const db = freshDb('announce');
    await prospectWithRelance(db, '2026-03-10');
    const now = new Date(2026, 2, 10, 9, 0);

    const counts = await Promise.all([announceDueRelances(db, now), announceDueRelances(db, now)]);

    expect(created).toHaveLength(1);
    expect(counts.sort()).toEqual([0, 1]);
  });

  it('goes on announcing after a run that failed', async () => {
    const db = freshDb('announce-after-failure');
    await prospectWithRelance(db, '2026-03-10');
    const now = new Date(2026, 2, 10, 9, 0);
    const get = fakeBrowser.storage.local.get;
    Object.assign(fakeBrowser.storage.local, { get: vi.fn().mockRejectedValueOnce(new Error('storage down')).mockImplementation(get) });

    await expect(announceDueRelances(db, now)).rejects.toThrow('storage down');
    expect(await announceDueRelances(db, now)).toBe(1);
    expect(created).toHaveLength(1);
  });
});

describe('the next tick', () => {
  it('comes at the time of a relance due later today, not up to 30 minutes after', async () => {
    const db = freshDb('tick');
    await prospectWithRelance(db, '2026-03-10', '14:20');
    const now = new Date(2026, 2, 10, 14, 0);
    expect(await nextTickAt(db, now)).toBe(new Date(2026, 2, 10, 14, 20, 5).getTime());
  });

  it('ignores done relances and other days', async () => {
    const db = freshDb('tick-ignored');
    const done = await prospectWithRelance(db, '2026-03-10', '14:10');
    await completeRelance(db, done.id);
    await prospectWithRelance(db, '2026-03-11', '14:05');
    const now = new Date(2026, 2, 10, 14, 0);
    expect(await nextTickAt(db, now)).toBe(now.getTime() + MAX_TICK_WAIT_MS);
  });
});
