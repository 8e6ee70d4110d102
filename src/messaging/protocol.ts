import { pageContactSchema } from '../model/page-contact';
import { z } from '../model/zod';

/**
 * The message protocol. One schema per message; names say who sends to whom.
 * Content scripts only import the types (they cannot afford Zod); the background parses.
 */
export const pageContactMessage = z.object({
  type: z.literal('content:page-contact'),
  url: z.string().check(z.maxLength(4000)),
  contact: z.nullable(pageContactSchema),
});
export type PageContactMessage = z.infer<typeof pageContactMessage>;

/** Sent by an extension page after it wrote to IndexedDB, so a sleeping worker wakes and recounts the badge. */
export const dataChangedMessage = z.object({ type: z.literal('page:data-changed') });
export type DataChangedMessage = z.infer<typeof dataChangedMessage>;

// One DNS name, lower-case, at least two labels: what `https://<host>/*` may be built from.
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** A self-hosted webmail's host name, as the rep enables it (`webmail.acme.fr`). */
export const webmailHostnameSchema = z.string().check(z.trim(), z.toLowerCase(), z.regex(HOSTNAME));

/**
 * Sent by the options page once the rep granted (or to withdraw) one webmail domain: the
 * permission prompt needs the page's click, the content-script registration is the worker's.
 */
export const webmailDomainMessage = z.object({
  type: z.literal('page:webmail-domain'),
  change: z.enum(['enable', 'disable']),
  hostname: webmailHostnameSchema,
});
export type WebmailDomainMessage = z.infer<typeof webmailDomainMessage>;

export const fromContentScript = z.discriminatedUnion('type', [pageContactMessage]);
export const fromExtensionPage = z.discriminatedUnion('type', [dataChangedMessage, webmailDomainMessage]);

export type ContentScriptMessage = z.infer<typeof fromContentScript>;
export type ExtensionPageMessage = z.infer<typeof fromExtensionPage>;
