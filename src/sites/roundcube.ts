import type { PageContact } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { cleanText, queryAll, textOf } from './dom-text';
import { accountOwner, firstOf, mailboxesIn, mailboxOf, threadContact, threadPerson } from './generic-webmail';

/**
 * Every hook this adapter reads: elastic skin (1.4+) first, larry (≤ 1.5) as fallback.
 * Sources: /work/shared/fixtures/SELECTORS.md (elastic [F]; larry from skins/larry/templates).
 * Roundcube is self-hosted on any domain: the markup, not the host, says it is Roundcube.
 */
export const SELECTORS = {
  /** Elastic names the task and action on the body; larry does not, but its header has contact links. */
  messagePage: 'body.task-mail.action-show, body.task-mail.action-preview',
  messageHeader: ['#message-header', '#messageheader'],
  contactLink: '.rcmContactAddress',
  sender: [
    '.header-summary .rcmContactAddress', // elastic summary line [F]
    'td.header.from .rcmContactAddress', // elastic headers table, larry [F]
    'td.from .rcmContactAddress',
  ],
  /** An unlinked sender ("Name <address>" as text) in the From cell. */
  senderCell: ['td.header.from', 'td.from'],
  subject: ['h2.subject', 'h3.subject'], // elastic and larry full view: h2; larry preview: h3
  /** Inside the subject: the screen-reader "Subject: " label and the open-in-new-window link. */
  subjectNoise: '.voice, a',
  /** The login shown in the page's header (both skins' "username" object); absent from preview frames. */
  username: '.username',
} as const;

// Elastic and larry page titles: "<product name> :: <subject>".
const TITLE_SEPARATOR = ' :: ';
const MAIL_ACTIONS = new Set(['show', 'preview']);

function isMessageUrl(url: URL): boolean {
  const params = url.searchParams;
  return (params.get('_task') === 'mail' && MAIL_ACTIONS.has(params.get('_action') ?? '')) || params.has('_uid');
}

/** The message header when the document is Roundcube's message view (full page or preview frame). */
function messageHeader(doc: Document): Element | undefined {
  const header = firstOf(doc, SELECTORS.messageHeader);
  const isRoundcube = doc.body?.matches(SELECTORS.messagePage) || (header?.querySelector(SELECTORS.contactLink) ?? null) !== null;
  return isRoundcube ? (header ?? doc.body ?? undefined) : undefined;
}

/** The subject's own text, without the label and link Roundcube puts inside the heading. */
function subjectOf(header: Element, doc: Document): { text?: string; fromTitle?: boolean } {
  const heading = firstOf(header, SELECTORS.subject);
  if (heading) {
    const parts: string[] = [];
    const walk = (node: Node): void => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
        else if (child.nodeType === 1 && !(child as Element).matches(SELECTORS.subjectNoise)) walk(child);
      }
    };
    walk(heading);
    const text = cleanText(parts.join(''));
    if (text) return { text };
  }
  const title = doc.title;
  const at = title.indexOf(TITLE_SEPARATOR);
  const text = at === -1 ? undefined : cleanText(title.slice(at + TITLE_SEPARATOR.length));
  return text ? { text, fromTitle: true } : {};
}

function extract(url: URL, doc: Document): PageContact | null {
  const header = messageHeader(doc);
  if (!header) return null;
  const senderElement = firstOf(header, SELECTORS.sender) ?? firstOf(header, SELECTORS.senderCell);
  if (!senderElement) return null;
  // A message the rep sent (Sent folder): the person they wrote to.
  const owner = accountOwner(queryAll(doc, SELECTORS.username).map(textOf));
  const person = threadPerson(owner, [
    { sender: mailboxOf(senderElement), others: () => mailboxesIn(queryAll(header, SELECTORS.contactLink)) },
  ]);
  if (!person) return null;
  const uid = url.searchParams.get('_uid');
  const mailbox = url.searchParams.get('_mbox');
  const subject = subjectOf(header, doc);
  return threadContact(
    // The shared corpus (the contract's test data) files Roundcube pages under the generic site.
    'webmail',
    {
      ...person,
      subject: subject.text,
      // A uid is only unique inside its folder.
      threadId: uid ? (mailbox ? `${mailbox}/${uid}` : uid) : undefined,
    },
    subject.fromTitle ? { subject: 'title' } : {},
  );
}

export const roundcubeAdapter: SiteAdapter = {
  site: 'roundcube',
  // Self-hosted, sometimes on plain http inside a company network: any host, the query decides.
  matches: (url) => (url.protocol === 'https:' || url.protocol === 'http:') && isMessageUrl(url),
  extract,
  // Each message is a page (or preview frame) the server rendered for the URL's _uid.
  confirmsIdentity: (url, doc) => url.searchParams.has('_uid') && messageHeader(doc) !== undefined,
};
