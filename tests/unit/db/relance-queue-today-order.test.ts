import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelanceDatabase } from '../../../src/db/database';
import { FIRST_SCREEN_ROWS, firstScreen, relanceQueue } from '../../../src/db/relance-queue';
import { addDays } from '../../../src/process';
import { deleteFreshDatabases } from './fresh-db';
import { databaseWithRelances } from './relance-queue-fixture';

const TODAY = '2026-03-10';
afterEach(deleteFreshDatabases);

/** One prospect per relance, due on `day` at `time` (none: any time that day), scheduled in this order. */
function withRelances(relances: { day: string; time?: string }[]): Promise<RelanceDatabase> {
  const now = Date.UTC(2026, 2, 1);
  return databaseWithRelances(
    'today-order',
    now,
    relances.map(({ day, time }, index) => ({ dueDate: day, dueTime: time, createdAt: now + index })),
  );
}

const untimed = (count: number) => Array.from({ length: count }, () => ({ day: TODAY }));
/** Today's rows as 'HH:MM' or '-' (untimed) plus the order they were scheduled in. */
const shown = (sections: Awaited<ReturnType<typeof relanceQueue>>) =>
  sections.find((section) => section.key === 'today')?.rows.map((row) => `${row.relance.dueTime ?? '-'} ${row.prospect.fullName}`) ?? [];

describe("the popup's today section", () => {
  // Timed ones scheduled last, among many untimed ones: in index (id) order they would land anywhere.
  const day = [...untimed(30), { day: TODAY, time: '17:00' }, { day: TODAY, time: '08:15' }, { day: TODAY, time: '12:30' }];

  it('lists the timed relances first, earliest first, then the untimed ones in the order scheduled', async () => {
    const db = await withRelances(day);
    const rows = shown(await relanceQueue(db, TODAY, { limits: { overdue: 25, today: 40, upcoming: 25 } }));
    expect(rows).toEqual([
      '08:15 Prospect 31',
      '12:30 Prospect 32',
      '17:00 Prospect 30',
      ...Array.from({ length: 30 }, (_, index) => `- Prospect ${index}`),
    ]);
  });

  it('keeps the earliest on the first screen and on a page shorter than the day', async () => {
    const db = await withRelances(day);
    expect(shown(await firstScreen(db, TODAY))).toEqual([
      '08:15 Prospect 31',
      '12:30 Prospect 32',
      '17:00 Prospect 30',
      '- Prospect 0',
      '- Prospect 1',
      '- Prospect 2',
    ]);
    expect(shown(await relanceQueue(db, TODAY, { limits: { overdue: 25, today: 4, upcoming: 25 } }))).toEqual([
      '08:15 Prospect 31',
      '12:30 Prospect 32',
      '17:00 Prospect 30',
      '- Prospect 0',
    ]);
  });

  it('leaves the overdue and upcoming sections in due-date order, and the first screen agrees with the page', async () => {
    const db = await withRelances([
      { day: addDays(TODAY, 2), time: '08:00' },
      { day: addDays(TODAY, 1) },
      { day: addDays(TODAY, -1), time: '18:00' },
      { day: addDays(TODAY, -3) },
      { day: TODAY, time: '11:00' },
      { day: TODAY, time: '09:00' },
    ]);
    const page = await relanceQueue(db, TODAY);
    expect(page.map((section) => section.rows.map((row) => row.relance.dueDate))).toEqual([
      [addDays(TODAY, -3), addDays(TODAY, -1)],
      [TODAY, TODAY],
      [addDays(TODAY, 1), addDays(TODAY, 2)],
    ]);
    expect(shown(page)).toEqual(['09:00 Prospect 5', '11:00 Prospect 4']);
    const screen = await firstScreen(db, TODAY);
    expect(screen.flatMap((section) => section.rows)).toEqual(page.flatMap((section) => section.rows).slice(0, FIRST_SCREEN_ROWS));
  });
});
