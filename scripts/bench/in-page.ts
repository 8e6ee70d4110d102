/*
 * What the bench runs inside browser pages: seeding through the e2e build's test hooks, timed
 * lookups, and timestamps of DOM events. esbuild bundles this file into one script that the
 * bench evaluates in each page (functions handed to page.evaluate by tsx carry its `__name`
 * helper, which the page lacks), where it becomes `globalThis.__bench`.
 *
 * Clocks: `performance.now()` for durations inside one page; `performance.timeOrigin +
 * performance.now()` when two pages are compared (host page vs side panel).
 */
import type { Table } from 'dexie';
import type { createBackup, restoreBackup } from '../../src/db/backup';
import type { RelanceDatabase } from '../../src/db/database';
import type { findMatch } from '../../src/db/repository';
import type { Interaction } from '../../src/model/interaction';
import type { Prospect } from '../../src/model/prospect';
import type { Relance } from '../../src/model/relance';
import type { StageEvent } from '../../src/model/stage-event';
import { benchId, benchLinkedinUrl, benchPerson, CHANNEL_KEYS, ID_KIND, mix, STAGE_KEYS } from './french-data';

/** `globalThis.__relanceTest` of an extension page in the e2e build (src/ui/mount.tsx). */
type PageTestHooks = {
  db: RelanceDatabase;
  findMatch: typeof findMatch;
  createBackup: typeof createBackup;
  restoreBackup: typeof restoreBackup;
};

