// First: `self` and FileReader for dexie-export-import, before backup.ts loads it.
import './backup-shims';
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError, createBackup, readBackupSummary, restoreBackup } from '../../../src/db/backup';
import {
  DERIVED_STORES,
  kpiProspectRow,
  type RelanceDatabase,
  type RelanceRecords,
  type RelanceTableName,
  storedForm,
} from '../../../src/db/database';
import { normalizeCompany } from '../../../src/matching/keys';
import {
  type Decision,
  defaultSettings,
  type Interaction,
  type Offer,
  type Prospect,
  type Relance,
  type Settings,
  type StageEvent,
} from '../../../src/model';
import { expectRefused, fileOf, type Snapshot, snapshot } from './backup-helpers';
import { deleteFreshDatabases, freshDb } from './fresh-db';

afterEach(deleteFreshDatabases);

const TABLES: readonly RelanceTableName[] = ['prospects', 'interactions', 'relances', 'stageEvents', 'offers', 'settings', 'decisions'];
const NOW = Date.UTC(2026, 2, 10, 9);

// ---------------------------------------------------------------------------------------
// Data

function prospect(i: number, overrides: Partial<Prospect> = {}): Prospect {
  return {
    id: crypto.randomUUID(),
    fullName: i % 5 === 0 ? `Élodie Ñúñez ${i} 🚀` : `Prospect ${i}`,
    company: i % 2 ? `Société Générale d'Études ${i % 7}` : undefined,
    jobTitle: i % 3 ? 'Directrice achats' : undefined,
    phones: i % 4 ? ['+33 6 12 34 56 78'] : [],
    emails: [`p${i}@exemple.fr`],
    emailKeys: [],
    linkedinUrl: i % 3 === 0 ? `https://www.linkedin.com/in/prospect-${i}/` : undefined,
    nameKey: '',
    companyKey: '',
    stage: 'discovery',
    qualification: 'prospect',
    outcome: i % 11 === 0 ? { result: 'lost', reason: 'Budget gelé', date: NOW } : undefined,
    // Checklist keys hold dots, which the export's key paths must not misread.
    checklist: { 'prospecting.qualified': { done: true, note: 'Vu au salon', doneAt: NOW }, 'contact.first-call': { done: false } },
    tags: i % 3 ? ['ETI', 'Lyon'] : [],
    source: 'import',
    notes: i % 2 ? `Notes ${i}\nsur deux lignes « guillemets »` : undefined,
    lockedFields: i % 7 ? [] : ['company'],
    createdAt: NOW - i * 1000,
    updatedAt: NOW + i,
    ...overrides,
  };
}

function interaction(prospectId: string, i: number, overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: crypto.randomUUID(),
    prospectId,
    channel: i % 2 ? 'email' : 'call',
    date: NOW - i * 60_000,
    subject: i % 2 ? `Re: proposition ${i}` : undefined,
    note: i % 3 ? undefined : 'Rappeler après le comité',
    createdAt: NOW,
    ...overrides,
  };
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

function stageEvent(prospectId: string): StageEvent {
  return { id: crypto.randomUUID(), prospectId, from: null, to: 'prospecting', date: NOW, forced: false, unmet: ['prospecting.qualified'] };
}

function offer(): Offer {
  return {
    id: crypto.randomUUID(),
    name: 'Audit flotte',
    pitch: '',
    benefits: ['Moins de pannes'],
    limits: [],
    proofPoints: ['Client X'],
    objections: [{ objection: 'Trop cher', answer: 'ROI en 6 mois' }],
    terms: 'Paiement à 30 jours',
    createdAt: NOW,
    updatedAt: NOW,
  };
}

const SETTINGS: Settings = { ...defaultSettings(), language: 'fr', noContactDays: 21, workingDaysOnly: false };

function decision(key: string): Decision {
  return { id: `not-duplicate:${key}`, kind: 'not-duplicate', key, createdAt: NOW };
}

type Contents = { [K in RelanceTableName]: RelanceRecords[K][] };

