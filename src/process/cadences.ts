import type { Localized, Stage } from './stages';

/*
 * Dates here are local calendar days as 'YYYY-MM-DD' strings: a relance is due on a day, not
 * at an instant. Parsing 'YYYY-MM-DD' with `new Date(iso)` reads it as UTC midnight, which is
 * the previous day west of Greenwich; so dates are built with the local Date(y, m - 1, d)
 * constructor at noon (noon is never skipped or repeated by a DST change) and formatted from
 * the local getters.
 */

export type IsoDate = string;

export type CadenceKey = 'firstContactNoAnswer' | 'proposalSent' | 'newClient' | 'discoveryFollowUp';

export type Cadence = {
  key: CadenceKey;
  /** Offsets from the triggering event, each counted from that event, not from the previous relance. */
  days: number[];
  /** Offsets count Monday–Friday only. */
  workingDays: boolean;
  label: Localized;
};

/** Defaults from the playbook, editable in settings. */
export const DEFAULT_CADENCES: readonly Cadence[] = [
  {
    key: 'firstContactNoAnswer',
    days: [3],
    workingDays: true,
    label: { fr: 'Premier contact sans réponse', en: 'First contact, no answer' },
  },
  {
    key: 'proposalSent',
    days: [2, 7, 14],
    workingDays: false,
    label: { fr: 'Proposition / devis envoyé', en: 'Proposal / quote sent' },
  },
  {
    key: 'newClient',
    days: [7, 30],
    workingDays: false,
    label: { fr: 'Nouveau client', en: 'New client' },
  },
  {
    // Not in the playbook's list: gives the discovery stage a next step a week after a contact.
    key: 'discoveryFollowUp',
    days: [7],
    workingDays: false,
    label: { fr: 'Suite de la découverte', en: 'Discovery follow-up' },
  },
];

/** Which cadence a contact logged at each stage starts. */
export const CADENCE_FOR_STAGE: Readonly<Record<Stage, CadenceKey>> = {
  prospecting: 'firstContactNoAnswer',
  contact: 'firstContactNoAnswer',
  discovery: 'discoveryFollowUp',
  proposal: 'proposalSent',
  closing: 'proposalSent',
  relationship: 'newClient',
};

export type RelancePresetKey = 'today' | '2d' | '1w' | '2w';
export type RelancePreset = { key: RelancePresetKey; days: number; label: Localized };

/** One-click relance dates, in calendar days from today. */
export const RELANCE_PRESETS: readonly RelancePreset[] = [
  { key: 'today', days: 0, label: { fr: "Aujourd'hui", en: 'Today' } },
  { key: '2d', days: 2, label: { fr: '+2 jours', en: '+2 days' } },
  { key: '1w', days: 7, label: { fr: '+1 semaine', en: '+1 week' } },
  { key: '2w', days: 14, label: { fr: '+2 semaines', en: '+2 weeks' } },
];

