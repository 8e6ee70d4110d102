// First: `self` and FileReader for dexie-export-import, before backup.ts loads it.
import './backup-shims';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupSummary, restoreBackup } from '../../../src/db/backup';
import { openDatabase, type RelanceDatabase } from '../../../src/db/database';
import { exportRawDatabase } from '../../../src/db/raw-export';
import { normalizeCompany } from '../../../src/matching/keys';
import { type Decision, defaultSettings, type Interaction, type Prospect, type Relance, type Settings } from '../../../src/model';
import { expectRefused, fileOf, snapshot } from './backup-helpers';
import { deleteFreshDatabases, freshDb, keepForDeletion } from './fresh-db';
import { V1_STORES } from './v1-stores';

/*
 * The raw copy the error screen offers (DatabaseGate → exportRawDatabase) when the database will
 * not open must be restorable after a reinstall, with a normal backup's guarantees.
 */

afterEach(deleteFreshDatabases);

const NOW = Date.UTC(2026, 2, 10, 9);

function prospect(i: number, overrides: Partial<Prospect> = {}): Prospect {
  return {
    id: crypto.randomUUID(),
    fullName: i % 3 ? `Prospect ${i}` : `Élodie Ñúñez ${i} 🚀`,
    company: i % 2 ? `Société Générale d'Études ${i % 4}` : undefined,
    phones: i % 2 ? ['+33 6 12 34 56 78'] : [],
    emails: [`p${i}@exemple.fr`],
    emailKeys: [],
    linkedinUrl: i % 3 === 0 ? `https://www.linkedin.com/in/prospect-${i}/` : undefined,
    nameKey: '',
    companyKey: '',
    stage: 'discovery',
    qualification: 'prospect',
    // Checklist keys hold dots.
    checklist: { 'prospecting.qualified': { done: true, note: 'Vu au salon', doneAt: NOW }, 'contact.first-call': { done: false } },
    tags: i % 2 ? ['ETI', 'Lyon'] : [],
    source: 'import',
    notes: i % 2 ? `Notes ${i}\nsur deux lignes « guillemets »` : undefined,
    lockedFields: [],
    createdAt: NOW - i * 1000,
    updatedAt: NOW + i,
    ...overrides,
  };
}

function interaction(prospectId: string, i: number): Interaction {
  return { id: crypto.randomUUID(), prospectId, channel: i % 2 ? 'email' : 'call', date: NOW - i * 60_000, createdAt: NOW };
}

function relance(prospectId: string, i: number): Relance {
  return {
    id: crypto.randomUUID(),
    prospectId,
    dueDate: `2026-04-${String((i % 28) + 1).padStart(2, '0')}`,
    status: 'open',
    createdAt: NOW,
  };
}

const SETTINGS: Settings = { ...defaultSettings(), language: 'fr', noContactDays: 21, workingDaysOnly: false };
const DECISION: Decision = { id: 'not-duplicate:a|b', kind: 'not-duplicate', key: 'a|b', createdAt: NOW };

async function fill(db: RelanceDatabase, prospectCount: number, seed = 0): Promise<void> {
  const prospects = Array.from({ length: prospectCount }, (_, i) => prospect(i + seed));
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    await db.prospects.bulkPut(prospects);
    await db.interactions.bulkPut(prospects.flatMap((p, i) => [interaction(p.id, i), interaction(p.id, i + 1)]));
    await db.relances.bulkPut(prospects.map((p, i) => relance(p.id, i)));
    await db.stageEvents.put({
      id: crypto.randomUUID(),
      prospectId: prospects[0]?.id ?? '',
      from: null,
      to: 'prospecting',
      date: NOW,
      forced: false,
      unmet: [],
    });
    await db.settings.put(SETTINGS);
    await db.decisions.put(DECISION);
  });
}

/** What the extension finds after a reinstall: the database is gone and recreated empty under the same name. */
async function reinstalled(db: RelanceDatabase): Promise<RelanceDatabase> {
  const name = db.name;
  await db.delete();
  const fresh = keepForDeletion(openDatabase(name));
  await fresh.open();
  return fresh;
}

type RawCopy = { format: string; database: string; version: number; exportedAt: string; tables: Record<string, unknown[]> };

async function parsedRaw(blob: Blob): Promise<RawCopy> {
  return JSON.parse(await blob.text()) as RawCopy;
}