function sampleContents(prospectCount: number, seed = 0): Contents {
  const prospects = Array.from({ length: prospectCount }, (_, i) => prospect(i + seed));
  return {
    prospects,
    interactions: prospects.flatMap((p, i) => [interaction(p.id, i), interaction(p.id, i + 1)]),
    relances: prospects.map((p, i) => relance(p.id, i)),
    stageEvents: prospects.map((p) => stageEvent(p.id)),
    offers: [offer()],
    settings: [SETTINGS],
    decisions: [decision(`a${seed}|b${seed}`)],
  };
}

async function fill(db: RelanceDatabase, contents: Partial<Contents>): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    for (const name of TABLES) {
      const records = contents[name];
      if (records?.length) await db.table(name).bulkPut(records);
    }
  });
}

async function eraseAll(db: RelanceDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

// ---------------------------------------------------------------------------------------
// Files

type BackupFile = {
  formatName: string;
  formatVersion: number;
  exportedAt?: number;
  data: {
    databaseName: string;
    databaseVersion: number;
    tables: { name: string; schema: string; rowCount: number }[];
    data: { tableName: string; inbound: boolean; rows: unknown[] }[];
  };
};

async function parsedBackup(blob: Blob): Promise<BackupFile> {
  return JSON.parse(await blob.text()) as BackupFile;
}

/** Rows of `table` in a parsed backup (the fixture files always hold every table they list). */
function rowsOf(file: BackupFile, table: RelanceTableName): unknown[] {
  const entry = file.data.data.find((candidate) => candidate.tableName === table);
  if (!entry) throw new Error(`no ${table} in the file`);
  return entry.rows;
}

/** The settings record as the v1 extension stored it. */
const V1_SETTINGS_ROW = { key: 'app', language: 'fr', noContactDays: 21, workingDaysOnly: false, schemaVersion: 1 };

/** A backup as the v1 extension made it (no decisions table, prospects without companyKey). */
function v1BackupFile(databaseName: string, prospects: readonly Record<string, unknown>[], relances: readonly Relance[]): BackupFile {
  const v1Tables: [RelanceTableName, string, unknown[]][] = [
    ['prospects', 'id,&linkedinUrl,*emailKeys,nameKey,salesNavId,stage,updatedAt', [...prospects]],
    ['interactions', 'id,prospectId,[prospectId+date],date', []],
    ['relances', 'id,prospectId,[status+dueDate],dueDate', [...relances]],
    ['stageEvents', 'id,prospectId,[prospectId+date],date', []],
    ['offers', 'id', []],
    ['settings', 'key', [V1_SETTINGS_ROW]],
  ];
  return {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName,
      databaseVersion: 1,
      tables: v1Tables.map(([name, schema, rows]) => ({ name, schema, rowCount: rows.length })),
      data: v1Tables.map(([tableName, , rows]) => ({ tableName, inbound: true, rows })),
    },
  };
}

// ---------------------------------------------------------------------------------------

describe('createBackup and restoreBackup', () => {
  it('restores exactly what was backed up, after everything was erased', async () => {
    const db = freshDb();
    await fill(db, sampleContents(40));
    const before = await snapshot(db);

    const exportProgress: [number, number][] = [];
    const blob = await createBackup(db, { onProgress: (done, total) => exportProgress.push([done, total]) });
    // The derived kpiProspects is not in the file: the restore rebuilds it (the snapshots compare it too).
    const total = Object.entries(before)
      .filter(([name]) => !DERIVED_STORES.includes(name))
      .reduce((sum, [, rows]) => sum + rows.length, 0);
    expect(exportProgress.at(-1)).toEqual([total, total]);

    await eraseAll(db);
    expect(await db.prospects.count()).toBe(0);

    const restoreProgress: [number, number][] = [];
    const result = await restoreBackup(db, blob, { onProgress: (done, total) => restoreProgress.push([done, total]) });
    expect(await snapshot(db)).toEqual(before);
    expect(result).toEqual({
      schemaVersion: 4,
      upgraded: false,
      totalRows: total,
      rowCounts: { prospects: 40, interactions: 80, relances: 40, stageEvents: 40, offers: 1, settings: 1, decisions: 1 },
    });
    expect(restoreProgress[0]).toEqual([0, total]);
    expect(restoreProgress.at(-1)).toEqual([total, total]);
  });

  it('replaces data written after the backup, and restores an empty database as empty', async () => {
    const db = freshDb();
    const emptyBackup = await createBackup(db);
    await fill(db, sampleContents(3));
    const withData = await createBackup(db);
    const before = await snapshot(db);

    await fill(db, sampleContents(5, 100));
    await restoreBackup(db, withData);
    expect(await snapshot(db)).toEqual(before);

    await restoreBackup(db, emptyBackup);
    for (const table of db.tables) expect(await table.count()).toBe(0);
  });

  it('writes a file Dexie’s own tooling reads: the dexie format, schema version as databaseVersion', async () => {
    const db = freshDb();
    await fill(db, sampleContents(2));
    const file = await parsedBackup(await createBackup(db));
    expect(file.formatName).toBe('dexie');
    expect(file.formatVersion).toBe(1);
    expect(file.data.databaseName).toBe(db.name);
    expect(file.data.databaseVersion).toBe(db.verno);
    expect(file.data.tables.map((table) => table.name).sort()).toEqual([...TABLES].sort());
    expect(rowsOf(file, 'prospects')).toHaveLength(2);
  });
});

