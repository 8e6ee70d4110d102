import { z } from './zod';

export const SITES = ['linkedin', 'salesnav', 'gmail', 'outlook', 'yahoo', 'proton', 'roundcube', 'zimbra', 'webmail'] as const;
export type Site = (typeof SITES)[number];

/** Where a field's value came from, weakest last. Lets the panel say "company guessed". */
export const CONFIDENCES = ['url', 'data', 'markup', 'title', 'guess'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const participantSchema = z.object({
  name: text(200).optional(),
  email: z.string().trim().max(320).optional(),
});

export const pageContactSchema = z.object({
  site: z.enum(SITES),
  kind: z.enum(['person', 'email-thread', 'company']),
  fullName: text(200).optional(),
  email: z.string().trim().max(320).optional(),
  linkedinUrl: z.string().max(400).optional(),
  salesNavId: z.string().max(200).optional(),
  headline: text(400).optional(),
  company: text(200).optional(),
  jobTitle: text(200).optional(),
  location: text(200).optional(),
  subject: text(500).optional(),
  /** Company pages: the firm's own site, its size band and its LinkedIn page. */
  website: z.string().max(400).optional(),
  companySize: text(100).optional(),
  companyUrl: z.string().max(400).optional(),
  threadId: z.string().max(400).optional(),
  participants: z.array(participantSchema).max(100).optional(),
  confidence: z.record(z.string(), z.enum(CONFIDENCES)).optional(),
});

export type PageContact = z.infer<typeof pageContactSchema>;
export type Participant = z.infer<typeof participantSchema>;
