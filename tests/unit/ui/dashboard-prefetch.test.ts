import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readDashboardTables } from '../../../src/db/dashboard-read';
import { openDatabase } from '../../../src/db/database';
import { seedDemoData } from '../../../src/db/repository';
import { SCHEMA_VERSION } from '../../../src/db/schema-version';
import { addDays, todayIso } from '../../../src/process';
import { initialChoice, periodOf } from '../../../src/ui/options/dashboard/period';
import { prefetchDashboard, takeDashboardPrefetch } from '../../../src/ui/options/dashboard/prefetch';
import { deleteFreshDatabases, freshDb } from '../db/fresh-db';

afterEach(deleteFreshDatabases);

const today = todayIso();
const month = periodOf(initialChoice(today), today) ?? { from: today, to: today };

async function allOf(reads: Awaited<ReturnType<typeof readDashboardTables>>) {
  const [prospects, stageEvents, interactions, relances] = await Promise.all([
    reads.prospects,
    reads.stageEvents,
    reads.interactions,
    reads.relances,
  ]);
  return { prospects, stageEvents, interactions, relances };
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
}

describe('the dashboard prefetch', () => {
  it('reads, before Dexie, exactly what the feed would read for the month so far', async () => {
    const db = freshDb('prefetch');
    await seedDemoData(db, today);
    db.close();
    const scope = {};
    prefetchDashboard('#/dashboard', indexedDB, scope, db.name);
    const taken = takeDashboardPrefetch(month, today, scope);
    const reads = await taken?.reads;
    if (!reads) throw new Error('no prefetched reads');
    const prefetched = await allOf(reads);
    expect(prefetched.prospects?.length).toBeGreaterThan(0);
    expect(prefetched).toEqual(await allOf(await readDashboardTables(db, month)));
    expect(taken?.startedAt).toBeLessThanOrEqual(performance.now());
  });

  it('is taken once, and only for the period and day it read', async () => {
    const db = freshDb('prefetch');
    await seedDemoData(db, today);
    const scope = {};
    prefetchDashboard('#/dashboard', indexedDB, scope, db.name);
    expect(takeDashboardPrefetch({ from: addDays(today, -6), to: today }, today, scope)).toBeNull();
    expect(takeDashboardPrefetch(month, today, scope)).toBeNull();
  });

  it('does nothing on the other views', () => {
    const scope = {};
    for (const hash of ['#/prospects', '#/data', '#/nowhere']) prefetchDashboard(hash, indexedDB, scope, 'relance-unused');
    expect(scope).toEqual({});
    // An empty hash opens the first view, the dashboard.
    prefetchDashboard('', indexedDB, scope, `relance-missing-${crypto.randomUUID()}`);
    expect(Object.keys(scope)).toHaveLength(1);
  });

  it('never creates a database that does not exist', async () => {
    const name = `relance-missing-${crypto.randomUUID()}`;
    const scope = {};
    prefetchDashboard('#/dashboard', indexedDB, scope, name);
    expect(await takeDashboardPrefetch(month, today, scope)?.reads).toBeNull();
    expect(await databaseNames()).not.toContain(name);
  });

  it('leaves a database of another version to Dexie, untouched', async () => {
    const name = `relance-old-${crypto.randomUUID()}`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, (SCHEMA_VERSION - 1) * 10);
      request.onupgradeneeded = () => request.result.createObjectStore('prospects', { keyPath: 'id' });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const scope = {};
    prefetchDashboard('#/dashboard', indexedDB, scope, name);
    expect(await takeDashboardPrefetch(month, today, scope)?.reads).toBeNull();
    // Dexie still finds the old version and upgrades it.
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    await db.delete();
  });

  it("is given up when another context writes during the read (Dexie's broadcast)", async () => {
    const db = freshDb('prefetch');
    await seedDemoData(db, today);
    const scope = {};
    prefetchDashboard('#/dashboard', indexedDB, scope, db.name);
    // Dexie announces its own writes on the channel the prefetch listens to.
    await db.relances.clear();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(takeDashboardPrefetch(month, today, scope)).toBeNull();
  });
});

describe('SCHEMA_VERSION', () => {
  it("is the database's last declared version", () => {
    expect(openDatabase('relance-version-check').verno).toBe(SCHEMA_VERSION);
  });
});
