import { CHANNELS } from './enums';
import { epochMsSchema, idSchema, optionalText } from './fields';
import { z } from './zod';

/** One contact with a prospect (a call made, an email sent, a meeting held…). */
export const interactionSchema = z.object({
  id: idSchema,
  prospectId: idSchema,
  channel: z.enum(CHANNELS, { error: `Unknown channel (expected one of ${CHANNELS.join(', ')})` }),
  /** When the contact happened (may be back-dated). */
  date: epochMsSchema,
  note: optionalText(5000),
  /** The email's subject, when the contact was an email. */
  subject: optionalText(500),
  createdAt: epochMsSchema,
});

export type Interaction = z.infer<typeof interactionSchema>;
