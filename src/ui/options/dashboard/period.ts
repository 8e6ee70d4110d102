import { addDays, type IsoDate, isIsoDate, type KpiPeriod } from '../../../process';

/** The dashboard's period choices; the calendar ones run from their first day to today. */
export const PERIOD_PRESETS = ['week', 'month', 'last30', 'quarter', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type PeriodChoice = { preset: PeriodPreset; from: IsoDate; to: IsoDate };

const pad = (n: number) => String(n).padStart(2, '0');

/** What the dashboard shows first: the month so far. */
export const initialChoice = (today: IsoDate): PeriodChoice => ({ preset: 'month', from: `${today.slice(0, 8)}01`, to: today });

/** The period a choice means on `today`; null for a custom one that is not a valid range. */
export function periodOf(choice: PeriodChoice, today: IsoDate): KpiPeriod | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (choice.preset) {
    case 'week': {
      // Monday start: getDay() is 0 on Sunday.
      const weekday = new Date(year, month - 1, Number(today.slice(8, 10)), 12).getDay();
      return { from: addDays(today, -((weekday + 6) % 7)), to: today };
    }
    case 'month':
      return { from: `${year}-${pad(month)}-01`, to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'quarter':
      return { from: `${year}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}-01`, to: today };
    case 'custom':
      return isIsoDate(choice.from) && isIsoDate(choice.to) && choice.from <= choice.to ? { from: choice.from, to: choice.to } : null;
  }
}
