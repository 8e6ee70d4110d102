import { pageContactSchema } from '../model/page-contact';
import { z } from '../model/zod';

/**
 * The message protocol. One schema per message; names say who sends to whom.
 * Content scripts only import the types (they cannot afford Zod); the background parses.
 */
export const pageContactMessage = z.object({
  type: z.literal('content:page-contact'),
  url: z.string().max(4000),
  contact: pageContactSchema.nullable(),
});
export type PageContactMessage = z.infer<typeof pageContactMessage>;

/** Sent by an extension page after it wrote to IndexedDB, so a sleeping worker wakes and recounts the badge. */
export const dataChangedMessage = z.object({ type: z.literal('page:data-changed') });
export type DataChangedMessage = z.infer<typeof dataChangedMessage>;

export const fromContentScript = z.discriminatedUnion('type', [pageContactMessage]);
export const fromExtensionPage = z.discriminatedUnion('type', [dataChangedMessage]);

export type ContentScriptMessage = z.infer<typeof fromContentScript>;
export type ExtensionPageMessage = z.infer<typeof fromExtensionPage>;
