import Dexie, { type Collection } from 'dexie';
import type { Relance } from '../model/relance';
import { addDays } from '../process';
import type { RelanceDatabase } from './database';
import { dueRelances, type RelanceRow } from './repository';

export type QueueSectionKey = 'overdue' | 'today' | 'upcoming';
export interface QueueSection {
  key: QueueSectionKey;
  rows: RelanceRow[];
}
/** Exact up to the cap; `capped` says there are more. */
export type QueueCount = { count: number; capped: boolean };
export type QueueCounts = Record<QueueSectionKey, QueueCount>;

/** Rows each section shows first: a screenful, so the popup opens at once whatever is stored. */
export const FIRST_PAGE_ROWS = 6;
/** Rows each section holds once the first screen is up (read right after it, below the fold). */
export const FULL_PAGE_ROWS = 25;
export type QueueLimits = Record<QueueSectionKey, number>;
export const FIRST_PAGE: QueueLimits = { overdue: FIRST_PAGE_ROWS, today: FIRST_PAGE_ROWS, upcoming: FIRST_PAGE_ROWS };
export const FULL_PAGE: QueueLimits = { overdue: FULL_PAGE_ROWS, today: FULL_PAGE_ROWS, upcoming: FULL_PAGE_ROWS };

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
  return [
    { key: 'overdue', rows: due.overdue },
    { key: 'today', rows: due.today },
    { key: 'upcoming', rows: due.upcoming },
  ];
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
  const horizon = addDays(today, horizonDays);
  const byDue = () => db.relances.where('[status+dueDate]');
  const upToCap = async (collection: Collection<Relance, string>): Promise<QueueCount> => {
    const keys = await collection.limit(cap + 1).primaryKeys();
    return { count: Math.min(keys.length, cap), capped: keys.length > cap };
  };
  const [overdue, todayCount, upcoming] = await Promise.all([
    upToCap(byDue().between(['open', Dexie.minKey], ['open', today], true, false)),
    upToCap(byDue().equals(['open', today])),
    upToCap(byDue().between(['open', today], ['open', horizon], false, true)),
  ]);
  return { overdue, today: todayCount, upcoming };
}
