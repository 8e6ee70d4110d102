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

/**
 * The popup's rows: capped indexed range reads, so the popup opens as fast with 100k
 * relances stored as with ten (the counts come separately: counting a huge overdue range
 * walks it, and the first rows must not wait for that).
 */
export async function relanceQueue(db: RelanceDatabase, today: string, { horizonDays = 7, limit = 200 } = {}): Promise<QueueSection[]> {
  const due = await dueRelances(db, today, horizonDays, { limitPerSection: limit });
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
