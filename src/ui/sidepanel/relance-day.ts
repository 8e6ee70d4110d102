import { addDays, type IsoDate, onWorkingDay } from '../../process';

/**
 * The day of a relance `days` after `today`, as the planner's presets and the Alt+Shift+J
 * shortcut both set it: with "working days only", a day landing on a weekend moves to the
 * Monday; "today" stays today (the rep is working now, whatever the day).
 */
export function relanceDayIn(today: IsoDate, days: number, workingDaysOnly: boolean): IsoDate {
  const day = addDays(today, days);
  return workingDaysOnly && days > 0 ? onWorkingDay(day) : day;
}
