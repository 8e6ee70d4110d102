import { addDays, type Cadence, type IsoDate, nextMonday, onWorkingDay, proposeRelanceAfterContact, type Stage } from '../../process';

/**
 * With "working days only", a relance put on a Saturday or Sunday moves to the Monday, as the
 * side panel's presets do; a relance for today stays today.
 */
function onAllowedDay(day: IsoDate, today: IsoDate, workingDaysOnly: boolean): IsoDate {
  return workingDaysOnly && day !== today ? onWorkingDay(day) : day;
}

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

/**
 * The relance to propose once a row is done: the stage cadence's next step (counted from
 * `stageSince`, the day the prospect entered its stage), on a working day if so set; none
 * while the prospect still has another open relance (the side panel's rule: proposing one
 * more would double it).
 */
export function proposalAfterDone(
  stage: Stage,
  today: IsoDate,
  {
    cadences,
    workingDaysOnly,
    hasOpenRelance,
    stageSince,
  }: { cadences: readonly Cadence[]; workingDaysOnly: boolean; hasOpenRelance: boolean; stageSince?: IsoDate },
): IsoDate | null {
  if (hasOpenRelance) return null;
  const proposed = proposeRelanceAfterContact(stage, today, cadences, stageSince)?.dueDate;
  return proposed === undefined ? null : onAllowedDay(proposed, today, workingDaysOnly);
}
