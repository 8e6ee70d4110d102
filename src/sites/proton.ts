import type { PageContact } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { firstText, queryAll, textOf } from './dom-text';
import { accountOwner, addressIn, decodedSegment, type Mailbox, mailboxOf, threadContact, threadPerson } from './generic-webmail';

/**
 * Every hook this adapter reads. No real Proton Mail markup was available: these `data-testid`
 * hooks come from ProtonMail/WebClients (HeaderExpanded.tsx, RecipientItemLayout.tsx) via
 * /work/shared/fixtures/SELECTORS.md ("Other webmails", [C] only). Unverified against a live page.
 */
export const SELECTORS = {
  subject: ['[data-testid="conversation-header:subject"]'],
  message: '[data-testid^="message-view-"]',
  /** The open message's sender; `message-column:sender-address` is the message LIST: never used. */
  sender: '[data-testid="recipients:sender"]',
  recipientName: ['[data-testid="recipient-label"]'],
  recipientAddress: '[data-testid="recipient-address"]',
  /** The account button in the top bar, titled "Name <address>" (UserDropdownButton.tsx) [C]. */
  accountButton: '[data-testid="heading:userdropdown"]',
} as const;

// /u/<session>/<folder or label id>/<conversation id>[/<message id>]; older links have no /u/<n>.
const SESSION_PREFIX = /^\/u\/\d+(?=\/)/;
const CONVERSATION_PATH = /^\/[^/]+\/([^/]+)/;

/** Everyone the message header names: each address beside the name shown with it. */
function recipientsOf(message: Element): Mailbox[] {
  return queryAll(message, SELECTORS.recipientAddress).map((address) => {
    const item = address.closest('[data-testid^="recipients:"]') ?? address.parentElement ?? address;
    return { email: addressIn(address.getAttribute('title') ?? textOf(address)), name: firstText(item, SELECTORS.recipientName) };
  });
}

function extract(url: URL, doc: Document): PageContact | null {
  const conversationId = CONVERSATION_PATH.exec(url.pathname.replace(SESSION_PREFIX, ''))?.[1];
  if (!conversationId) return null;
  // Several messages may be expanded; the last one is the most recently opened.
  const cards = queryAll(doc, SELECTORS.sender)
    .reverse()
    .map((sender) => ({
      sender: mailboxOf(sender, SELECTORS.recipientName),
      others: () => recipientsOf(sender.closest(SELECTORS.message) ?? doc.body ?? sender),
    }));
  const owner = accountOwner(queryAll(doc, SELECTORS.accountButton).map((button) => button.getAttribute('title')));
  const person = threadPerson(owner, cards);
  if (!person) return null;
  return threadContact('proton', { ...person, subject: firstText(doc, SELECTORS.subject), threadId: decodedSegment(conversationId) });
}

export const protonAdapter: SiteAdapter = {
  site: 'proton',
  matches: (url) => url.protocol === 'https:' && url.hostname === 'mail.proton.me',
  extract,
  // Proton's message containers carry no id verified to match the URL's conversation id.
  confirmsIdentity: () => false,
};
