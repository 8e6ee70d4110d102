/**
 * When to remind: pure rules for the worker's notifications (quiet hours, relances due now,
 * which ones were already announced).
 */

export interface QuietHours {
  start: string;
  end: string;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** 'HH:MM' local time of a date. */
export function timeOfDay(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** True inside the quiet hours; a range such as 20:00–08:00 spans midnight. */
export function inQuietHours(quiet: QuietHours | null | undefined, now: Date): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const current = minutesOf(timeOfDay(now));
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? current >= start && current < end : current >= start || current < end;
}

/** A relance is due now when its day has passed, or it is today and its time (if any) has come. */
export function isDueNow(relance: { dueDate: string; dueTime?: string }, today: string, now: string): boolean {
  if (relance.dueDate < today) return true;
  if (relance.dueDate > today) return false;
  return !relance.dueTime || relance.dueTime <= now;
}

/**
 * The relances to announce now, given those announced before (id → due date announced):
 * a relance is announced once per due date, so a snoozed one is announced again when due.
 */
export function relancesToAnnounce<T extends { id: string; dueDate: string }>(
  due: readonly T[],
  announced: Readonly<Record<string, string>>,
): { fresh: T[]; remember: Record<string, string> } {
  const fresh = due.filter((relance) => announced[relance.id] !== relance.dueDate);
  const remember = Object.fromEntries(due.map((relance) => [relance.id, relance.dueDate]));
  return { fresh, remember };
}

/** How long the worker sleeps at most: it also refreshes the badge and catches what it missed asleep. */
export const MAX_TICK_WAIT_MS = 30 * 60_000;
/** Wakes land a few seconds past the minute, so the clock already reads it when the alarm fires. */
const WAKE_MARGIN_MS = 5_000;

/**
 * When the worker should next wake: the earliest of the next local midnight (relances fall
 * due), `MAX_TICK_WAIT_MS` from now, and the next of today's relance times (`HH:MM`) still
 * ahead, so a timed relance is announced on time. Never a past instant: an alarm set in the
 * past fires at once, and would fire again and again.
 */
export function nextWakeAt(now: Date, dueTimesToday: Iterable<string | undefined>): number {
  const clock = timeOfDay(now);
  const candidates = [
    new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() + WAKE_MARGIN_MS,
    now.getTime() + MAX_TICK_WAIT_MS,
  ];
  for (const dueTime of dueTimesToday) {
    if (!dueTime || dueTime <= clock) continue;
    const at = firstInstantReading(now, dueTime) + WAKE_MARGIN_MS;
    if (at > now.getTime()) candidates.push(at);
  }
  return Math.min(...candidates);
}

/**
 * The first instant of `day` whose local clock reads `hhmm` or later. On the day clocks go
 * forward, a time in the skipped hour (02:30 in Paris on 29 March) never shows: Date puts it
 * an hour late (03:30), while the clock reads later than 02:30 from 03:00 on. On the day
 * clocks go back, Date takes the first of the two 02:30s, which is the one wanted.
 */
function firstInstantReading(day: Date, hhmm: string): number {
  const minutes = minutesOf(hhmm);
  let at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minutes / 60), minutes % 60).getTime();
  // A skipped hour is at most a few hours long: step back while the minute before still reads hhmm or later.
  for (let step = 0; step < 240; step++) {
    const before = new Date(at - 60_000);
    if (before.getDate() !== day.getDate() || timeOfDay(before) < hhmm) break;
    at = before.getTime();
  }
  return at;
}