describe('readBackupSummary', () => {
  it('previews database, schema, date and per-table counts without changing anything', async () => {
    const db = freshDb();
    await fill(db, sampleContents(7));
    const startedAt = Date.now();
    const blob = await createBackup(db);
    const before = await snapshot(db);

    const summary = await readBackupSummary(db, blob);
    expect(summary).toEqual({
      databaseName: db.name,
      schemaVersion: 4,
      exportedAt: expect.any(Number),
      rowCounts: { prospects: 7, interactions: 14, relances: 7, stageEvents: 7, offers: 1, settings: 1, decisions: 1 },
      totalRows: 38,
    });
    expect(summary.exportedAt).toBeGreaterThanOrEqual(startedAt);
    expect(summary.exportedAt).toBeLessThanOrEqual(Date.now());
    expect(await snapshot(db)).toEqual(before);
  });

  it('reads files made by dexie-export-import itself, which carry no export date', async () => {
    const db = freshDb();
    const file = await parsedBackup(await createBackup(db));
    delete file.exportedAt;
    const summary = await readBackupSummary(db, fileOf(file));
    expect(summary.exportedAt).toBeUndefined();
    expect(summary.totalRows).toBe(0);
  });
});

describe('refused files leave the database as it was', () => {
  async function seeded(): Promise<{ db: RelanceDatabase; file: BackupFile }> {
    const db = freshDb();
    await fill(db, sampleContents(6));
    const file = await parsedBackup(await createBackup(db));
    await fill(db, sampleContents(4, 50));
    return { db, file };
  }

  it('a backup from a newer schema', async () => {
    const { db, file } = await seeded();
    file.data.databaseVersion = 5;
    const error = await expectRefused(db, fileOf(file), 'newer-schema');
    expect(error.message).toBe('This backup comes from a newer version of Relance (schema 5); update the extension first.');
  });

  it('a backup of another database', async () => {
    const { db, file } = await seeded();
    const other = freshDb('other');
    await expectRefused(other, fileOf(file), 'wrong-database');
    await fill(other, sampleContents(2, 200));
    await expectRefused(other, fileOf(file), 'wrong-database');
    expect(await db.prospects.count()).toBe(4);
  });

  it('files that are not backups: text, binary, empty, JSON of another shape', async () => {
    const { db } = await seeded();
    await expectRefused(db, new Blob(['name,email\nJeanne Dupont,jeanne@acme.fr\n']), 'not-a-backup');
    await expectRefused(db, new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x7b])]), 'not-a-backup');
    await expectRefused(db, new Blob([]), 'not-a-backup');
    await expectRefused(db, new Blob(['{ not json at all']), 'not-a-backup');
    await expectRefused(db, fileOf({ prospects: [prospect(1)] }), 'not-a-backup');
    await expectRefused(db, fileOf([{ formatName: 'dexie' }]), 'not-a-backup');
    await expectRefused(db, fileOf({ formatName: 'dexie', formatVersion: 2, data: {} }), 'not-a-backup');
    await expectRefused(db, fileOf({ formatName: 'dexie', formatVersion: 1, data: { databaseName: db.name } }), 'not-a-backup');
    await expectRefused(db, new Blob([new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])]), 'not-a-backup');
  });

  it('a prospect with a 10 KB name, naming the table and the record', async () => {
    const { db, file } = await seeded();
    const rows = rowsOf(file, 'prospects');
    rows[3] = { ...(rows[3] as Prospect), fullName: 'x'.repeat(10_000) };
    const error = await expectRefused(db, fileOf(file), 'corrupt', 'restore');
    expect(error.location).toEqual({ table: 'prospects', index: 3 });
    expect(error.message).toContain('record 4 of prospects');
    expect(error.message).toContain('fullName: Too long (max 200)');
  });

  it('an interaction with an unknown channel', async () => {
    const { db, file } = await seeded();
    const rows = rowsOf(file, 'interactions');
    rows[5] = { ...(rows[5] as Interaction), channel: 'fax' };
    const error = await expectRefused(db, fileOf(file), 'corrupt', 'restore');
    expect(error.location).toEqual({ table: 'interactions', index: 5 });
    expect(error.message).toContain('Unknown channel');
  });

  it('records that would clash: a repeated id, a LinkedIn profile on two prospects', async () => {
    const { db, file } = await seeded();
    const relances = rowsOf(file, 'relances');
    relances.push({ ...(relances[0] as Relance), note: 'copie' });
    (file.data.tables.find((table) => table.name === 'relances') ?? { rowCount: 0 }).rowCount += 1;
    expect((await expectRefused(db, fileOf(file), 'corrupt', 'restore')).location).toEqual({ table: 'relances', index: 6 });

    const clash = await parsedBackup(await createBackup(db));
    const prospects = rowsOf(clash, 'prospects') as Prospect[];
    const url = 'https://www.linkedin.com/in/same-person/';
    prospects[0] = { ...(prospects[0] as Prospect), linkedinUrl: url };
    prospects[1] = { ...(prospects[1] as Prospect), linkedinUrl: url };
    const error = await expectRefused(db, fileOf(clash), 'corrupt', 'restore');
    expect(error.message).toContain('same-person');
  });

  it('rows that do not match the header the preview showed', async () => {
    const { db, file } = await seeded();
    rowsOf(file, 'prospects').pop();
    const error = await expectRefused(db, fileOf(file), 'corrupt', 'restore');
    expect(error.message).toContain('prospects should hold 6 records but holds 5');
  });

  it('a truncated file, whether cut in the rows or in the header', async () => {
    const { db, file } = await seeded();
    const bytes = new Uint8Array(await fileOf(file).arrayBuffer());
    for (const fraction of [0.99, 0.7, 0.3]) {
      const cut = new Blob([bytes.slice(0, Math.floor(bytes.length * fraction))]);
      const error = await expectRefused(db, cut, 'corrupt');
      expect(error.message).toContain('incomplete');
    }
    await expectRefused(db, new Blob([bytes.slice(0, 60)]), 'not-a-backup');
  });

  it('values only dexie-export-import’s type notes can express', async () => {
    const { db, file } = await seeded();
    const rows = rowsOf(file, 'stageEvents');
    rows[0] = { ...(rows[0] as StageEvent), date: '2026-03-10T09:00:00.000Z', $types: { date: 'date' } };
    const error = await expectRefused(db, fileOf(file), 'corrupt', 'restore');
    expect(error.location).toEqual({ table: 'stageEvents', index: 0 });
  });
});

