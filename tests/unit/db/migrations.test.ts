import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readDashboardTables } from '../../../src/db/dashboard-read';
import { kpiProspectRow, openDatabase, stageEventsOf } from '../../../src/db/database';
import { normalizeCompany } from '../../../src/matching/keys';
import type { Interaction } from '../../../src/model';
import { CHANNELS, countContactsPerWeek, todayIso } from '../../../src/process';
import { V1_STORES } from './v1-stores';

/* The stores of each released schema version, frozen here as they shipped (v1: V1_STORES). */

/** What v2 changed, and its upgrade, as released (the app's class only holds the latest). */
const V2_STORES_CHANGED = {
  prospects: 'id, &linkedinUrl, *emailKeys, nameKey, salesNavId, stage, updatedAt, *tags, companyKey',
  decisions: 'id, kind',
};
const UPGRADE_TO_V2 = (tx: import('dexie').Transaction) =>
  tx
    .table('prospects')
    .toCollection()
    .modify((prospect: { company?: string; companyKey?: string }) => {
      prospect.companyKey = prospect.company ? normalizeCompany(prospect.company) : '';
    });

/** What v3 changed, as released: unused indexes dropped, contacts by channel and date. */
const V3_STORES_CHANGED = {
  prospects: 'id, &linkedinUrl, *emailKeys, nameKey, salesNavId, companyKey',
  interactions: 'id, prospectId, [prospectId+date], date, [channel+date]',
  stageEvents: 'id, [prospectId+date]',
};

/** Monday 2 March 2026, local noon: the migrated contacts run from there. */
const CONTACTS_START = new Date(2026, 2, 2, 12).getTime();

function v1Prospect(i: number) {
  return {
    id: crypto.randomUUID(),
    fullName: `Prospect ${i}`,
    company: i % 2 ? `Société Générale d'Études ${i % 7}` : undefined,
    phones: [],
    emails: [`p${i}@exemple.fr`],
    emailKeys: [`p${i}@exemple.fr`],
    nameKey: `${i} prospect|`,
    stage: 'contact',
    qualification: 'suspect',
    checklist: { 'prospecting.qualified': { done: true, note: 'ok' } },
    tags: i % 3 ? ['ETI'] : [],
    source: 'import',
    lockedFields: [],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000 + i,
  };
}

/** A v1 database as the first release left it: 250 prospects, a relance each, one contact. */
async function seedV1Database() {
  const name = `migrate-${crypto.randomUUID()}`;
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  const prospects = Array.from({ length: 250 }, (_, i) => v1Prospect(i));
  await v1.table('prospects').bulkAdd(prospects);
  await v1
    .table('relances')
    .bulkAdd(prospects.map((p, i) => ({ id: crypto.randomUUID(), prospectId: p.id, dueDate: '2026-12-01', status: 'open', createdAt: i })));
  await v1.table('interactions').add({ id: crypto.randomUUID(), prospectId: prospects[0]?.id, channel: 'call', date: 1, createdAt: 1 });
  v1.close();
  return { name, prospects };
}

