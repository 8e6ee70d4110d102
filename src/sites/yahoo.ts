import type { PageContact } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { firstText, queryAll } from './dom-text';
import { mailboxesIn, mailboxOf, threadContact } from './generic-webmail';

/**
 * Every hook this adapter reads. No real Yahoo Mail markup was available: these are the
 * `data-test-id` hooks (note: not `data-testid`) that other projects' code relies on
 * (/work/shared/fixtures/SELECTORS.md, "Other webmails", [C] only). Unverified.
 */
export const SELECTORS = {
  subject: ['[data-test-id="message-group-subject-text"]', '[data-test-id="message-subject"]'],
  sender: ['[data-test-id="message-from"]'],
  /** The sender's name inside the "from" block; its text, when it is not an address. */
  senderName: ['[data-test-id="with-contact-card-anchor"]'],
  recipients: '[data-test-id="message-recipients"]',
} as const;

const MESSAGE_ID = /\/messages\/([^/?#]+)/;

function extract(url: URL, doc: Document): PageContact | null {
  // In a conversation every expanded message has a "from" block; the last one is the latest.
  const senders = queryAll(doc, SELECTORS.sender.join(', '));
  const from = senders[senders.length - 1];
  if (!from) return null;
  const message = from.closest('[data-test-id="message-view"]') ?? doc;
  return threadContact('yahoo', {
    sender: mailboxOf(from, SELECTORS.senderName),
    subject: firstText(doc, SELECTORS.subject),
    threadId: MESSAGE_ID.exec(url.pathname)?.[1],
    others: mailboxesIn(queryAll(message, SELECTORS.recipients)),
  });
}

export const yahooAdapter: SiteAdapter = {
  site: 'yahoo',
  // mail.yahoo.com, and the regional hosts (fr.mail.yahoo.com) that older links still use.
  matches: (url) => url.protocol === 'https:' && (url.hostname === 'mail.yahoo.com' || url.hostname.endsWith('.mail.yahoo.com')),
  extract,
  // Nothing verified in Yahoo's markup carries the message id shown in the URL.
  confirmsIdentity: () => false,
};
