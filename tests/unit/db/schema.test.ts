import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { stageEventsOf } from '../../../src/db/database';
import { ValidationError } from '../../../src/db/errors';
import type { Interaction, Prospect, Relance, Settings } from '../../../src/model';
import { deleteFreshDatabases, freshDb } from './fresh-db';
import { prospectRecord } from './prospect-record';

afterEach(deleteFreshDatabases);

const NOW = Date.UTC(2026, 2, 10, 9);

function prospect(overrides: Partial<Prospect> = {}): Prospect {
  return prospectRecord({
    fullName: 'Jeanne Dupont',
    company: 'Acme',
    emails: ['Jeanne.Dupont@Acme.fr'],
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  });
}

function interaction(prospectId: string, overrides: Partial<Interaction> = {}): Interaction {
  return { id: crypto.randomUUID(), prospectId, channel: 'call', date: NOW, createdAt: NOW, ...overrides };
}

function relance(prospectId: string, overrides: Partial<Relance> = {}): Relance {
  return { id: crypto.randomUUID(), prospectId, dueDate: '2026-03-12', status: 'open', createdAt: NOW, ...overrides };
}

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('schema', () => {
  it('opens with every table and index', async () => {
    const db = freshDb();
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(
      ['decisions', 'interactions', 'kpiProspects', 'offers', 'prospects', 'relances', 'settings', 'stageEvents'].sort(),
    );
    const prospectIndexes = db.prospects.schema.indexes.map((index) => index.name).sort();
    expect(prospectIndexes).toEqual(['companyKey', 'emailKeys', 'linkedinUrl', 'nameKey', 'salesNavId']);
    expect(db.prospects.schema.idxByName.linkedinUrl?.unique).toBe(true);
    expect(db.prospects.schema.idxByName.emailKeys?.multi).toBe(true);
    expect(db.relances.schema.idxByName['[status+dueDate]']).toBeDefined();
    expect(db.stageEvents.schema.indexes.map((index) => index.name).sort()).toEqual(['[prospectId+date]', 'from']);
    expect(db.kpiProspects.schema.indexes).toEqual([]);
    expect(db.interactions.schema.indexes.map((index) => index.name).sort()).toEqual(
      ['[channel+date]', '[prospectId+date]', 'date', 'prospectId'].sort(),
    );
  });

  it("stageEventsOf reads exactly the given prospects' stage events, each one's in date order", async () => {
    const db = freshDb();
    const [a, b, other] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const event = (prospectId: string, date: number) => ({
      id: crypto.randomUUID(),
      prospectId,
      from: null,
      to: 'contact' as const,
      date,
      forced: false,
      unmet: [],
    });
    await db.stageEvents.bulkAdd([event(a, 30), event(other, 20), event(a, 10), event(b, 5)]);
    const read = async (ids: string[]) => (await stageEventsOf(db, ids).toArray()).map((e) => `${e.prospectId === a ? 'a' : 'b'}${e.date}`);
    expect(await read([a])).toEqual(['a10', 'a30']);
    expect((await read([a, b])).sort()).toEqual(['a10', 'a30', 'b5']);
    expect(await read([])).toEqual([]);
  });

  it('stores a valid prospect trimmed, with its derived keys computed', async () => {
    const db = freshDb();
    const record = prospect({ fullName: '  Jeanne Dupont ', emailKeys: ['stale@x.fr'], nameKey: 'stale' });
    await db.prospects.add(record);
    const stored = await db.prospects.get(record.id);
    expect(stored?.fullName).toBe('Jeanne Dupont');
    expect(stored?.emailKeys).toEqual(['jeanne.dupont@acme.fr']);
    expect(stored?.nameKey).toBe('dupont jeanne|acme');
    expect(stored?.emails).toEqual(['Jeanne.Dupont@Acme.fr']);
  });
});