describe('schema upgrades', () => {
  it('v1 → v2 keeps every record and fills the new company and tag indexes', async () => {
    const { name, prospects } = await seedV1Database();

    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES_CHANGED).upgrade(UPGRADE_TO_V2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.table('prospects').count()).toBe(250);
    expect(await v2.table('prospects').where('tags').equals('ETI').count()).toBe(prospects.filter((p) => p.tags.length).length);
    const upgraded = await v2.table('prospects').get(prospects[1]?.id ?? '');
    expect(upgraded?.companyKey).toBe('societe generale d etudes 1');
    v2.close();
    await Dexie.delete(name);
  });

  it('v1 → v4 (as the app opens it) keeps every record and fills the company index', async () => {
    const { name, prospects } = await seedV1Database();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.prospects.count()).toBe(250);
    expect(await db.relances.count()).toBe(250);
    expect(await db.interactions.count()).toBe(1);
    const first = await db.prospects.get(prospects[1]?.id ?? '');
    expect(first?.companyKey).toBe('societe generale d etudes 1');
    expect(first?.checklist).toEqual({ 'prospecting.qualified': { done: true, note: 'ok' } });
    expect(first?.tags).toEqual(['ETI']);
    expect(
      await db.prospects
        .where('companyKey')
        .equals(first?.companyKey ?? '-')
        .count(),
    ).toBeGreaterThan(1);
    await db.delete();
  });

  it('v2 → v4 keeps every record of every table, drops only the unused indexes and builds the KPI rows', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES_CHANGED).upgrade(UPGRADE_TO_V2);
    await v2.open();
    const prospects = Array.from({ length: 300 }, (_, i) => ({ ...v1Prospect(i), companyKey: i % 2 ? `societe ${i % 7}` : '' }));
    await v2.table('prospects').bulkAdd(prospects);
    await v2
      .table('relances')
      .bulkAdd(
        prospects.map((p, i) => ({ id: crypto.randomUUID(), prospectId: p.id, dueDate: '2026-12-01', status: 'open', createdAt: i })),
      );
    await v2
      .table('stageEvents')
      .bulkAdd(
        prospects.map((p) => ({ id: crypto.randomUUID(), prospectId: p.id, from: null, to: 'contact', date: 5, forced: false, unmet: [] })),
      );
    // A contact every 5 hours over about two months, channels in turn: weeks to count on the new index.
    const contacts = prospects.map((p, i) => {
      const date = CONTACTS_START + i * 5 * 3_600_000;
      return { id: crypto.randomUUID(), prospectId: p.id, channel: CHANNELS[i % CHANNELS.length], date, createdAt: date };
    });
    await v2.table('interactions').bulkAdd(contacts);
    await v2.table('decisions').add({ id: 'not-duplicates:a|b', kind: 'not-duplicates', ids: ['a', 'b'], decidedAt: 1 });
    await v2.table('settings').add({ key: 'app', language: 'fr' });
    v2.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    const counts = Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.count()])));
    expect(counts).toEqual({
      prospects: 300,
      interactions: 300,
      relances: 300,
      stageEvents: 300,
      offers: 0,
      settings: 1,
      decisions: 1,
      kpiProspects: 300,
    });
    // v4: each prospect's KPI row, built by the upgrade from the prospects as they end up.
    expect(await db.kpiProspects.toArray()).toEqual((await db.prospects.toArray()).map(kpiProspectRow));
    expect(await db.prospects.toArray()).toEqual(expect.arrayContaining(prospects.map((p) => expect.objectContaining(p))));
    expect(db.prospects.schema.indexes.map((index) => index.name).sort()).toEqual([
      'companyKey',
      'emailKeys',
      'linkedinUrl',
      'nameKey',
      'salesNavId',
    ]);
    expect(db.stageEvents.schema.indexes.map((index) => index.name).sort()).toEqual(['[prospectId+date]', 'from']);
    expect(await stageEventsOf(db, [prospects[3]?.id ?? '']).count()).toBe(1);
    expect(await db.prospects.where('companyKey').equals('societe 1').count()).toBeGreaterThan(1);
    // The contacts' new index is filled from the records already there, and counts them as the records do.
    expect(db.interactions.schema.idxByName['[channel+date]']).toBeDefined();
    const [from, to] = [CONTACTS_START + 86_400_000, CONTACTS_START + 40 * 86_400_000];
    expect(await db.interactions.where('[channel+date]').between(['email', from], ['email', to]).count()).toBe(
      contacts.filter((c) => c.channel === 'email' && c.date >= from && c.date < to).length,
    );
    const period = { from: todayIso(new Date(from)), to: todayIso(new Date(to)) };
    const counted = await (await readDashboardTables(db, period, ['interactions'])).interactions;
    expect(counted).toEqual(countContactsPerWeek(contacts as Interaction[], period));
    expect(counted?.flatMap((week) => Object.values(week)).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(100);
    await db.delete();
  });
  it('v3 → v4 keeps every record and builds the dashboard rows and the index of stage moves', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores(V2_STORES_CHANGED).upgrade(UPGRADE_TO_V2);
    v3.version(3).stores(V3_STORES_CHANGED);
    await v3.open();
    const prospects = Array.from({ length: 200 }, (_, i) => ({
      ...v1Prospect(i),
      companyKey: '',
      ...(i % 10 === 0 ? { outcome: { result: 'won', date: 1_700_000_500_000 } } : {}),
    }));
    await v3.table('prospects').bulkAdd(prospects);
    // Each a creation event; every other one a move to contact too.
    const events = prospects.flatMap((p, i) => [
      { id: crypto.randomUUID(), prospectId: p.id, from: null, to: 'prospecting', date: p.createdAt, forced: false, unmet: [] },
      ...(i % 2
        ? []
        : [
            {
              id: crypto.randomUUID(),
              prospectId: p.id,
              from: 'prospecting',
              to: 'contact',
              date: p.createdAt + 1,
              forced: false,
              unmet: [],
            },
          ]),
    ]);
    await v3.table('stageEvents').bulkAdd(events);
    await v3
      .table('relances')
      .add({ id: crypto.randomUUID(), prospectId: prospects[0]?.id, dueDate: '2026-12-01', status: 'open', createdAt: 1 });
    v3.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.prospects.count()).toBe(200);
    expect(await db.stageEvents.count()).toBe(300);
    expect(await db.relances.count()).toBe(1);
    expect(await db.prospects.toArray()).toEqual(expect.arrayContaining(prospects.map((p) => expect.objectContaining(p))));
    expect(await db.kpiProspects.toArray()).toEqual((await db.prospects.toArray()).map(kpiProspectRow));
    expect((await db.kpiProspects.toArray()).filter((row) => row.outcome?.result === 'won')).toHaveLength(20);
    // The new index holds the moves only: a creation event (from null) is not indexed.
    expect(await db.stageEvents.where('from').equals('prospecting').count()).toBe(100);
    expect(await db.stageEvents.orderBy('from').count()).toBe(100);
    await db.delete();
  });
});
