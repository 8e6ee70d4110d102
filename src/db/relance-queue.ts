import Dexie from 'dexie';
import { addDays } from '../process';
import type { RelanceDatabase } from './database';
import { dueRelances, type RelanceRow } from './repository';

export type QueueSectionKey = 'overdue' | 'today' | 'upcoming';
export interface QueueSection {
  key: QueueSectionKey;
  rows: RelanceRow[];
  /** All open relances of the section, even past the rows loaded. */
  count: number;
}

/**
 * The popup's queue: indexed range reads capped per section plus indexed counts, so the
 * popup opens as fast with 100k relances stored as with ten.
 */
export async function relanceQueue(db: RelanceDatabase, today: string, { horizonDays = 7, limit = 500 } = {}): Promise<QueueSection[]> {
  const horizon = addDays(today, horizonDays);
  const byDue = () => db.relances.where('[status+dueDate]');
  const [due, overdueCount, todayCount, upcomingCount] = await Promise.all([
    dueRelances(db, today, horizonDays, { limitPerSection: limit }),
    byDue().between(['open', Dexie.minKey], ['open', today], true, false).count(),
    byDue().equals(['open', today]).count(),
    byDue().between(['open', today], ['open', horizon], false, true).count(),
  ]);
  return [
    { key: 'overdue', rows: due.overdue, count: overdueCount },
    { key: 'today', rows: due.today, count: todayCount },
    { key: 'upcoming', rows: due.upcoming, count: upcomingCount },
  ];
}
