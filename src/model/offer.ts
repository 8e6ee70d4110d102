import { epochMsSchema, freeText, idSchema, optionalText, requiredText, textList } from './fields';
import { z } from './zod';

export const objectionSchema = z.object({
  objection: requiredText(500),
  answer: freeText(2000),
});
export type Objection = z.infer<typeof objectionSchema>;

/** A product or service the rep sells (playbook step 1, "know the offer"). */
export const offerSchema = z.object({
  id: idSchema,
  name: requiredText(200),
  pitch: freeText(5000),
  benefits: textList(50, 500),
  /** What the offer does not do: saying it builds credibility. */
  limits: textList(50, 500),
  proofPoints: textList(50, 500),
  objections: z.array(objectionSchema).check(z.maxLength(50, { error: 'Too many entries (max 50)' })),
  /** Price, payment and delivery notes. */
  terms: optionalText(2000),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});

export type Offer = z.infer<typeof offerSchema>;