/** Label for a "next Monday" button, which `nextMonday()` computes (not a fixed offset, so not a preset). */
export const NEXT_MONDAY_LABEL: Localized = { fr: 'Lundi prochain', en: 'Next Monday' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatLocal(date: Date): IsoDate {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** Local noon of the day; throws RangeError on anything that is not a real 'YYYY-MM-DD' date. */
function parseLocalNoon(iso: IsoDate): Date {
  const match = ISO_DATE.exec(iso);
  if (match) {
    const [, y, m, d] = match;
    const date = new Date(Number(y), Number(m) - 1, Number(d), 12);
    // Date() silently rolls 2026-02-30 over to March; reject it instead.
    if (formatLocal(date) === iso) return date;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${iso}`);
}

export function isIsoDate(x: unknown): x is IsoDate {
  if (typeof x !== 'string') return false;
  try {
    parseLocalNoon(x);
    return true;
  } catch {
    return false;
  }
}

export function todayIso(now: Date = new Date()): IsoDate {
  return formatLocal(now);
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  const date = parseLocalNoon(iso);
  date.setDate(date.getDate() + n);
  return formatLocal(date);
}

export function isWeekend(iso: IsoDate): boolean {
  const day = parseLocalNoon(iso).getDay();
  return day === 0 || day === 6;
}

/** Moves n Monday–Friday days (backwards if n < 0); weekend days are skipped, never landed on unless n is 0. */
export function addWorkingDays(iso: IsoDate, n: number): IsoDate {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(Math.trunc(n));
  let current = iso;
  parseLocalNoon(iso); // rejects a bad date even when n is 0 and the loop never parses it
  while (remaining > 0) {
    current = addDays(current, step);
    if (!isWeekend(current)) remaining -= 1;
  }
  return current;
}

/** The first Monday strictly after the date: from a Monday, the following one. */
export function nextMonday(iso: IsoDate): IsoDate {
  const day = parseLocalNoon(iso).getDay();
  return addDays(iso, (8 - day) % 7 || 7);
}

/** Calendar days from a to b: positive when b is later. */
export function daysBetween(aIso: IsoDate, bIso: IsoDate): number {
  // Both are local noons, so the difference is whole days give or take a DST hour; rounding removes it.
  return Math.round((parseLocalNoon(bIso).getTime() - parseLocalNoon(aIso).getTime()) / MS_PER_DAY);
}

export function getCadence(key: CadenceKey, cadences: readonly Cadence[] = DEFAULT_CADENCES): Cadence | undefined {
  return cadences.find((cadence) => cadence.key === key);
}

/** Due date of one offset of a cadence, counted from the triggering day. */
export function cadenceDueDate(cadence: Cadence, fromIso: IsoDate, offset: number): IsoDate {
  return cadence.workingDays ? addWorkingDays(fromIso, offset) : addDays(fromIso, offset);
}

/** All due dates of a cadence started on a day, e.g. the three relances after a quote is sent. */
export function cadenceDueDates(cadence: Cadence, fromIso: IsoDate): IsoDate[] {
  return cadence.days.map((offset) => cadenceDueDate(cadence, fromIso, offset));
}

/**
 * The relance to propose right after a contact is logged (or a relance done): the next step of
 * the stage's cadence after `today`, its steps counted from `since`, the day the prospect
 * entered its stage (the quote went out, the deal was won): a quote sent on the 2nd is chased
 * on the 4th, the 9th and the 16th, not every two days. Once every step has passed, or
 * without `since`, the first step counted from today ("until a decision").
 * Null when the (user-edited) cadences no longer hold that cadence or it has no steps.
 */
export function proposeRelanceAfterContact(
  stage: Stage,
  today: IsoDate,
  cadences: readonly Cadence[] = DEFAULT_CADENCES,
  since?: IsoDate,
): { dueDate: IsoDate; cadenceKey: CadenceKey } | null {
  const cadence = getCadence(CADENCE_FOR_STAGE[stage], cadences);
  const firstOffset = cadence?.days[0];
  if (cadence === undefined || firstOffset === undefined) return null;
  const nextStep = since !== undefined && since <= today ? cadenceDueDates(cadence, since).find((due) => due > today) : undefined;
  return { dueDate: nextStep ?? cadenceDueDate(cadence, today, firstOffset), cadenceKey: cadence.key };
}

/**
 * A relance's day as the rep's settings allow it: with "working days only", a later day
 * landing on a Saturday or Sunday moves to the Monday; today stays today (the rep is working
 * now, whatever the day).
 */
export function onAllowedDay(day: IsoDate, today: IsoDate, workingDaysOnly: boolean): IsoDate {
  return workingDaysOnly && day !== today ? onWorkingDay(day) : day;
}

/** The day of a relance `days` after `today` (presets, shortcuts), on an allowed day. */
export function relanceDayIn(today: IsoDate, days: number, workingDaysOnly: boolean): IsoDate {
  return onAllowedDay(addDays(today, days), today, workingDaysOnly);
}

/**
 * The relance to propose once a contact is logged or a relance done: the stage cadence's next
 * step (proposeRelanceAfterContact, from `stageSince`), on an allowed day; none while the
 * prospect still has another open relance (proposing one more would double it).
 */
export function proposeNextRelance(
  stage: Stage,
  today: IsoDate,
  {
    cadences,
    workingDaysOnly,
    hasOpenRelance,
    stageSince,
  }: { cadences: readonly Cadence[]; workingDaysOnly: boolean; hasOpenRelance: boolean; stageSince?: IsoDate | undefined },
): IsoDate | null {
  if (hasOpenRelance) return null;
  const proposed = proposeRelanceAfterContact(stage, today, cadences, stageSince)?.dueDate;
  return proposed === undefined ? null : onAllowedDay(proposed, today, workingDaysOnly);
}

/**
 * The day a prospect entered its current stage, where its cadence starts: its latest move to
 * that stage, or its creation day when the trail has none (created there, or older records).
 */
export function stageStartDay(prospect: { stage: Stage; createdAt: number }, stageEvents: readonly { to: Stage; date: number }[]): IsoDate {
  let start = prospect.createdAt;
  let moved = false;
  for (const event of stageEvents) {
    if (event.to === prospect.stage && (!moved || event.date > start)) {
      start = event.date;
      moved = true;
    }
  }
  return todayIso(new Date(start));
}

/** The day itself on a weekday; the following Monday for a Saturday or Sunday ("working days only"). */
export function onWorkingDay(iso: IsoDate): IsoDate {
  return isWeekend(iso) ? nextMonday(iso) : iso;
}
