import { z } from './zod';

export const SITES = ['linkedin', 'salesnav', 'gmail', 'outlook', 'yahoo', 'proton', 'roundcube', 'zimbra', 'webmail'] as const;
export type Site = (typeof SITES)[number];

/** Where a field's value came from, weakest last. Lets the panel say "company guessed". */
export const CONFIDENCES = ['url', 'data', 'markup', 'title', 'guess'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(max)));
const optionalString = (max: number) => z.optional(z.string().check(z.maxLength(max)));
const optionalEmail = z.optional(z.string().check(z.trim(), z.maxLength(320)));

export const participantSchema = z.object({
  name: optionalText(200),
  email: optionalEmail,
});

export const pageContactSchema = z.object({
  site: z.enum(SITES),
  kind: z.enum(['person', 'email-thread', 'company']),
  fullName: optionalText(200),
  email: optionalEmail,
  linkedinUrl: optionalString(400),
  salesNavId: optionalString(200),
  headline: optionalText(400),
  company: optionalText(200),
  jobTitle: optionalText(200),
  location: optionalText(200),
  subject: optionalText(500),
  /** Company pages: the firm's own site, its size band and its LinkedIn page. */
  website: optionalString(400),
  companySize: optionalText(100),
  companyUrl: optionalString(400),
  threadId: optionalString(400),
  participants: z.optional(z.array(participantSchema).check(z.maxLength(100))),
  confidence: z.optional(z.record(z.string(), z.enum(CONFIDENCES))),
});

export type PageContact = z.infer<typeof pageContactSchema>;
export type Participant = z.infer<typeof participantSchema>;
