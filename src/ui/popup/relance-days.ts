import { addDays, type IsoDate, nextMonday, onAllowedDay } from '../../process';

export type SnoozeKey = 'relance-snooze' | 'relance-snooze-3' | 'relance-snooze-monday';

/** The days a row's snooze buttons move it to, by button. */
export function snoozeDays(dueDate: IsoDate, today: IsoDate, workingDaysOnly: boolean): Record<SnoozeKey, IsoDate> {
  // Snoozing an overdue relance counts from today, not from the missed day.
  const from = dueDate < today ? today : dueDate;
  return {
    'relance-snooze': onAllowedDay(addDays(from, 1), today, workingDaysOnly),
    'relance-snooze-3': onAllowedDay(addDays(from, 3), today, workingDaysOnly),
    'relance-snooze-monday': nextMonday(from),
  };
}
