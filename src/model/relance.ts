import { RELANCE_STATUSES } from './enums';
import { epochMsSchema, idSchema, isoDateSchema, optionalText } from './fields';
import { z } from './zod';

/** A follow-up due on a day (call back, re-send, chase a quote). */
export const relanceSchema = z.object({
  id: idSchema,
  prospectId: idSchema,
  /** Local calendar day 'YYYY-MM-DD': compared as strings, so the index sorts by date. */
  dueDate: isoDateSchema,
  /** Optional time of day 'HH:MM' (local); most relances are just "that day". */
  dueTime: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'A time HH:MM is expected' }))),
  note: optionalText(1000),
  status: z.enum(RELANCE_STATUSES, { error: `Unknown status (expected one of ${RELANCE_STATUSES.join(', ')})` }),
  doneAt: z.optional(epochMsSchema),
  /**
   * The day it was due when it was moved to a later day after that day had passed: it was
   * missed then, so doing it later counts late (the dashboard's on-time rate), not on time.
   */
  missedDueDate: z.optional(isoDateSchema),
  createdAt: epochMsSchema,
});

export type Relance = z.infer<typeof relanceSchema>;
