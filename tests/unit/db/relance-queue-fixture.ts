import type { RelanceDatabase } from '../../../src/db/database';
import { freshDb } from './fresh-db';
import { prospectRecord } from './prospect-record';

/** One open relance to schedule: its due day (and time), and when it was scheduled. */
export interface RelanceSpec {
  dueDate: string;
  dueTime?: string;
  createdAt: number;
}

/**
 * A fresh database holding one prospect per relance ("Prospect <index>", in contact, made at
 * `now`), each with that open relance.
 */
export async function databaseWithRelances(name: string, now: number, relances: RelanceSpec[]): Promise<RelanceDatabase> {
  const db = freshDb(name);
  const scheduled = relances.map((relance, index) => ({
    relance,
    prospect: prospectRecord({
      fullName: `Prospect ${index}`,
      stage: 'contact',
      qualification: 'prospect',
      createdAt: now,
      updatedAt: now,
    }),
  }));
  await db.prospects.bulkAdd(scheduled.map(({ prospect }) => prospect));
  await db.relances.bulkAdd(
    scheduled.map(({ relance: { dueDate, dueTime, createdAt }, prospect }) => ({
      id: crypto.randomUUID(),
      prospectId: prospect.id,
      dueDate,
      ...(dueTime ? { dueTime } : {}),
      status: 'open' as const,
      createdAt,
    })),
  );
  return db;
}