function hooks(): PageTestHooks {
  const found = (globalThis as { __relanceTest?: PageTestHooks }).__relanceTest;
  if (!found?.db) throw new Error('No __relanceTest in this page: is it an extension page of the e2e build?');
  return found;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of the local day `offset` days from today, as the app dates relances. */
function localIsoDay(offset: number): string {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, 12);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------
// Seeding: records are generated here from their index, then written with bulkPut in chunks
// (one transaction per chunk), through the app's own Dexie instance and its validation.

export type SeedReport = { records: number; ms: number };

const SEED_CHUNK = 5000;

async function putInChunks<T>(table: Table<T, string>, records: Iterable<T>): Promise<SeedReport> {
  const started = performance.now();
  let written = 0;
  let chunk: T[] = [];
  const flush = async () => {
    await table.bulkPut(chunk);
    written += chunk.length;
    chunk = [];
  };
  for (const record of records) {
    chunk.push(record);
    if (chunk.length === SEED_CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  return { records: written, ms: performance.now() - started };
}

function* indexed<T>(from: number, count: number, make: (index: number) => T): Iterable<T> {
  for (let index = from; index < from + count; index++) yield make(index);
}

function prospectRecord(index: number, now: number): Prospect {
  const person = benchPerson(index);
  const createdAt = now - (mix(index, 20) % 720) * DAY_MS - (mix(index, 21) % DAY_MS);
  const decided = (person.stage === 'closing' || person.stage === 'relationship') && mix(index, 23) % 2 === 0;
  const outcome: Prospect['outcome'] = decided
    ? {
        result: person.stage === 'relationship' || mix(index, 24) % 3 > 0 ? 'won' : 'lost',
        date: Math.min(now, createdAt + (5 + (mix(index, 22) % 120)) * DAY_MS),
      }
    : undefined;
  return {
    id: benchId(ID_KIND.prospect, index),
    fullName: person.fullName,
    headline: `${person.jobTitle} chez ${person.company}`,
    jobTitle: person.jobTitle,
    company: person.company,
    location: `${person.city}, France`,
    phones: [person.phone],
    emails: [person.email],
    emailKeys: [],
    linkedinUrl: person.linkedinUrl,
    nameKey: '',
    companyKey: '',
    stage: person.stage,
    qualification: person.stage === 'relationship' ? 'client' : person.stage === 'prospecting' ? 'suspect' : 'prospect',
    ...(outcome ? { outcome } : {}),
    checklist: {},
    tags: person.tags,
    source: 'import',
    ...(person.note ? { notes: person.note } : {}),
    lockedFields: [],
    createdAt,
    updatedAt: Math.min(now, createdAt + (mix(index, 25) % 30) * DAY_MS),
  };
}

export function seedProspects(options: { from: number; count: number }): Promise<SeedReport> {
  const now = Date.now();
  return putInChunks(
    hooks().db.prospects,
    indexed(options.from, options.count, (index) => prospectRecord(index, now)),
  );
}

/**
 * Relances over the past and next year: past ones mostly done (some cancelled, about a third
 * still open and so overdue), future ones open, a few due today.
 */
export function seedRelances(options: { count: number; prospectCount: number }): Promise<SeedReport> {
  const now = Date.now();
  return putInChunks(
    hooks().db.relances,
    indexed(0, options.count, (index): Relance => {
      const offset = (mix(index, 30) % 731) - 365;
      const roll = mix(index, 31) % 100;
      const status = offset >= 0 ? 'open' : roll < 60 ? 'done' : roll < 65 ? 'cancelled' : 'open';
      return {
        id: benchId(ID_KIND.relance, index),
        prospectId: benchId(ID_KIND.prospect, mix(index, 32) % options.prospectCount),
        dueDate: localIsoDay(offset),
        ...(mix(index, 33) % 4 === 0 ? { dueTime: '09:30' } : {}),
        ...(mix(index, 34) % 3 === 0 ? { note: 'Relancer sur la proposition envoyée' } : {}),
        status,
        ...(status === 'done' ? { doneAt: now + offset * DAY_MS } : {}),
        createdAt: now + (offset - 14) * DAY_MS,
      };
    }),
  );
}

/** The dashboard's data set: prospects, their interactions over a year, relances and stage moves. */
export async function seedDashboardData(options: { prospects: number; interactions: number; relances: number }): Promise<SeedReport> {
  const { db } = hooks();
  const now = Date.now();
  const started = performance.now();
  await seedProspects({ from: 0, count: options.prospects });
  await putInChunks(
    db.interactions,
    indexed(0, options.interactions, (index): Interaction => {
      const date = now - (mix(index, 40) % 365) * DAY_MS - (mix(index, 41) % DAY_MS);
      const channel = CHANNEL_KEYS[mix(index, 42) % CHANNEL_KEYS.length] ?? 'call';
      return {
        id: benchId(ID_KIND.interaction, index),
        prospectId: benchId(ID_KIND.prospect, mix(index, 43) % options.prospects),
        channel,
        date,
        ...(channel === 'email' ? { subject: 'Suite à notre échange' } : {}),
        ...(mix(index, 44) % 4 === 0 ? { note: 'A demandé un rappel la semaine prochaine.' } : {}),
        createdAt: date,
      };
    }),
  );
  await seedRelances({ count: options.relances, prospectCount: options.prospects });
  const events = await putInChunks(db.stageEvents, stageTrail(options.prospects, now));
  return { records: options.prospects + options.interactions + options.relances + events.records, ms: performance.now() - started };
}

/** One creation event per prospect, and one move to its current stage when it has left the first one. */
function* stageTrail(prospectCount: number, now: number): Iterable<StageEvent> {
  let eventIndex = 0;
  for (let index = 0; index < prospectCount; index++) {
    const prospect = prospectRecord(index, now);
    const base = { prospectId: prospect.id, forced: false, unmet: [] };
    yield { ...base, id: benchId(ID_KIND.stageEvent, eventIndex++), from: null, to: 'prospecting', date: prospect.createdAt };
    if (prospect.stage === STAGE_KEYS[0]) continue;
    const movedAt = Math.min(now, prospect.createdAt + (1 + (mix(index, 45) % 60)) * DAY_MS);
    yield { ...base, id: benchId(ID_KIND.stageEvent, eventIndex++), from: STAGE_KEYS[0], to: prospect.stage, date: movedAt };
  }
}

/** An IndexedDB request's result, as a promise. */
function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * What a page opening on the store does first: a new connection, then the popup's first read
 * (25 open relances by due date). Its time tells whether the store is at rest.
 */
export async function timeQueueProbe(): Promise<number> {
  const started = performance.now();
  const connection = await requestResult(indexedDB.open(hooks().db.name));
  try {
    const index = connection.transaction('relances', 'readonly').objectStore('relances').index('[status+dueDate]');
    await requestResult(index.getAll(IDBKeyRange.bound(['open', ''], ['open', '\uffff']), 25));
  } finally {
    connection.close();
  }
  return performance.now() - started;
}

/** Empties every table but settings (the rep's language and preferences stay). */
export async function clearData(): Promise<void> {
  const { db } = hooks();
  const data = db.tables.filter((table) => table.name !== 'settings');
  await db.transaction('rw', data, () => Promise.all(data.map((table) => table.clear())));
}

export function countRows(table: string): Promise<number> {
  return hooks().db.table(table).count();
}

// ---------------------------------------------------------------------------------------
// Match lookups: the app's findMatch against a raw IndexedDB indexed get, same data, same page.

export type LookupRounds = {
  /** Per round, the mean time of one lookup (ms): findMatch, then the raw get. */
  oursMs: number[];
  rawMs: number[];
  lookupsPerSide: number;
};

function openRawDatabase(): Promise<IDBDatabase> {
  return requestResult(indexedDB.open('relance'));
}

function rawGetByLinkedinUrl(connection: IDBDatabase, url: string): Promise<unknown> {
  return requestResult(connection.transaction('prospects', 'readonly').objectStore('prospects').index('linkedinUrl').get(url));
}

/**
 * `rounds` rounds of `perRound` lookups per side, the side going first alternating by round,
 * each side on its own random profiles (so neither reads pages the other just cached). A round
 * is timed as a whole: performance.now() is coarsened to 0.1 ms here, too coarse for one get.
 */
export async function timeMatchLookups(options: { prospectCount: number; rounds: number; perRound: number }): Promise<LookupRounds> {
  const { db, findMatch } = hooks();
  const connection = await openRawDatabase();
  let draw = 0;
  const nextUrl = () => benchLinkedinUrl(mix(draw++, 50) % options.prospectCount);

  const ours = async () => {
    const started = performance.now();
    for (let i = 0; i < options.perRound; i++) {
      const match = await findMatch(db, { linkedinUrl: nextUrl() });
      if (match.kind !== 'exact') throw new Error('findMatch missed a seeded prospect');
    }
    return (performance.now() - started) / options.perRound;
  };
  const raw = async () => {
    const started = performance.now();
    for (let i = 0; i < options.perRound; i++) {
      if ((await rawGetByLinkedinUrl(connection, nextUrl())) === undefined) throw new Error('raw get missed a seeded prospect');
    }
    return (performance.now() - started) / options.perRound;
  };

  // Warm-up: Dexie opens its connection and both paths get compiled before anything is timed.
  await ours();
  await raw();
  const result: LookupRounds = { oursMs: [], rawMs: [], lookupsPerSide: options.rounds * options.perRound };
  for (let round = 0; round < options.rounds; round++) {
    if (round % 2 === 0) {
      result.oursMs.push(await ours());
      result.rawMs.push(await raw());
    } else {
      result.rawMs.push(await raw());
      result.oursMs.push(await ours());
    }
  }
  connection.close();
  return result;
}

// ---------------------------------------------------------------------------------------
// The floor under the CSV import's write: raw IndexedDB writing the very records the import
// wrote (copied out of the app's database after an import), into a throwaway database whose
// object stores and indexes are copied from the app's, in one readwrite transaction with
// every request issued at once. No Dexie, no validation, no UI: what IndexedDB alone costs.

/**
 * The stores an import writes (executeImport's transaction), in the order it writes them: each
 * prospect with its dashboard row (kpiProspects, written with it by the database's middleware).
 */
const IMPORT_STORES = ['prospects', 'kpiProspects', 'stageEvents'] as const;
type ImportStore = (typeof IMPORT_STORES)[number];
/** "Prospects only": the prospects and the rows written with them, no stage event. */
const PROSPECT_STORES: readonly ImportStore[] = ['prospects', 'kpiProspects'];

let importedRecords: Record<ImportStore, unknown[]> | null = null;

/** Keeps in memory what the last import wrote (read untimed), for timeRawImportWrite. */
export async function keepImportedRecords(): Promise<Record<ImportStore, number>> {
  const connection = await openRawDatabase();
  try {
    const transaction = connection.transaction([...IMPORT_STORES], 'readonly');
    const [prospects, kpiProspects, stageEvents] = await Promise.all(
      IMPORT_STORES.map((name) => requestResult(transaction.objectStore(name).getAll())),
    );
    importedRecords = { prospects: prospects ?? [], kpiProspects: kpiProspects ?? [], stageEvents: stageEvents ?? [] };
  } finally {
    connection.close();
  }
  const kept = importedRecords;
  return { prospects: kept.prospects.length, kpiProspects: kept.kpiProspects.length, stageEvents: kept.stageEvents.length };
}

type StoreShape = {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
};

/** The object stores and indexes of the app's database, as IndexedDB holds them (schema v4 today). */
async function importStoreShapes(): Promise<StoreShape[]> {
  const connection = await openRawDatabase();
  try {
    const transaction = connection.transaction([...IMPORT_STORES], 'readonly');
    return IMPORT_STORES.map((name) => {
      const store = transaction.objectStore(name);
      return {
        name,
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
        indexes: [...store.indexNames].map((indexName) => {
          const index = store.index(indexName);
          return { name: index.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
        }),
      };
    });
  } finally {
    connection.close();
  }
}

/**
 * Writes the kept records (prospects, and their stage events unless `withStageEvents` is
 * false) into a new database shaped like the app's; timed from the transaction's creation to
 * its `complete` event. The database is deleted afterwards.
 */
export async function timeRawImportWrite(options: { withStageEvents: boolean }): Promise<{ ms: number; records: number }> {
  const kept = importedRecords;
  if (!kept) throw new Error('No imported records kept: call keepImportedRecords after an import');
  const shapes = await importStoreShapes();
  const name = `relance-bench-raw-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const opening = indexedDB.open(name, 1);
  opening.onupgradeneeded = () => {
    for (const shape of shapes) {
      const store = opening.result.createObjectStore(shape.name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
      for (const index of shape.indexes)
        store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  const connection = await requestResult(opening);
  const stores: readonly ImportStore[] = options.withStageEvents ? IMPORT_STORES : PROSPECT_STORES;
  let records = 0;
  let ms: number;
  try {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const transaction = connection.transaction([...IMPORT_STORES], 'readwrite');
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error('raw write aborted'));
      for (const storeName of stores) {
        const store = transaction.objectStore(storeName);
        for (const record of kept[storeName]) store.add(record);
        records += kept[storeName].length;
      }
    });
    ms = performance.now() - started;
  } finally {
    connection.close();
    await requestResult(indexedDB.deleteDatabase(name));
  }
  return { ms, records };
}

// ---------------------------------------------------------------------------------------
// Backup and restore by function (when the options page has no backup UI).

let lastBackup: Blob | null = null;

export async function timeCreateBackup(): Promise<{ ms: number; bytes: number }> {
  const { db, createBackup } = hooks();
  const started = performance.now();
  lastBackup = await createBackup(db);
  return { ms: performance.now() - started, bytes: lastBackup.size };
}

export async function timeRestoreBackup(): Promise<{ ms: number; rows: number }> {
  const { db, restoreBackup } = hooks();
  if (!lastBackup) throw new Error('No backup made in this page yet');
  const started = performance.now();
  const result = await restoreBackup(db, lastBackup);
  return { ms: performance.now() - started, rows: result.totalRows };
}

// ---------------------------------------------------------------------------------------
// DOM timestamps. "Arm" first, act (from Playwright), then collect: the observer or listener
// is in place before the action, so nothing is missed however fast the page answers.

type Appearance = { at: number; failed: boolean; text: string };
const appearances = new Map<string, Promise<Appearance>>();
const eventTimes = new Map<string, number>();

/**
 * Resolves at the first DOM change after which `selector` matches (or `failureSelector`, for a
 * UI that shows an error instead), with the time then. `textEquals` also requires that text.
 */
export function armAppearance(
  key: string,
  options: { selector: string; failureSelector?: string; textEquals?: string; clock?: 'page' | 'epoch' },
): void {
  const now = () => (options.clock === 'epoch' ? performance.timeOrigin + performance.now() : performance.now());
  const matching = (): Element | null => {
    const found = document.querySelector(options.selector);
    if (!found) return null;
    return options.textEquals === undefined || found.textContent?.trim() === options.textEquals ? found : null;
  };
  appearances.set(
    key,
    new Promise((resolve) => {
      const check = () => {
        const found = matching();
        const failure = found ? null : options.failureSelector ? document.querySelector(options.failureSelector) : null;
        if (!found && !failure) return false;
        observer.disconnect();
        resolve({ at: now(), failed: !found, text: (found ?? failure)?.textContent?.trim() ?? '' });
        return true;
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    }),
  );
}

export async function appearance(key: string, timeoutMs: number): Promise<Appearance> {
  const pending = appearances.get(key);
  if (!pending) throw new Error(`appearance "${key}" was not armed`);
  let timer = 0;
  const timeout = new Promise<never>((_, reject) => {
    timer = window.setTimeout(() => reject(new Error(`"${key}" did not appear within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    window.clearTimeout(timer);
    appearances.delete(key);
  }
}

/** Records the timestamp of the next `type` event on an element matching `selector` (capture phase, before any handler). */
export function armEvent(key: string, type: 'click' | 'change', selector: string): void {
  eventTimes.delete(key);
  const listener = (event: Event) => {
    if (!(event.target instanceof Element) || !event.target.closest(selector)) return;
    eventTimes.set(key, event.timeStamp);
    document.removeEventListener(type, listener, true);
  };
  document.addEventListener(type, listener, true);
}

export function eventTime(key: string): number {
  const at = eventTimes.get(key);
  if (at === undefined) throw new Error(`event "${key}" was not seen`);
  return at;
}

/**
 * For first-render figures: installed before the page's own scripts (init script), records
 * `performance.now()` — time since navigation start — when each selector first matches
 * (e.g. the page's shell and the item the figure is about, to tell boot from data).
 */
export function watchFirstAppearance(selectors: Record<string, string>): void {
  const seen: Record<string, number> = {};
  (globalThis as { __benchFirstSeen?: Record<string, number> }).__benchFirstSeen = seen;
  const record = () => {
    for (const [key, selector] of Object.entries(selectors)) {
      if (seen[key] === undefined && document.querySelector(selector)) seen[key] = performance.now();
    }
    if (Object.keys(seen).length === Object.keys(selectors).length) observer.disconnect();
  };
  const observer = new MutationObserver(record);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

export function firstSeen(): Record<string, number> {
  return (globalThis as { __benchFirstSeen?: Record<string, number> }).__benchFirstSeen ?? {};
}

export function clickElement(selector: string): void {
  const element = document.querySelector(selector);
  if (!(element instanceof HTMLElement)) throw new Error(`nothing to click at ${selector}`);
  element.click();
}

export function visibility(): DocumentVisibilityState {
  return document.visibilityState;
}

export type BenchPageApi = {
  seedProspects: typeof seedProspects;
  seedRelances: typeof seedRelances;
  seedDashboardData: typeof seedDashboardData;
  clearData: typeof clearData;
  countRows: typeof countRows;
  timeQueueProbe: typeof timeQueueProbe;
  timeMatchLookups: typeof timeMatchLookups;
  keepImportedRecords: typeof keepImportedRecords;
  timeRawImportWrite: typeof timeRawImportWrite;
  timeCreateBackup: typeof timeCreateBackup;
  timeRestoreBackup: typeof timeRestoreBackup;
  armAppearance: typeof armAppearance;
  appearance: typeof appearance;
  armEvent: typeof armEvent;
  eventTime: typeof eventTime;
  watchFirstAppearance: typeof watchFirstAppearance;
  firstSeen: typeof firstSeen;
  clickElement: typeof clickElement;
  visibility: typeof visibility;
};

const api: BenchPageApi = {
  seedProspects,
  seedRelances,
  seedDashboardData,
  clearData,
  countRows,
  timeQueueProbe,
  timeMatchLookups,
  keepImportedRecords,
  timeRawImportWrite,
  timeCreateBackup,
  timeRestoreBackup,
  armAppearance,
  appearance,
  armEvent,
  eventTime,
  watchFirstAppearance,
  firstSeen,
  clickElement,
  visibility,
};
Object.assign(globalThis, { __bench: api });