describe('restoring older or foreign files', () => {
  it('a v1 backup restores into the v2 schema with company keys computed and no decisions', async () => {
    const db = freshDb();
    await fill(db, sampleContents(3, 70));
    const v1Prospects = Array.from({ length: 12 }, (_, i) => {
      const { companyKey: _dropped, ...v1 } = storedForm('prospects', prospect(i));
      return v1;
    });
    const relances = v1Prospects.map((p, i) => relance(p.id, i));
    const file = v1BackupFile(db.name, v1Prospects, relances);
    expect(v1Prospects.every((p) => !('companyKey' in p))).toBe(true);

    const summary = await readBackupSummary(db, fileOf(file));
    expect(summary.schemaVersion).toBe(1);
    expect(summary.rowCounts).toEqual({
      prospects: 12,
      interactions: 0,
      relances: 12,
      stageEvents: 0,
      offers: 0,
      settings: 1,
      decisions: 0,
    });

    const result = await restoreBackup(db, fileOf(file));
    expect(result.upgraded).toBe(true);
    expect(await db.decisions.count()).toBe(0);
    expect(await db.relances.count()).toBe(12);
    expect(await db.settings.get('app')).toEqual(storedForm('settings', V1_SETTINGS_ROW as Settings));
    const restored = await db.prospects.toArray();
    expect(restored).toHaveLength(12);
    for (const record of restored) expect(record.companyKey).toBe(record.company ? normalizeCompany(record.company) : '');
    expect(await db.prospects.where('companyKey').equals(normalizeCompany("Société Générale d'Études 1")).count()).toBeGreaterThan(0);
  });

  it('drops undefined values that another writer encoded as `$types` placeholders', async () => {
    const db = freshDb();
    const base = relance(crypto.randomUUID(), 1);
    const file = v1BackupFile(db.name, [], [{ ...base, doneAt: 0, $types: { doneAt: 'undef' } } as Relance]);
    await restoreBackup(db, fileOf(file));
    expect(await db.relances.get(base.id)).toEqual(base);
  });
});

