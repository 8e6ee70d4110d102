import type { Collection } from 'dexie';
import type { Relance } from '../model/relance';
import type { RelanceDatabase } from './database';
import { dueRanges, dueRelances, type RelanceRow, withProspects } from './repository';

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
 * The popup's rows: capped indexed range reads, so the popup opens as fast with 100k
 * relances stored as with ten (the counts come separately: counting a huge overdue range
 * walks it, and the first rows must not wait for that). Each section is read up to its limit.
 */
export async function relanceQueue(
  db: RelanceDatabase,
  today: string,
  { horizonDays = 7, limits = FIRST_PAGE }: { horizonDays?: number; limits?: QueueLimits } = {},
): Promise<QueueSection[]> {
  const due = await dueRelances(db, today, horizonDays, { limits });
  return KEYS.map((key) => ({ key, rows: due[key] }));
}

/**
 * The popup's first screen: its first `rows` relances, overdue first, then today's, then the
 * week's, with their prospects. Three capped index reads, then one read of the prospects, each
 * in its own read-only transaction: one transaction's promise would wait for its commit, one
 * more round trip to IndexedDB before the first rows. The live page that follows reads in one
 * transaction; here too a relance whose prospect is gone is skipped.
 */
export async function firstScreen(
  db: RelanceDatabase,
  today: string,
  { horizonDays = 7, rows = FIRST_SCREEN_ROWS }: { horizonDays?: number; rows?: number } = {},
): Promise<QueueSection[]> {
  const ranges = dueRanges(db, today, horizonDays);
  const read = await Promise.all(KEYS.map((key) => ranges[key].limit(rows).toArray()));
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
