import { z } from './zod';

/*
 * Field builders shared by the record schemas, so every record words its errors the same
 * way ("fullName: Too long (max 200)") and the UI can show them as they are.
 */

export const idSchema = z.uuid({ error: 'Not a valid id (uuid expected)' });

/** Milliseconds since the epoch, as Date.now() gives. */
export const epochMsSchema = z
  .number({ error: 'A timestamp (epoch ms) is expected' })
  .int({ error: 'A timestamp (epoch ms) is expected' })
  .min(0, { error: 'A timestamp (epoch ms) is expected' });

/** Required text: trimmed, not empty, capped (over-long input is rejected, never truncated). */
export function requiredText(max: number) {
  return z
    .string({ error: 'Text expected' })
    .trim()
    .min(1, { error: 'Required' })
    .max(max, { error: `Too long (max ${max})` });
}

/** Optional text: when present it must hold something; absent is written by leaving the key out. */
export function optionalText(max: number) {
  return requiredText(max).optional();
}

/** Text that may legitimately be empty (e.g. an offer's pitch still to write). */
export function freeText(max: number) {
  return z
    .string({ error: 'Text expected' })
    .trim()
    .max(max, { error: `Too long (max ${max})` });
}

export function textList(maxItems: number, maxLength: number) {
  return z.array(requiredText(maxLength)).max(maxItems, { error: `Too many entries (max ${maxItems})` });
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
  .refine(isCalendarDate, { error: 'Not a valid date (YYYY-MM-DD expected)' });