describe('atomicity', () => {
  it('a failure half-way through the writes leaves the database exactly as it was', { timeout: 60_000 }, async () => {
    const db = freshDb();
    await fill(db, sampleContents(3000));
    const blob = await createBackup(db);
    await fill(db, sampleContents(5, 900));
    const before = await snapshot(db);

    let reports = 0;
    const failure = new Error('disk full');
    const outcome = await restoreBackup(db, blob, {
      onProgress: (done) => {
        reports += 1;
        // Several chunks are written before this throws inside the restore's transaction.
        if (done > 5000) throw failure;
      },
    }).catch((caught: unknown) => caught);
    expect(outcome).toBe(failure);
    expect(reports).toBeGreaterThan(3);
    expect(await snapshot(db)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------
// Properties

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonPath = (string | number)[];

function pathsOf(value: Json, path: JsonPath = [], into: JsonPath[] = []): JsonPath[] {
  into.push(path);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) pathsOf(item, [...path, index], into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) pathsOf(inner, [...path, key], into);
  }
  return into;
}

type StructuralEdit = { kind: 'replace'; value: Json } | { kind: 'remove' } | { kind: 'duplicate' } | { kind: 'rename'; key: string };

/** The document with one edit at `path` (the root can only be replaced). */
function edited(document: Json, path: JsonPath, edit: StructuralEdit): Json {
  const copy = structuredClone(document);
  if (path.length === 0) return edit.kind === 'replace' ? edit.value : copy;
  let parent: Json = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[step] as Json;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (edit.kind === 'replace') parent[last] = edit.value;
    else if (edit.kind === 'remove') parent.splice(last, 1);
    else if (edit.kind === 'duplicate') parent.splice(last, 0, structuredClone(parent[last] as Json));
  } else if (parent !== null && typeof parent === 'object' && !Array.isArray(parent) && typeof last === 'string') {
    const inner = parent[last] as Json;
    if (edit.kind === 'replace') parent[last] = edit.value;
    else if (edit.kind === 'remove') delete parent[last];
    else if (edit.kind === 'rename') {
      delete parent[last];
      // defineProperty, so a "__proto__" key becomes a key of the file rather than a prototype.
      Object.defineProperty(parent, edit.key, { value: inner, enumerable: true, writable: true, configurable: true });
    } else if (edit.kind === 'duplicate' && Array.isArray(inner) && inner.length > 0) inner.push(structuredClone(inner[0] as Json));
  }
  return copy;
}

type ByteEdit =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'overwrite'; at: number; byte: number };

function editedBytes(bytes: Uint8Array<ArrayBuffer>, edit: ByteEdit): Uint8Array<ArrayBuffer> {
  const at = edit.at % (bytes.length + 1);
  switch (edit.kind) {
    case 'truncate':
      return bytes.slice(0, at);
    case 'delete':
      return new Uint8Array([...bytes.slice(0, at), ...bytes.slice(at + edit.length)]);
    case 'insert':
      return new Uint8Array([...bytes.slice(0, at), ...edit.bytes, ...bytes.slice(at)]);
    case 'overwrite': {
      const copy = bytes.slice();
      copy[Math.min(at, copy.length - 1)] = edit.byte;
      return copy;
    }
  }
}

function keyOf(record: unknown): string {
  const fields = record as { id?: unknown; key?: unknown };
  return String(fields.id ?? fields.key);
}

/** What a successful restore of `document` must leave: its rows in stored form, every other table empty. */
function expectedAfterRestore(document: unknown): Snapshot {
  const expected: Snapshot = Object.fromEntries(TABLES.map((table) => [table, []]));
  const tables = (document as BackupFile).data.data;
  for (const { tableName, rows } of tables) {
    const name = tableName as RelanceTableName;
    expected[name] = rows.map((row) => storedForm(name, row as RelanceRecords[typeof name])).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  }
  // Rebuilt from the prospects the restore wrote, row for row.
  expected.kpiProspects = (expected.prospects as Prospect[]).map(kpiProspectRow);
  return expected;
}

/**
 * Runs the preview and the restore on `file` over a database holding `current`: each either
 * succeeds or throws a BackupError, and the database ends as it was or as the whole file says.
 */
async function checkAllOrNothing(db: RelanceDatabase, file: Blob, current: Contents, currentSnapshot: Snapshot): Promise<void> {
  await readBackupSummary(db, file).catch((error: unknown) => {
    if (!(error instanceof BackupError)) throw error;
  });
  const restored = await restoreBackup(db, file).then(
    () => true,
    (error: unknown) => {
      if (!(error instanceof BackupError)) throw error;
      return false;
    },
  );
  const after = await snapshot(db);
  if (!restored) {
    expect(after).toEqual(currentSnapshot);
    return;
  }
  expect(after).toEqual(expectedAfterRestore(JSON.parse(await file.text())));
  await fill(db, current);
}

describe('properties', () => {
  it('mutated backups are restored whole or refused with a BackupError, never half-written', { timeout: 300_000 }, async () => {
    const db = freshDb('mutated');
    await fill(db, sampleContents(3));
    const backupBytes = new Uint8Array(await (await createBackup(db)).arrayBuffer());
    const backupDocument = JSON.parse(new TextDecoder().decode(backupBytes)) as Json;
    const paths = pathsOf(backupDocument);
    const current = sampleContents(2, 40);
    await fill(db, current);
    const currentSnapshot = await snapshot(db);

    const structuralEdit: fc.Arbitrary<StructuralEdit> = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue() as fc.Arbitrary<Json> }),
      fc.record({ kind: fc.constant('remove' as const) }),
      fc.record({ kind: fc.constant('duplicate' as const) }),
      fc.record({ kind: fc.constant('rename' as const), key: fc.oneof(fc.string(), fc.constantFrom('$types', '__proto__', 'id', 'rows')) }),
    );
    const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
      fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    );
    const mutatedFile: fc.Arbitrary<Blob> = fc.oneof(
      fc
        .tuple(fc.nat({ max: paths.length - 1 }), structuralEdit)
        .map(([index, edit]) => fileOf(edited(backupDocument, paths[index] ?? [], edit))),
      fc.array(byteEdit, { minLength: 1, maxLength: 3 }).map((edits) => new Blob([edits.reduce(editedBytes, backupBytes)])),
    );

    await fc.assert(
      fc.asyncProperty(mutatedFile, (file) => checkAllOrNothing(db, file, current, currentSnapshot)),
      { numRuns: 1000 },
    );
  });

  it('arbitrary files and JSON are previewed or refused with a BackupError, and restored whole or not at all', {
    timeout: 300_000,
  }, async () => {
    const db = freshDb('arbitrary');
    const current = sampleContents(2, 60);
    await fill(db, current);
    const currentSnapshot = await snapshot(db);

    const anyJson = fc.jsonValue() as fc.Arbitrary<Json>;
    /** Mostly `valid`, sometimes anything: enough files get past each check to reach the next. */
    const mostly = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<T | Json> =>
      fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: anyJson, weight: 1 });
    const tableName = fc.oneof({ arbitrary: fc.constantFrom(...TABLES), weight: 5 }, { arbitrary: fc.string(), weight: 1 });
    const tableHeaders = fc.uniqueArray(fc.record({ name: tableName, schema: fc.string(), rowCount: mostly(fc.nat({ max: 2 })) }), {
      selector: (table) => table.name,
      maxLength: 7,
    });
    const tableData = fc.array(fc.record({ tableName, inbound: mostly(fc.constant(true)), rows: fc.array(anyJson, { maxLength: 2 }) }), {
      maxLength: 7,
    });
    // Shaped like a backup so the checks past the format test are reached too.
    const backupLike = fc.record(
      {
        formatName: mostly(fc.constant('dexie')),
        formatVersion: mostly(fc.constant(1)),
        exportedAt: mostly(fc.nat()),
        data: mostly(
          fc.record(
            {
              databaseName: mostly(fc.constant(db.name)),
              databaseVersion: fc.oneof(fc.constantFrom(1, 2, 3, 3, 4, 0, -1, 1.5), anyJson),
              tables: mostly(tableHeaders),
              data: mostly(tableData),
            },
            { requiredKeys: ['databaseName', 'databaseVersion', 'tables', 'data'] },
          ),
        ),
      },
      { requiredKeys: ['formatName', 'formatVersion', 'data'] },
    );
    const anyFile: fc.Arbitrary<Blob> = fc.oneof(
      fc.string({ unit: 'binary' }).map((text) => new Blob([text])),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => new Blob([bytes])),
      anyJson.map(fileOf),
      backupLike.map(fileOf),
    );

    let previewed = 0;
    await fc.assert(
      fc.asyncProperty(anyFile, async (file) => {
        const summary = await readBackupSummary(db, file).catch((error: unknown) => {
          if (!(error instanceof BackupError)) throw error;
          return null;
        });
        if (summary) previewed += 1;
      }),
      { numRuns: 10_000 },
    );
    expect(previewed).toBeGreaterThan(0);

    await fc.assert(
      fc.asyncProperty(anyFile, (file) => checkAllOrNothing(db, file, current, currentSnapshot)),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------

describe('large databases', () => {
  // 10k records here keep the unit run short; the benchmark backs up and restores 100k in Chromium.
  it('backs up and restores 10,000 records', { timeout: 120_000 }, async () => {
    const db = freshDb('large');
    const prospects = Array.from({ length: 4_000 }, (_, i) => storedForm('prospects', prospect(i)));
    const interactions = prospects.flatMap((p, i) => [interaction(p.id, i), interaction(p.id, i + 1)]).slice(0, 4_000);
    const relances = prospects.slice(0, 2_000).map((p, i) => relance(p.id, i));
    await fill(db, { prospects, interactions, relances });
    const counts = {
      prospects: await db.prospects.count(),
      interactions: await db.interactions.count(),
      relances: await db.relances.count(),
    };
    expect(counts.prospects + counts.interactions + counts.relances).toBe(10_000);

    let started = performance.now();
    const blob = await createBackup(db);
    const backupMs = performance.now() - started;

    await fill(db, sampleContents(10, 500));
    started = performance.now();
    const summary = await readBackupSummary(db, blob);
    const previewMs = performance.now() - started;
    expect(summary.totalRows).toBe(10_000);

    started = performance.now();
    const result = await restoreBackup(db, blob);
    const restoreMs = performance.now() - started;
    expect(result.totalRows).toBe(10_000);
    expect(await db.prospects.count()).toBe(4_000);
    expect(await db.interactions.count()).toBe(4_000);
    expect(await db.relances.count()).toBe(2_000);
    expect(await db.offers.count()).toBe(0);
    expect(await db.prospects.get(prospects[1_234]?.id ?? '')).toEqual(prospects[1_234]);

    console.info(
      `10k records (fake-indexeddb): backup ${Math.round(backupMs)} ms (${(blob.size / 1e6).toFixed(1)} MB), ` +
        `preview ${Math.round(previewMs)} ms, restore ${Math.round(restoreMs)} ms`,
    );
  });
});
