import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelanceDatabase } from '../../../src/db/database';
import { firstScreen, relanceCounts, relanceQueue } from '../../../src/db/relance-queue';
import { addDays } from '../../../src/process';
import { deleteFreshDatabases } from './fresh-db';
import { databaseWithRelances } from './relance-queue-fixture';

const TODAY = '2026-03-10';
afterEach(deleteFreshDatabases);

/** One prospect per relance; `due` days from today (negative: overdue). */
function withRelances(dues: number[]): Promise<RelanceDatabase> {
  const now = Date.UTC(2026, 2, 10);
  return databaseWithRelances(
    'queue',
    now,
    dues.map((due) => ({ dueDate: addDays(TODAY, due), createdAt: now })),
  );
}

describe('the popup queue', () => {
  it('counts each section exactly up to the cap, and says when there are more', async () => {
    const db = await withRelances([-9, -8, -7, -6, -5, 0, 0, 1, 3, 7, 8]);
    expect(await relanceCounts(db, TODAY)).toEqual({
      overdue: { count: 5, capped: false },
      today: { count: 2, capped: false },
      upcoming: { count: 3, capped: false },
    });
    expect(await relanceCounts(db, TODAY, { cap: 3 })).toEqual({
      overdue: { count: 3, capped: true },
      today: { count: 2, capped: false },
      upcoming: { count: 3, capped: false },
    });
  });

  it('reads each section up to its own limit, oldest first', async () => {
    const db = await withRelances([-9, -8, -7, -6, -5, 0, 0, 1, 3, 7]);
    const sections = await relanceQueue(db, TODAY, { limits: { overdue: 2, today: 10, upcoming: 1 } });
    const dues = Object.fromEntries(sections.map((section) => [section.key, section.rows.map((row) => row.relance.dueDate)]));
    expect(dues).toEqual({
      overdue: [addDays(TODAY, -9), addDays(TODAY, -8)],
      today: [TODAY, TODAY],
      upcoming: [addDays(TODAY, 1)],
    });
  });

  it('reads the first screen: so many rows in all, overdue first, then today, then the week', async () => {
    const db = await withRelances([-9, -8, 0, 0, 0, 1, 3, 7, 8]);
    const dues = async (rows: number) =>
      Object.fromEntries(
        (await firstScreen(db, TODAY, { rows })).map((section) => [section.key, section.rows.map((row) => row.relance.dueDate)]),
      );
    expect(await dues(4)).toEqual({ overdue: [addDays(TODAY, -9), addDays(TODAY, -8)], today: [TODAY, TODAY], upcoming: [] });
    expect(await dues(1)).toEqual({ overdue: [addDays(TODAY, -9)], today: [], upcoming: [] });
    expect(await dues(20)).toEqual({
      overdue: [addDays(TODAY, -9), addDays(TODAY, -8)],
      today: [TODAY, TODAY, TODAY],
      upcoming: [addDays(TODAY, 1), addDays(TODAY, 3), addDays(TODAY, 7)],
    });
    // The same rows, prospects included, as the page's read.
    const page = await relanceQueue(db, TODAY);
    const screen = await firstScreen(db, TODAY, { rows: 6 });
    expect(screen.flatMap((section) => section.rows)).toEqual(page.flatMap((section) => section.rows).slice(0, 6));
  });

  it('skips a relance whose prospect is gone', async () => {
    const db = await withRelances([-2, 0]);
    const [gone] = await db.relances.orderBy('dueDate').toArray();
    await db.prospects.delete(gone?.prospectId ?? '');
    const screen = await firstScreen(db, TODAY, { rows: 6 });
    expect(screen.map((section) => section.rows.length)).toEqual([0, 1, 0]);
  });
});
