import { LANGUAGES } from './enums';
import { z } from './zod';

export const settingsSchema = z.object({
  /** One record only. */
  key: z.literal('app'),
  language: z.enum(LANGUAGES, { error: `Unknown language (expected one of ${LANGUAGES.join(', ')})` }).default('auto'),
  /** A prospect with no contact logged for this many days is flagged. */
  noContactDays: z
    .number({ error: 'A number of days is expected' })
    .int({ error: 'A whole number of days is expected' })
    .min(1, { error: 'At least 1 day' })
    .max(365, { error: 'At most 365 days' })
    .default(14),
  /** Relance presets and cadences count Monday to Friday only. */
  workingDaysOnly: z.boolean().default(true),
  schemaVersion: z.literal(1).default(1),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  key: 'app',
  language: 'auto',
  noContactDays: 14,
  workingDaysOnly: true,
  schemaVersion: 1,
});
