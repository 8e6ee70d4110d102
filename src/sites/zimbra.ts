import type { PageContact } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { firstText, queryAll, textOf } from './dom-text';
import { accountOwner, addressIn, firstOf, mailboxOf, threadContact, threadPerson } from './generic-webmail';

/**
 * Every hook this adapter reads: classic Ajax client first, then its conversation view, then
 * the Modern UI. No real Zimbra markup was available: classic hooks come from zm-web-client's
 * templates (mail/Message.template, ZmMailMsgView.js, ZmAddressBubble.js) via
 * /work/shared/fixtures/SELECTORS.md; Modern UI hooks from zm-x-web's CSS-module class names
 * (`zimbra-client_<component>_<class>`). Unverified against a live page.
 */
export const SELECTORS = {
  /** Only a page holding one of these is Zimbra's: the host is the customer's own. */
  page: 'table.MsgHeaderTable, tr[id$="_from"], .Conv2View, .zimbra-client_viewer, [class*="zimbra-client_viewer"]',
  /** The header of the open message, where the other fields are read. */
  header: ['table.MsgHeaderTable', '.Conv2Messages', '.zimbra-client_viewer', '[class*="zimbra-client_viewer"]'],
  sender: [
    'td[id$="_from"] .addrBubble', // classic: the "From" cell's address bubble
    'tr[id$="_from"] .addrBubble',
    'td[id$="_from"]', // classic, before the bubbles are created: the plain address text
    '.Conv2Messages td.LabelColValue .addrBubble', // classic conversation view: first row is "From"
    '[class*="fromAddressList"] .zimbra-client_address-list_address', // Modern UI
    '.zimbra-client_address-list_addresses-from .zimbra-client_address-list_address', // Modern UI
  ],
  /** Modern UI writes the name and the address in separate spans. */
  senderName: ['.zimbra-client_address-list_addressName'],
  /** Everyone shown with the message: classic bubbles, Modern UI address items. */
  people: '.addrBubble, .zimbra-client_address-list_address',
  subject: [
    'td.LabelColValue.SubjectCol', // classic message view
    '.SubjectCol',
    '.Conv2Header .subject', // classic conversation view
    '.zimbra-client_viewer-title_subject', // Modern UI
  ],
  /** Classic: the contact icon beside the sender calls back with the address in its onclick. */
  addressInHandler: '[onclick*="@"]',
  /** Classic: the account shown in the skin's top bar (ZmId.SKIN_USER_INFO), usually the address [C]. */
  username: '#skin_container_username',
} as const;

// Modern UI: /modern/email/<folder>/message/<id> or …/conversation/<id>.
const MODERN_ITEM_ID = /\/(?:message|conversation)\/([^/?#]+)/;

function extract(url: URL, doc: Document): PageContact | null {
  if (!doc.querySelector(SELECTORS.page)) return null;
  const header = firstOf(doc, SELECTORS.header) ?? doc.body;
  const senderElement = header ? firstOf(header, SELECTORS.sender) : undefined;
  if (!header || !senderElement) return null;
  const sender = mailboxOf(senderElement, SELECTORS.senderName);
  // With "show names only" set, bubbles hold no address; the contact icon's handler still does.
  const fromRow = senderElement.closest('tr');
  sender.email ??= addressIn(fromRow ? firstOf(fromRow, [SELECTORS.addressInHandler])?.getAttribute('onclick') : undefined);
  // A message the rep sent: the person they wrote to.
  const shownAccount = queryAll(doc, SELECTORS.username).map(textOf);
  const owner = accountOwner(shownAccount, shownAccount);
  const people = () => queryAll(header, SELECTORS.people).map((person) => mailboxOf(person, SELECTORS.senderName));
  const person = threadPerson(owner, [{ sender, others: people }]);
  if (!person) return null;
  return threadContact('zimbra', {
    ...person,
    subject: firstText(doc, SELECTORS.subject),
    threadId: MODERN_ITEM_ID.exec(url.pathname)?.[1],
  });
}

export const zimbraAdapter: SiteAdapter = {
  site: 'zimbra',
  // Self-hosted on any domain, which the user enabled explicitly: the DOM decides in extract().
  matches: (url) => url.protocol === 'https:',
  extract,
  // The classic client keeps message ids out of its URLs and markup ids.
  confirmsIdentity: () => false,
};