describe('validation on every write path', () => {
  it('rejects an empty name', async () => {
    const db = freshDb();
    const error = await rejection(db.prospects.add(prospect({ fullName: '   ' })));
    expect(error.message).toBe('Invalid prospect: fullName: Required');
    expect(await db.prospects.count()).toBe(0);
  });

  it('rejects a 300-character name rather than truncating it', async () => {
    const db = freshDb();
    const error = await rejection(db.prospects.add(prospect({ fullName: 'x'.repeat(300) })));
    expect(error.message).toBe('Invalid prospect: fullName: Too long (max 200)');
    expect(error.entity).toBe('prospect');
    expect(error.issues).toEqual([{ path: 'fullName', message: 'Too long (max 200)' }]);
  });

  it('rejects an unknown stage', async () => {
    const db = freshDb();
    const bad = { ...prospect(), stage: 'negotiation' } as unknown as Prospect;
    const error = await rejection(db.prospects.put(bad));
    expect(error.message).toMatch(/^Invalid prospect: stage: Unknown stage/);
  });

  it('rejects an impossible due date', async () => {
    const db = freshDb();
    const owner = prospect();
    await db.prospects.add(owner);
    for (const dueDate of ['2026-13-45', '2026-02-30', '12/03/2026', '']) {
      const error = await rejection(db.relances.add(relance(owner.id, { dueDate })));
      expect(error.message).toBe('Invalid relance: dueDate: Not a valid date (YYYY-MM-DD expected)');
    }
    await db.relances.add(relance(owner.id, { dueDate: '2028-02-29' }));
    expect(await db.relances.count()).toBe(1);
  });

  it('validates updates as the merged record, dotted key paths included', async () => {
    const db = freshDb();
    const record = prospect();
    await db.prospects.add(record);

    await rejection(db.prospects.update(record.id, { fullName: 'y'.repeat(201) }));

    await db.prospects.update(record.id, { outcome: { result: 'lost', date: NOW } });
    const error = await rejection(db.prospects.update(record.id, { 'outcome.reason': 'r'.repeat(501) }));
    expect(error.message).toBe('Invalid prospect: outcome.reason: Too long (max 500)');

    // Dexie reads a dotted path as nesting, so it cannot address a checklist key (which holds
    // a dot): such a write would store a malformed checklist, and is refused.
    await rejection(db.prospects.update(record.id, { 'checklist.discovery.budget': { done: true } }));

    // A checklist key holds a dot; the stored record must keep it as one key.
    await db.prospects.update(record.id, { checklist: { 'discovery.budget': { done: true, note: '20 k€' } } });
    await db.prospects
      .where('id')
      .equals(record.id)
      .modify((p) => {
        p.company = '  Acme Industrie ';
      });
    const stored = await db.prospects.get(record.id);
    expect(stored?.checklist).toEqual({ 'discovery.budget': { done: true, note: '20 k€' } });
    expect(stored?.company).toBe('Acme Industrie');
    expect(stored?.nameKey).toBe('dupont jeanne|acme industrie');
    expect(stored?.fullName).toBe('Jeanne Dupont');
  });

  it('rejects bulk writes as a whole', async () => {
    const db = freshDb();
    await rejection(db.prospects.bulkAdd([prospect(), prospect({ emails: ['not an email'] })]));
    expect(await db.prospects.count()).toBe(0);
  });

  it('aborts the whole transaction: a prospect written with an invalid interaction is not kept', async () => {
    const db = freshDb();
    const record = prospect();
    const error = await rejection(
      db.transaction('rw', [db.prospects, db.interactions], async () => {
        await db.prospects.add(record);
        await db.interactions.add(interaction(record.id, { channel: 'fax' as Interaction['channel'] }));
      }),
    );
    expect(error.message).toMatch(/^Invalid interaction: channel: Unknown channel/);
    expect(await db.prospects.count()).toBe(0);
    expect(await db.interactions.count()).toBe(0);
  });

  it('enforces one prospect per LinkedIn profile', async () => {
    const db = freshDb();
    const linkedinUrl = 'https://www.linkedin.com/in/jeanne-dupont/';
    await db.prospects.add(prospect({ linkedinUrl }));
    await expect(db.prospects.add(prospect({ linkedinUrl }))).rejects.toMatchObject({ name: 'ConstraintError' });
    const error = await rejection(db.prospects.add(prospect({ linkedinUrl: 'https://linkedin.com/in/Jeanne-Dupont' })));
    expect(error.message).toMatch(/^Invalid prospect: linkedinUrl: Not a canonical LinkedIn profile URL/);
  });

  it('validates settings and offers too', async () => {
    const db = freshDb();
    // A v1-shaped record is upgraded on the way in, but its invalid language is still refused.
    const v1 = { key: 'app', language: 'de', noContactDays: 14, workingDaysOnly: true, schemaVersion: 1 };
    await rejection(db.settings.put(v1 as unknown as Settings));
    const error = await rejection(
      db.offers.add({
        id: crypto.randomUUID(),
        name: 'Offre',
        pitch: '',
        benefits: [''],
        limits: [],
        proofPoints: [],
        objections: [],
        createdAt: NOW,
        updatedAt: NOW,
      }),
    );
    expect(error.message).toBe('Invalid offer: benefits.0: Required');
  });
});
