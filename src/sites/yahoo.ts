import type { PageContact } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { firstText, queryAll } from './dom-text';
import { accountOwner, addressesInTitle, mailboxesIn, mailboxOf, threadContact, threadPerson } from './generic-webmail';

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
  const cards = queryAll(doc, SELECTORS.sender.join(', '))
    .reverse()
    .map((from) => ({
      sender: mailboxOf(from, SELECTORS.senderName),
      others: () => mailboxesIn(queryAll(from.closest('[data-test-id="message-view"]') ?? doc, SELECTORS.recipients)),
    }));
  // Yahoo titles carry the account: "(3 unread) - jane@yahoo.fr - Yahoo Mail" [C: other projects' tests].
  const person = threadPerson(accountOwner(addressesInTitle(doc.title)), cards);
  if (!person) return null;
  return threadContact('yahoo', { ...person, subject: firstText(doc, SELECTORS.subject), threadId: MESSAGE_ID.exec(url.pathname)?.[1] });
}

export const yahooAdapter: SiteAdapter = {
  site: 'yahoo',
  // mail.yahoo.com, and the regional hosts (fr.mail.yahoo.com) that older links still use.
  matches: (url) => url.protocol === 'https:' && (url.hostname === 'mail.yahoo.com' || url.hostname.endsWith('.mail.yahoo.com')),
  extract,
  // Nothing verified in Yahoo's markup carries the message id shown in the URL.
  confirmsIdentity: () => false,
};
