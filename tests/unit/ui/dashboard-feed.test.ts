import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as dashboardRead from '../../../src/db/dashboard-read';
import { openDatabase, type RelanceDatabase } from '../../../src/db/database';
import { saveSettings, seedDemoData } from '../../../src/db/repository';
import { addDays, assembleKpis, computeKpis, type KpiPeriod, todayIso } from '../../../src/process';
import { DashboardFeed, type DashboardSnapshot } from '../../../src/ui/options/dashboard/dashboard-feed';
import { initialChoice, periodOf } from '../../../src/ui/options/dashboard/period';
import { prefetchDashboard } from '../../../src/ui/options/dashboard/prefetch';

vi.mock('../../../src/db/dashboard-read', { spy: true });
const readTables = vi.mocked(dashboardRead.readDashboardTables);

const opened: RelanceDatabase[] = [];
const stops: (() => void)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  readTables.mockClear();
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function seeded(): Promise<RelanceDatabase> {
  const db = openDatabase(`relance-test-${crypto.randomUUID()}`);
  opened.push(db);
  await seedDemoData(db, todayIso());
  return db;
}

/** A feed watched the way the view watches it. */
function watchedFeed(db: RelanceDatabase, period: KpiPeriod): DashboardFeed {
  const feed = new DashboardFeed(db, period, todayIso());
  stops.push(feed.subscribe(() => {}));
  return feed;
}

/** The next snapshot that is current and passes `check`. */
function settled(feed: DashboardFeed, check: (snapshot: DashboardSnapshot) => boolean = () => true): Promise<DashboardSnapshot> {
  return new Promise((resolve) => {
    const test = () => {
      const snapshot = feed.getSnapshot();
      if (snapshot.current && check(snapshot)) {
        stop();
        resolve(snapshot);
      }
    };
    const stop = feed.subscribe(test);
    test();
  });
}

async function expectedKpis(db: RelanceDatabase, period: KpiPeriod) {
  const [prospects, stageEvents, interactions, relances] = await Promise.all([
    db.prospects.toArray(),
    db.stageEvents.toArray(),
    db.interactions.toArray(),
    db.relances.toArray(),
  ]);
  return computeKpis({ prospects, stageEvents, interactions, relances, period, today: todayIso() });
}

const kpisOf = (snapshot: DashboardSnapshot) => {
  if (!snapshot.parts || !snapshot.period) throw new Error('no figures');
  return assembleKpis(snapshot.parts, snapshot.period);
};
const tablesRead = () => readTables.mock.calls.map(([, , tables]) => [...(tables ?? [])].sort());

describe('DashboardFeed', () => {
  const today = todayIso();
  const last30 = { from: addDays(today, -29), to: today };

  it('gives the figures of the stored data, read once', async () => {
    const db = await seeded();
    const snapshot = await settled(watchedFeed(db, last30));
    expect(kpisOf(snapshot)).toEqual(await expectedKpis(db, last30));
    expect(snapshot.period).toEqual(last30);
    expect(snapshot.readMs).toBeGreaterThanOrEqual(0);
    expect(tablesRead()).toEqual([['interactions', 'prospects', 'relances', 'stageEvents']]);
  });

  it('reads again only the tables a write touched, and nothing for other tables', async () => {
    const db = await seeded();
    const feed = watchedFeed(db, last30);
    const first = await settled(feed);
    readTables.mockClear();

    await saveSettings(db, { objectives: { contactsPerWeek: 5 } });
    const someone = await db.prospects.toCollection().first();
    if (!someone) throw new Error('no prospect');
    await db.interactions.add({
      id: crypto.randomUUID(),
      prospectId: someone.id,
      channel: 'visit',
      date: Date.now(),
      createdAt: Date.now(),
    });
    const after = await settled(feed, (snapshot) => snapshot.parts !== first.parts);

    expect(tablesRead()).toEqual([['interactions']]);
    expect(after.parts?.contacts.byChannel.visit).toBe((first.parts?.contacts.byChannel.visit ?? 0) + 1);
    // The prospects' figures were not computed again.
    expect(after.parts?.pipeline).toBe(first.parts?.pipeline);
    expect(kpisOf(after)).toEqual(await expectedKpis(db, last30));
  });

  it('reads only contacts and relances for another period, and never mixes two periods', async () => {
    const db = await seeded();
    const feed = watchedFeed(db, last30);
    await settled(feed);
    readTables.mockClear();

    const week = { from: addDays(today, -6), to: today };
    feed.show(week, today);
    expect(feed.getSnapshot().current).toBe(false);
    expect(feed.getSnapshot().period).toEqual(last30);
    const snapshot = await settled(feed, (s) => s.period?.from === week.from);

    expect(tablesRead()).toEqual([['interactions', 'relances']]);
    expect(kpisOf(snapshot)).toEqual(await expectedKpis(db, week));
  });

  it('keeps the latest period when an earlier one is still being read', async () => {
    const db = await seeded();
    const feed = watchedFeed(db, last30);
    const week = { from: addDays(today, -6), to: today };
    const quarter = { from: addDays(today, -89), to: today };
    feed.show(week, today);
    feed.show(quarter, today);
    const snapshot = await settled(feed);
    expect(snapshot.period).toEqual(quarter);
    expect(kpisOf(snapshot)).toEqual(await expectedKpis(db, quarter));
  });

  it('stops watching when nobody subscribes, and reads everything again on return', async () => {
    const db = await seeded();
    const feed = new DashboardFeed(db, last30, today);
    const stop = feed.subscribe(() => {});
    await settled(feed);
    stop();
    await Promise.resolve();
    readTables.mockClear();
    await db.relances.clear();
    expect(readTables).not.toHaveBeenCalled();

    stops.push(feed.subscribe(() => {}));
    const snapshot = await settled(feed, (s) => s.parts?.relances.pending === 0 && s.parts.relances.onTime === 0);
    expect(tablesRead()).toEqual([['interactions', 'prospects', 'relances', 'stageEvents']]);
    expect(kpisOf(snapshot)).toEqual(await expectedKpis(db, last30));
  });

  it("uses the page's prefetched reads for its first read, and reads itself after", async () => {
    const db = await seeded();
    const month = periodOf(initialChoice(today), today);
    if (!month) throw new Error('no month');
    prefetchDashboard('#/dashboard', indexedDB, undefined, db.name);
    const feed = watchedFeed(db, month);
    const first = await settled(feed);
    expect(readTables).not.toHaveBeenCalled();
    expect(first.prefetched).toBe(true);
    expect(kpisOf(first)).toEqual(await expectedKpis(db, month));

    await db.relances.clear();
    const after = await settled(feed, (snapshot) => snapshot.parts !== first.parts);
    expect(tablesRead()).toEqual([['relances']]);
    expect(after.prefetched).toBe(false);
    expect(kpisOf(after)).toEqual(await expectedKpis(db, month));
  });

  it('reads itself when the prefetch could not open the database', async () => {
    const db = await seeded();
    const month = periodOf(initialChoice(today), today);
    if (!month) throw new Error('no month');
    prefetchDashboard('#/dashboard', indexedDB, undefined, `relance-missing-${crypto.randomUUID()}`);
    const snapshot = await settled(watchedFeed(db, month));
    expect(snapshot.prefetched).toBe(false);
    expect(tablesRead()).toEqual([['interactions', 'prospects', 'relances', 'stageEvents']]);
    expect(kpisOf(snapshot)).toEqual(await expectedKpis(db, month));
  });
});
