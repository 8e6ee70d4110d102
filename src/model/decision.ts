import { epochMsSchema } from './fields';
import { z } from './zod';

/**
 * A choice the rep made that matching and the duplicate finder must remember:
 * "this name+company is not that prospect", "these two records are not duplicates".
 * The id is `${kind}:${key}`, so recording a choice twice writes one record.
 */
export const DECISION_KINDS = ['not-same-person', 'not-duplicate'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const decisionSchema = z.object({
  id: z.string().check(z.minLength(3), z.maxLength(1000)),
  kind: z.enum(DECISION_KINDS),
  key: z.string().check(z.minLength(1), z.maxLength(1000)),
  createdAt: epochMsSchema,
});
export type Decision = z.infer<typeof decisionSchema>;

export const decisionId = (kind: DecisionKind, key: string) => `${kind}:${key}`;
