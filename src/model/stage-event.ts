import { STAGES } from './enums';
import { epochMsSchema, idSchema, requiredText } from './fields';
import { z } from './zod';

const stageSchema = z.enum(STAGES, { error: `Unknown stage (expected one of ${STAGES.join(', ')})` });

/** One move of a prospect between stages; the trail feeds history, conversion and days-in-stage KPIs. */
export const stageEventSchema = z.object({
  id: idSchema,
  prospectId: idSchema,
  /** null for the creation of the prospect. */
  from: z.nullable(stageSchema),
  to: stageSchema,
  date: epochMsSchema,
  /** Moved on although exit criteria were unmet (the rep confirmed the warning). */
  forced: z.boolean(),
  /** Checklist keys (`<stage>.<item>`) unmet at that moment. */
  unmet: z.array(requiredText(100)).check(z.maxLength(100)),
});

export type StageEvent = z.infer<typeof stageEventSchema>;
