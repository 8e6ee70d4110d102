import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readDashboardTables, watchDashboardTables } from '../../../src/db/dashboard-read';
import { openDatabase, type RelanceDatabase } from '../../../src/db/database';
import { logInteraction, saveSettings, seedDemoData } from '../../../src/db/repository';
import { addDays, computeKpis, todayIso } from '../../../src/process';

const opened: RelanceDatabase[] = [];

function freshDb(): RelanceDatabase {
  const db = openDatabase(`relance-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

const localDay = (ms: number) => todayIso(new Date(ms));

describe('readDashboardTables', () => {
  it('reads what computeKpis needs: the same figures as from every full record', async () => {
    const db = freshDb();
    const today = todayIso();
    await seedDemoData(db, today);
    const period = { from: addDays(today, -29), to: today };
    const reads = await readDashboardTables(db, period);
    const [prospects, stageEvents, interactions, relances] = await Promise.all([
      reads.prospects,
      reads.stageEvents,
      reads.interactions,
      reads.relances,
    ]);
    if (!prospects || !stageEvents || !interactions || !relances) throw new Error('a table was not read');
    const everything = {
      prospects: await db.prospects.toArray(),
      stageEvents: await db.stageEvents.toArray(),
      interactions: await db.interactions.toArray(),
      relances: await db.relances.toArray(),
    };
    expect(everything.relances.length).toBeGreaterThan(relances.length);
    expect(computeKpis({ prospects, stageEvents, interactions, relances, period, today })).toEqual(
      computeKpis({ ...everything, period, today }),
    );
    // Only the fields the figures read are kept of the large records.
    expect(Object.keys(prospects[0] ?? {}).sort()).toEqual(expect.arrayContaining(['createdAt', 'id', 'stage']));
    expect(prospects.every((prospect) => !('fullName' in prospect))).toBe(true);
    expect(stageEvents.every((event) => Object.keys(event).sort().join() === 'date,from,prospectId,to')).toBe(true);
  });

  it('reads contacts and relances of the period only (a day of margin for contacts, sorted by day later)', async () => {
    const db = freshDb();
    const today = todayIso();
    await seedDemoData(db, today);
    const period = { from: addDays(today, -6), to: today };
    const reads = await readDashboardTables(db, period, ['interactions', 'relances']);
    expect(reads.prospects).toBeUndefined();
    const interactions = (await reads.interactions) ?? [];
    const relances = (await reads.relances) ?? [];
    expect(relances.every((relance) => relance.dueDate >= period.from && relance.dueDate <= period.to)).toBe(true);
    const margin = { from: addDays(period.from, -1), to: addDays(period.to, 1) };
    expect(interactions.every((interaction) => localDay(interaction.date) >= margin.from && localDay(interaction.date) <= margin.to)).toBe(
      true,
    );
    const expectedInPeriod = (await db.interactions.toArray()).filter(
      (i) => localDay(i.date) >= period.from && localDay(i.date) <= period.to,
    );
    expect(interactions.filter((i) => localDay(i.date) >= period.from && localDay(i.date) <= period.to)).toHaveLength(
      expectedInPeriod.length,
    );
  });
});

describe('watchDashboardTables', () => {
  it('names the dashboard tables each write touched, and ignores the others', async () => {
    const db = freshDb();
    const { prospects } = await seedDemoData(db, todayIso());
    expect(prospects).toBeGreaterThan(0);
    const seen: string[][] = [];
    const stop = watchDashboardTables(db, (tables) => seen.push([...tables].sort()));
    try {
      await saveSettings(db, { objectives: { contactsPerWeek: 3 } });
      const someone = await db.prospects.toCollection().first();
      if (!someone) throw new Error('no prospect');
      await logInteraction(db, someone.id, 'call');
      await db.relances.clear();
    } finally {
      stop();
    }
    expect(seen).toEqual([['interactions'], ['relances']]);
  });

  it('stops once unsubscribed', async () => {
    const db = freshDb();
    await seedDemoData(db, todayIso());
    const seen: unknown[] = [];
    watchDashboardTables(db, (tables) => seen.push(tables))();
    await db.relances.clear();
    expect(seen).toEqual([]);
  });
});
