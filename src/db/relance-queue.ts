import Dexie from 'dexie';
import { addDays } from '../process';
import type { RelanceDatabase } from './database';
import { dueRelances, type RelanceRow } from './repository';

export type QueueSectionKey = 'overdue' | 'today' | 'upcoming';
export interface QueueSection {
  key: QueueSectionKey;
  rows: RelanceRow[];
}
export type QueueCounts = Record<QueueSectionKey, number>;

/** Rows each section shows first: a screenful, so the popup opens at once whatever is stored. */
export const FIRST_PAGE_ROWS = 25;
export type QueueLimits = Record<QueueSectionKey, number>;
export const FIRST_PAGE: QueueLimits = { overdue: FIRST_PAGE_ROWS, today: FIRST_PAGE_ROWS, upcoming: FIRST_PAGE_ROWS };

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

/** Every open relance of each section, by indexed counts. */
export async function relanceCounts(db: RelanceDatabase, today: string, { horizonDays = 7 } = {}): Promise<QueueCounts> {
  const horizon = addDays(today, horizonDays);
  const byDue = () => db.relances.where('[status+dueDate]');
  const [overdue, todayCount, upcoming] = await Promise.all([
    byDue().between(['open', Dexie.minKey], ['open', today], true, false).count(),
    byDue().equals(['open', today]).count(),
    byDue().between(['open', today], ['open', horizon], false, true).count(),
  ]);
  return { overdue, today: todayCount, upcoming };
}
