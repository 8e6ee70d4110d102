import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database';

/** The stores of each released schema version, frozen here as they shipped. */
const V1_STORES = {
  prospects: 'id, &linkedinUrl, *emailKeys, nameKey, salesNavId, stage, updatedAt',
  interactions: 'id, prospectId, [prospectId+date], date',
  relances: 'id, prospectId, [status+dueDate], dueDate',
  stageEvents: 'id, prospectId, [prospectId+date], date',
  offers: 'id',
  settings: 'key',
};

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

describe('schema upgrades', () => {
  it('v1 → v2 keeps every record and fills the new company and tag indexes', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    const prospects = Array.from({ length: 250 }, (_, i) => v1Prospect(i));
    await v1.table('prospects').bulkAdd(prospects);
    await v1
      .table('relances')
      .bulkAdd(
        prospects.map((p, i) => ({ id: crypto.randomUUID(), prospectId: p.id, dueDate: '2026-12-01', status: 'open', createdAt: i })),
      );
    await v1.table('interactions').add({ id: crypto.randomUUID(), prospectId: prospects[0]?.id, channel: 'call', date: 1, createdAt: 1 });
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.prospects.count()).toBe(250);
    expect(await db.relances.count()).toBe(250);
    expect(await db.interactions.count()).toBe(1);
    const first = await db.prospects.get(prospects[1]?.id ?? '');
    expect(first?.companyKey).toBe('societe generale d etudes 1');
    expect(first?.checklist).toEqual({ 'prospecting.qualified': { done: true, note: 'ok' } });
    expect(await db.prospects.where('tags').equals('ETI').count()).toBe(prospects.filter((p) => p.tags.length).length);
    expect(
      await db.prospects
        .where('companyKey')
        .equals(first?.companyKey ?? '-')
        .count(),
    ).toBeGreaterThan(1);
    await db.delete();
  });
});