describe('restoring the raw copy made when the database would not open', () => {
  it('previews and restores every record, identical, into the reinstalled database', async () => {
    const db = freshDb();
    await fill(db, 25);
    const before = await snapshot(db);
    const startedAt = Date.now();
    const raw = await exportRawDatabase(db.name);

    const fresh = await reinstalled(db);
    expect(await fresh.prospects.count()).toBe(0);

    const rowCounts = { prospects: 25, interactions: 50, relances: 25, stageEvents: 1, offers: 0, settings: 1, decisions: 1 };
    const summary = await readBackupSummary(fresh, raw);
    expect(summary).toEqual({ databaseName: db.name, schemaVersion: 4, exportedAt: expect.any(Number), rowCounts, totalRows: 103 });
    expect(summary.exportedAt).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(await fresh.prospects.count()).toBe(0);

    const progress: [number, number][] = [];
    const result = await restoreBackup(fresh, raw, { onProgress: (done, total) => progress.push([done, total]) });
    expect(result).toEqual({ schemaVersion: 4, upgraded: false, rowCounts, totalRows: 103 });
    expect(progress.at(-1)).toEqual([103, 103]);
    expect(await snapshot(fresh)).toEqual(before);
    // Indexes are rebuilt: the copy's records are found as the app looks them up.
    const linked = before.prospects?.find((record) => (record as Prospect).linkedinUrl) as Prospect;
    const found = await fresh.prospects
      .where('linkedinUrl')
      .equals(linked.linkedinUrl ?? '')
      .first();
    expect(found?.id).toBe(linked.id);
  });

  it('replaces the data written since, whole', async () => {
    const db = freshDb();
    await fill(db, 4);
    const before = await snapshot(db);
    const raw = await exportRawDatabase(db.name);
    await fill(db, 9, 100);
    await restoreBackup(db, raw);
    expect(await snapshot(db)).toEqual(before);
  });

  it('upgrades a copy taken from a v1 database: company keys computed, no decisions', async () => {
    const db = freshDb();
    const name = db.name;
    await db.delete();
    // The database as the v1 extension left it (its records lack companyKey); a failed v2 upgrade leaves it so.
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const v1Prospects = Array.from({ length: 6 }, (_, i) => {
      const { companyKey: _dropped, ...record } = prospect(i);
      return record;
    });
    await v1.table('prospects').bulkAdd(v1Prospects);
    await v1.table('settings').add({ key: 'app', language: 'fr', noContactDays: 21, workingDaysOnly: false, schemaVersion: 1 });
    v1.close();
    const raw = await exportRawDatabase(name);
    expect((await parsedRaw(raw)).version).toBe(10);
    await Dexie.delete(name);

    const fresh = keepForDeletion(openDatabase(name));
    const summary = await readBackupSummary(fresh, raw);
    expect(summary.schemaVersion).toBe(1);
    expect(summary.rowCounts).toEqual({ prospects: 6, interactions: 0, relances: 0, stageEvents: 0, offers: 0, settings: 1, decisions: 0 });

    const result = await restoreBackup(fresh, raw);
    expect(result.schemaVersion).toBe(1);
    expect(result.upgraded).toBe(true);
    const restored = await fresh.prospects.toArray();
    expect(restored).toHaveLength(6);
    for (const record of restored) expect(record.companyKey).toBe(record.company ? normalizeCompany(record.company) : '');
    expect(await fresh.prospects.where('companyKey').equals(normalizeCompany("Société Générale d'Études 1")).count()).toBeGreaterThan(0);
    expect(await fresh.decisions.count()).toBe(0);
  });
});

describe('refused raw copies leave the database as it was', () => {
  async function seeded(): Promise<{ db: RelanceDatabase; copy: RawCopy }> {
    const db = freshDb();
    await fill(db, 6);
    const copy = await parsedRaw(await exportRawDatabase(db.name));
    await fill(db, 3, 50);
    return { db, copy };
  }

  it('a record the app’s rules refuse, naming the table and the record', async () => {
    const { db, copy } = await seeded();
    const prospects = copy.tables.prospects ?? [];
    prospects[2] = { ...(prospects[2] as Prospect), fullName: 'x'.repeat(10_000) };
    const error = await expectRefused(db, fileOf(copy), 'corrupt', 'restore');
    expect(error.location).toEqual({ table: 'prospects', index: 2 });
    expect(error.message).toContain('record 3 of prospects');
    expect(error.message).toContain('fullName: Too long (max 200)');
  });

  it('records that would clash: a repeated id', async () => {
    const { db, copy } = await seeded();
    const relances = copy.tables.relances ?? [];
    relances.push({ ...(relances[0] as Relance), note: 'copie' });
    expect((await expectRefused(db, fileOf(copy), 'corrupt', 'restore')).location).toEqual({ table: 'relances', index: 6 });
  });

  it('a copy from a newer schema, or of another database', async () => {
    const { db, copy } = await seeded();
    await expectRefused(db, fileOf({ ...copy, version: 50 }), 'newer-schema');
    await expectRefused(db, fileOf({ ...copy, database: 'autre-appli' }), 'wrong-database');
  });

  it('malformed copies: incomplete header, unknown or malformed table, truncated file', async () => {
    const { db, copy } = await seeded();
    const { tables: _tables, ...withoutTables } = copy;
    await expectRefused(db, fileOf(withoutTables), 'not-a-backup');
    await expectRefused(db, fileOf({ ...copy, version: '30' }), 'not-a-backup');
    // What exportRawDatabase writes for a database that never existed.
    await expectRefused(db, fileOf({ ...copy, version: 1, tables: {} }), 'not-a-backup');
    await expectRefused(db, fileOf({ ...copy, tables: { ...copy.tables, contacts: [] } }), 'corrupt');
    await expectRefused(db, fileOf({ ...copy, tables: { ...copy.tables, prospects: { 0: {} } } }), 'corrupt');
    const bytes = new Uint8Array(await fileOf(copy).arrayBuffer());
    await expectRefused(db, new Blob([bytes.slice(0, Math.floor(bytes.length * 0.8))]), 'corrupt');
  });
});
