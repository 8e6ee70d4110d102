import { z } from './zod';

/*
 * Field builders shared by the record schemas, so every record words its errors the same
 * way ("fullName: Too long (max 200)") and the UI can show them as they are.
 */

export const idSchema = z.uuid({ error: 'Not a valid id (uuid expected)' });

const TIMESTAMP_EXPECTED = 'A timestamp (epoch ms) is expected';

// `z.int()` as a check is what full Zod's `.int()` adds: the same safe-integer test and issue.
/** Milliseconds since the epoch, as Date.now() gives. */
export const epochMsSchema = z
  .number({ error: TIMESTAMP_EXPECTED })
  .check(z.int({ error: TIMESTAMP_EXPECTED }), z.minimum(0, { error: TIMESTAMP_EXPECTED }));

/** Required text: trimmed, not empty, capped (over-long input is rejected, never truncated). */
export function requiredText(max: number) {
  return z
    .string({ error: 'Text expected' })
    .check(z.trim(), z.minLength(1, { error: 'Required' }), z.maxLength(max, { error: `Too long (max ${max})` }));
}

/** Optional text: when present it must hold something; absent is written by leaving the key out. */
export function optionalText(max: number) {
  return z.optional(requiredText(max));
}

/** Text that may legitimately be empty (e.g. an offer's pitch still to write). */
export function freeText(max: number) {
  return z.string({ error: 'Text expected' }).check(z.trim(), z.maxLength(max, { error: `Too long (max ${max})` }));
}

export function textList(maxItems: number, maxLength: number) {
  return z.array(requiredText(maxLength)).check(z.maxLength(maxItems, { error: `Too many entries (max ${maxItems})` }));
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written 'YYYY-MM-DD' (rejects 2026-13-45 and 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids any DST edge.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A local calendar day, 'YYYY-MM-DD': relances are due on a day, not at an instant. */
export const isoDateSchema = z
  .string({ error: 'A date YYYY-MM-DD is expected' })
  .check(z.refine(isCalendarDate, { error: 'Not a valid date (YYYY-MM-DD expected)' }));
