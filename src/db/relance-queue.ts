import type { Collection } from 'dexie';
import type { Relance } from '../model/relance';
import type { RelanceDatabase } from './database';
import { dueRanges, type RelanceRow, withProspects } from './repository';

export type QueueSectionKey = 'overdue' | 'today' | 'upcoming';
export interface QueueSection {
  key: QueueSectionKey;
  rows: RelanceRow[];
}
/** Exact up to the cap; `capped` says there are more. */
export type QueueCount = { count: number; capped: boolean };
export type QueueCounts = Record<QueueSectionKey, QueueCount>;

/** Rows relanceQueue reads per section unless told otherwise: a screenful. */
export const FIRST_PAGE_ROWS = 6;
/** Rows each section holds once the first screen is up (read right after it, below the fold). */
export const FULL_PAGE_ROWS = 25;
export type QueueLimits = Record<QueueSectionKey, number>;
export const FIRST_PAGE: QueueLimits = { overdue: FIRST_PAGE_ROWS, today: FIRST_PAGE_ROWS, upcoming: FIRST_PAGE_ROWS };
export const FULL_PAGE: QueueLimits = { overdue: FULL_PAGE_ROWS, today: FULL_PAGE_ROWS, upcoming: FULL_PAGE_ROWS };
/**
 * Rows the popup's first screen holds in all (600 px: about six): its first render has these
 * only, since every row rendered before the first paint delays it.
 */
export const FIRST_SCREEN_ROWS = 6;

const KEYS: readonly QueueSectionKey[] = ['overdue', 'today', 'upcoming'];

/**
 * Today's open relances the popup reads to order them by time: the index sorts a day's
 * relances by id, not by time, so today's are read whole, then sorted, then cut to the rows
 * shown. A day holds a handful (the bench's 100k relances put about 140 on one day); past the
 * cap, the rows beyond it come in index order. Reading 200 small records instead of 6 is one
 * request either way, a few milliseconds at most, and only the rows shown get their prospects.
 */
export const TODAY_READ_CAP = 200;

/**
 * Today's relances in the order of the day: those with a time first, earliest first, then
 * those for "any time today", the first scheduled first. Timed ones first because a time is
 * an appointment the rep must not miss; the untimed ones fill the gaps between them.
 */
export function byTimeOfDay(a: Relance, b: Relance): number {
  if (a.dueTime !== b.dueTime) {
    if (a.dueTime === undefined) return 1;
    if (b.dueTime === undefined) return -1;
    return a.dueTime < b.dueTime ? -1 : 1;
  }
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first `limit` of today's open relances in the order of the day (byTimeOfDay). */
async function todayInOrder(today: Collection<Relance, string>, limit: number): Promise<Relance[]> {
  const read = await today.limit(Math.max(limit, TODAY_READ_CAP)).toArray();
  return read.sort(byTimeOfDay).slice(0, limit);
}

/** Each section's relances, up to its limit: oldest due first, today's by time (byTimeOfDay). */
function readSections(ranges: ReturnType<typeof dueRanges>, limits: QueueLimits): Promise<Relance[][]> {
  return Promise.all(
    KEYS.map((key) => (key === 'today' ? todayInOrder(ranges.today, limits.today) : ranges[key].limit(limits[key]).toArray())),
  );
}

/**
 * The popup's rows: capped indexed range reads, so the popup opens as fast with 100k
 * relances stored as with ten (the counts come separately: counting a huge overdue range
 * walks it, and the first rows must not wait for that). Each section is read up to its limit;
 * today's in the order of the day.
 */
export async function relanceQueue(
  db: RelanceDatabase,
  today: string,
  { horizonDays = 7, limits = FIRST_PAGE }: { horizonDays?: number; limits?: QueueLimits } = {},
): Promise<QueueSection[]> {
  return db.transaction('r', [db.relances, db.prospects], async () => {
    const sections = await withProspects(db, await readSections(dueRanges(db, today, horizonDays), limits));
    return KEYS.map((key, index) => ({ key, rows: sections[index] ?? [] }));
  });
}

/**
 * The popup's first screen: its first `rows` relances, overdue first, then today's (in the
 * order of the day), then the week's, with their prospects. Three capped index reads, then
 * one read of the prospects, each in its own read-only transaction: one transaction's promise
 * would wait for its commit, one more round trip to IndexedDB before the first rows. The live
 * page that follows reads in one transaction; here too a relance whose prospect is gone is
 * skipped.
 */
export async function firstScreen(
  db: RelanceDatabase,
  today: string,
  { horizonDays = 7, rows = FIRST_SCREEN_ROWS }: { horizonDays?: number; rows?: number } = {},
): Promise<QueueSection[]> {
  const read = await readSections(dueRanges(db, today, horizonDays), { overdue: rows, today: rows, upcoming: rows });
  let left = rows;
  const relances = read.map((section) => {
    const kept = section.slice(0, left);
    left -= kept.length;
    return kept;
  });
  const sections = await withProspects(db, relances);
  return KEYS.map((key, index) => ({ key, rows: sections[index] ?? [] }));
}

/**
 * Counted exactly up to this many per section, then "1,000+": counting an index range walks
 * it (17k overdue entries take a few hundred ms, and hold up the next page that opens on the
 * store), for a figure past which nobody works through the list one by one.
 */
export const COUNT_CAP = 1000;

/** How many open relances each section holds, up to the cap, by bounded key reads. */
export async function relanceCounts(
  db: RelanceDatabase,
  today: string,
  { horizonDays = 7, cap = COUNT_CAP }: { horizonDays?: number; cap?: number } = {},
): Promise<QueueCounts> {
  const ranges = dueRanges(db, today, horizonDays);
  const upToCap = async (collection: Collection<Relance, string>): Promise<QueueCount> => {
    const keys = await collection.limit(cap + 1).primaryKeys();
    return { count: Math.min(keys.length, cap), capped: keys.length > cap };
  };
  const [overdue, todayCount, upcoming] = await Promise.all([upToCap(ranges.overdue), upToCap(ranges.today), upToCap(ranges.upcoming)]);
  return { overdue, today: todayCount, upcoming };
}
