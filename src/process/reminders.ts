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
