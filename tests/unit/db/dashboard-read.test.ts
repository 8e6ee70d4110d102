import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readDashboardTables } from '../../../src/db/dashboard-read';
import { watchDashboardTables } from '../../../src/db/dashboard-watch';
import { logInteraction, saveSettings, seedDemoData } from '../../../src/db/repository';
import {
  addDays,
  assembleKpis,
  CHANNELS,
  computeKpis,
  computePipelineFigures,
  computeRelanceFigures,
  contactFiguresFromCounts,
  countContactsPerWeek,
  todayIso,
} from '../../../src/process';
import { deleteFreshDatabases, freshDb } from './fresh-db';

afterEach(deleteFreshDatabases);

const localDay = (ms: number) => todayIso(new Date(ms));

describe('readDashboardTables', () => {
  it('reads what the figures need: the same figures as from every full record', async () => {
    const db = freshDb();
    const today = todayIso();
    await seedDemoData(db, today);
    const period = { from: addDays(today, -29), to: today };
    const reads = await readDashboardTables(db, period);
    const [prospects, stageEvents, contactCounts, relances] = await Promise.all([
      reads.prospects,
      reads.stageEvents,
      reads.interactions,
      reads.relances,
    ]);
    if (!prospects || !stageEvents || !contactCounts || !relances) throw new Error('a table was not read');
    const everything = {
      prospects: await db.prospects.toArray(),
      stageEvents: await db.stageEvents.toArray(),
      interactions: await db.interactions.toArray(),
      relances: await db.relances.toArray(),
    };
    expect(everything.relances.length).toBeGreaterThan(relances.length);
    const parts = {
      pipeline: computePipelineFigures({ prospects, stageEvents, period, today }),
      contacts: contactFiguresFromCounts({ counts: contactCounts, period, today }),
      relances: computeRelanceFigures({ relances, period, today }),
    };
    const fromRecords = computeKpis({ ...everything, period, today });
    expect(fromRecords.contactsPerWeek.total).toBeGreaterThan(0);
    expect(assembleKpis(parts, period)).toEqual(fromRecords);
    // Only the fields the figures read are kept of the large records.
    expect(Object.keys(prospects[0] ?? {}).sort()).toEqual(expect.arrayContaining(['createdAt', 'id', 'stage']));
    expect(prospects.every((prospect) => !('fullName' in prospect))).toBe(true);
    expect(stageEvents.every((event) => Object.keys(event).sort().join() === 'date,from,prospectId,to')).toBe(true);
  });

  // Whole tables are read in pages of 2,500 (so the page's own requests are served between them).
  it('reads every record of a table spanning several pages once, on a page boundary and past it', async () => {
    const db = freshDb();
    const today = todayIso();
    await seedDemoData(db, today);
    const [prospect] = await db.prospects.toArray();
    // A move (a creation event is not read: see readStageMoves).
    const event = (await db.stageEvents.toArray()).find((stageEvent) => stageEvent.from !== null);
    if (!prospect || !event) throw new Error('no demo data');
    const { linkedinUrl: _unique, ...copyable } = prospect;
    const fillTo = async (total: number) => {
      const missing = total - (await db.prospects.count());
      await db.prospects.bulkAdd(Array.from({ length: missing }, () => ({ ...copyable, id: crypto.randomUUID() })));
      await db.stageEvents.bulkAdd(Array.from({ length: missing }, () => ({ ...event, id: crypto.randomUUID() })));
    };
    const period = { from: today, to: today };
    for (const total of [5_000, 5_001]) {
      await fillTo(total);
      const reads = await readDashboardTables(db, period, ['prospects', 'stageEvents']);
      const [prospects, stageEvents] = await Promise.all([reads.prospects, reads.stageEvents]);
      expect(prospects?.map((row) => row.id).sort()).toEqual((await db.prospects.toCollection().primaryKeys()).sort());
      expect(stageEvents).toHaveLength(await db.stageEvents.filter((stageEvent) => stageEvent.from !== null).count());
    }
  });

  it("reads relances of the period only, and the period's contacts as counts per channel and week", async () => {
    const db = freshDb();
    const today = todayIso();
    await seedDemoData(db, today);
    const period = { from: addDays(today, -6), to: today };
    const reads = await readDashboardTables(db, period, ['interactions', 'relances']);
    expect(reads.prospects).toBeUndefined();
    const relances = (await reads.relances) ?? [];
    expect(relances.length).toBeGreaterThan(0);
    expect(relances.every((relance) => relance.dueDate >= period.from && relance.dueDate <= period.to)).toBe(true);
    expect(await reads.interactions).toEqual(countContactsPerWeek(await db.interactions.toArray(), period));
  });
});

describe('the contact counts read by index', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const localMs = (iso: string, hour = 0, minute = 0) =>
    new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), hour, minute).getTime();

  /*
   * Contacts every 47 minutes (so every time of day comes round), plus one on each side of every
   * local midnight and on it, from late February to mid-April and September to early November:
   * the DST changes of Havana (8/03), Europe (29/03 and 25/10), Santiago and Lord Howe (5/04,
   * Santiago's at midnight) and Santiago's spring (6/09, at midnight) all fall inside.
   */
  function contactInstants(): number[] {
    const instants: number[] = [];
    for (const [first, last] of [
      ['2026-02-25', '2026-04-15'],
      ['2026-08-30', '2026-11-05'],
    ] as const) {
      for (let ms = localMs(first, 0, 7); ms < localMs(last); ms += 47 * 60_000) instants.push(ms);
      for (let day: string = first; day <= last; day = addDays(day, 1)) {
        const midnight = localMs(day);
        instants.push(midnight - 1, midnight, midnight + 1);
      }
    }
    return instants;
  }

  const PERIODS = [
    // Whole weeks, and weeks cut by the period at either end, across Europe's changes.
    { from: '2026-03-01', to: '2026-04-12' },
    { from: '2026-03-25', to: '2026-04-01' },
    { from: '2026-10-21', to: '2026-11-03' },
    // The DST Sundays alone (Santiago's 4 April lasts 25 hours, its 6 September 23).
    { from: '2026-03-29', to: '2026-03-29' },
    { from: '2026-04-05', to: '2026-04-05' },
    { from: '2026-09-06', to: '2026-09-06' },
    { from: '2026-03-08', to: '2026-03-09' },
    { from: '2026-09-01', to: '2026-10-31' },
  ];

  for (const zone of ['Europe/Paris', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
    it(`equal the counts from the records, around midnights and DST changes, in ${zone}`, async () => {
      process.env.TZ = zone;
      const db = freshDb();
      const instants = contactInstants();
      const prospectId = crypto.randomUUID();
      await db.interactions.bulkAdd(
        instants.map((ms, i) => ({
          id: crypto.randomUUID(),
          prospectId,
          channel: CHANNELS[i % CHANNELS.length] ?? 'call',
          date: ms,
          createdAt: ms,
        })),
      );
      const records = await db.interactions.toArray();
      for (const period of PERIODS) {
        const counted = await (await readDashboardTables(db, period, ['interactions'])).interactions;
        const expected = countContactsPerWeek(records, period);
        expect(counted, `${period.from}..${period.to}`).toEqual(expected);
        // Nothing counted twice or missed: the total is every contact on a local day of the period.
        const onPeriodDays = instants.filter((ms) => localDay(ms) >= period.from && localDay(ms) <= period.to).length;
        const total = (counted ?? []).reduce((sum, week) => sum + CHANNELS.reduce((inWeek, channel) => inWeek + week[channel], 0), 0);
        expect(total, `${period.from}..${period.to}`).toBe(onPeriodDays);
      }
    });
  }
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
