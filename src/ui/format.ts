import type { Lang, Messages } from '../i18n';
import { daysBetween } from '../process';

/** "aujourd'hui", "demain", "dans 3 j", "il y a 2 j" relative to today (both 'YYYY-MM-DD'). */
export function relativeDay(iso: string, today: string, t: Messages): string {
  const days = daysBetween(today, iso);
  if (days === 0) return t.today;
  if (days === 1) return t.tomorrow;
  if (days === -1) return t.yesterday;
  return days > 0 ? t.inDays(days) : t.daysAgo(-days);
}

/*
 * One Intl.DateTimeFormat per language, not one per call: building a formatter (ICU set-up)
 * costs far more than formatting, and the popup's first screen formats four days per row.
 */
const dayFormatters = new Map<Lang, Intl.DateTimeFormat>();

export function formatDay(iso: string, lang: Lang): string {
  let formatter = dayFormatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short' });
    dayFormatters.set(lang, formatter);
  }
  const [y, m, d] = iso.split('-').map(Number);
  return formatter.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function formatDateTime(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(ms);
}
