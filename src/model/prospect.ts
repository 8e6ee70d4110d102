import { emailKeysOf, isEmail, nameCompanyKey, normalizeCompany } from '../matching/keys';
import { OUTCOME_RESULTS, QUALIFICATIONS, STAGES } from './enums';
import { epochMsSchema, freeText, idSchema, optionalText, requiredText, textList } from './fields';
import { z } from './zod';

const CANONICAL_LINKEDIN_URL = /^https:\/\/www\.linkedin\.com\/in\/[^/?#\s]+\/$/;

export const outcomeSchema = z.object({
  result: z.enum(OUTCOME_RESULTS, { error: "Expected 'won' or 'lost'" }),
  reason: optionalText(500),
  date: epochMsSchema,
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const checklistEntrySchema = z.object({
  done: z.boolean({ error: 'true or false expected' }),
  note: z.optional(freeText(2000)),
  doneAt: z.optional(epochMsSchema),
});

/** Keyed by `checklistKey(stage, itemKey)` from src/process (`<stage>.<item>`). */
export const checklistStateSchema = z.record(requiredText(100), checklistEntrySchema);
export type ChecklistEntry = z.infer<typeof checklistEntrySchema>;
export type ChecklistState = z.infer<typeof checklistStateSchema>;

export const emailAddressSchema = requiredText(320).check(z.refine(isEmail, { error: 'Not an email address' }));

export const linkedinUrlSchema = z
  .string({ error: 'Text expected' })
  .check(
    z.maxLength(400, { error: 'Too long (max 400)' }),
    z.regex(CANONICAL_LINKEDIN_URL, { error: 'Not a canonical LinkedIn profile URL (https://www.linkedin.com/in/<slug>/)' }),
  );

export const prospectSchema = z.object({
  id: idSchema,
  fullName: requiredText(200),
  headline: optionalText(400),
  jobTitle: optionalText(200),
  company: optionalText(200),
  location: optionalText(200),
  phones: textList(20, 50),
  /** As the user or the page wrote them, for display. */
  emails: z.array(emailAddressSchema).check(z.maxLength(20, { error: 'Too many entries (max 20)' })),
  /** Derived from `emails` on every write (see withDerivedKeys); indexed multi-entry. */
  emailKeys: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(20)),
  linkedinUrl: z.optional(linkedinUrlSchema),
  salesNavId: optionalText(200),
  /** Derived name + company key (`dupont jeanne|acme`); '' when the name has no letter. */
  nameKey: z.string().check(z.maxLength(500)),
  /** Derived normalised company ('' when none): lists who works at a company page's firm. */
  companyKey: z._default(z.string().check(z.maxLength(300)), ''),
  stage: z.enum(STAGES, { error: `Unknown stage (expected one of ${STAGES.join(', ')})` }),
  qualification: z.enum(QUALIFICATIONS, { error: `Unknown qualification (expected one of ${QUALIFICATIONS.join(', ')})` }),
  outcome: z.optional(outcomeSchema),
  checklist: checklistStateSchema,
  tags: textList(50, 100),
  /** Where the lead came from: 'linkedin', 'gmail', 'capture-link', 'capture-selection', 'import', 'manual'… */
  source: requiredText(50),
  notes: optionalText(20000),
  /** Fields the user corrected by hand: recognition and enrichment never overwrite them. */
  lockedFields: z.array(requiredText(50)).check(z.maxLength(50)),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});

export type Prospect = z.infer<typeof prospectSchema>;

/** Fields recognition may fill in on an existing prospect when they are empty and not locked. */
export const ENRICHABLE_FIELDS = ['headline', 'jobTitle', 'company', 'location', 'linkedinUrl', 'salesNavId'] as const;
export type EnrichableField = (typeof ENRICHABLE_FIELDS)[number];

/**
 * The prospect with its lookup keys recomputed from the fields they derive from. Applied on
 * every write by the database, so an import or a restore can never store stale keys.
 */
export function withDerivedKeys(prospect: Prospect): Prospect {
  return {
    ...prospect,
    emailKeys: emailKeysOf(prospect.emails),
    nameKey: nameCompanyKey(prospect.fullName, prospect.company) ?? '',
    companyKey: prospect.company ? normalizeCompany(prospect.company) : '',
  };
}
