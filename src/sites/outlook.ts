import type { PageContact } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { queryAll, textOf } from './dom-text';
import {
  type AccountOwner,
  accountOwner,
  addressIn,
  decodedSegment,
  firstOf,
  type Mailbox,
  mailboxesIn,
  mailboxOf,
  nameBeforeAddress,
  type ThreadCard,
  threadContact,
  threadPerson,
  titleParts,
} from './generic-webmail';

/**
 * Every hook this adapter reads, newest OWA first, 2016-19 `autoid` OWA as fallback.
 * Sources: /work/shared/fixtures/SELECTORS.md ([F] = seen in real markup, [C] = other projects' code).
 * OWA's classes are hashed and its labels localised: ids, roles and data attributes come first.
 */
export const SELECTORS = {
  /** The open conversation; the whole document when none of these is there (older builds). */
  readingPane: [
    '[data-app-section="ConversationContainer"]', // new OWA [F semi-real]
    '#ConversationReadingPaneContainer', // new OWA [F semi-real]
    '[role="main"][data-app-section="MailReadCompose"]', // new OWA [F semi-real]
    '[role="main"]', // [F real fragment]
  ],
  /** Parts of the page that show other messages, other people or quoted text: never the header. */
  notHeader: [
    '#MailList',
    '[role="listbox"]',
    '[role="option"]',
    '[role="grid"]',
    '[role="navigation"]',
    '[data-testid="RecipientWell"]',
    '[id^="UniqueMessageBody"]',
    '[autoid="_rp_F"]',
  ].join(', '),
  /** The sender's persona: its text is the name, or the address when the sender has none. */
  senderPersona: [
    'span.OZZZK', // new OWA 2023-25, hashed but the only stable one [F real + semi-real]
    'span[autoid="_pe_b"]', // OWA 2016-19 [C]
    'span[autoid="_pe_9"]', // OWA 2016-19 [C]
  ],
  /** Any element whose title or aria-label reads "Name <address>" (some builds, old OWA personas). */
  addressAttribute: '[title*="@"], [aria-label*="@"]',
  recipients: '[data-testid="RecipientWell"]', // [F semi-real]
  subject: [
    '[data-testid="ConversationReadingPaneSubject"]', // [C]
    '#ConversationReadingPaneSubject', // [C]
    'span[autoid="_rp_I"]', // OWA 2016-19 [C]
    '[role="heading"][aria-level="2"]', // [C]
    'span.JdFsz', // hashed [C]
  ],
  /** The conversation highlighted in the message list carries its id. */
  selectedConversation: ['#MailList [data-convid][aria-selected="true"]', '[data-convid][aria-selected="true"]'], // [F semi-real]
  /** The account manager button, labelled "Account manager for Jane Doe" (localised), sometimes with the address [C]. */
  accountButton: '#O365_MainLink_Me, #mectrl_main_trigger',
  /** The account manager's card, in the DOM once it has been opened: name, then address [C]. */
  accountName: '#mectrl_currentAccount_primary',
  accountAddress: '#mectrl_currentAccount_secondary',
} as const;

const HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft']);
/** How far above the persona an attribute may still describe it ("From: x@y" on its wrapper). */
const PERSONA_LABEL_DEPTH = 3;
const URL_ITEM_ID = /\/id\/([^/?#]+)/;

function inHeader(el: Element): boolean {
  return el.closest(SELECTORS.notHeader) === null;
}

/** The first non-empty match in the header, selectors tried in order of trust. */
function headerText(pane: Element, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const el of queryAll(pane, selector)) {
      const text = inHeader(el) ? textOf(el) : undefined;
      if (text) return text;
    }
  }
  return undefined;
}

/** A persona's sender: its text (name or address), completed by the labels around it. */
function personaSender(persona: Element, pane: Element): Mailbox {
  const sender = mailboxOf(persona);
  // New OWA writes the address on the persona's wrapper ("From: x@y", localised) or a title.
  let node = persona.parentElement;
  for (let depth = 0; !sender.email && node && node !== pane && depth < PERSONA_LABEL_DEPTH; depth++, node = node.parentElement) {
    for (const value of [node.getAttribute('title'), node.getAttribute('aria-label')]) {
      sender.email ??= addressIn(value);
      sender.name ??= sender.email ? nameBeforeAddress(value) : undefined;
    }
  }
  return sender;
}

/** The conversation's cards, top card first (old OWA's "To" personas come after the sender's). */
function cardsOf(pane: Element): ThreadCard[] {
  // In a conversation each expanded card has its recipients: only a card's own well counts.
  const card = (shownIn: Element, sender: Mailbox): ThreadCard => ({ sender, others: () => mailboxesIn(recipientWellNear(shownIn, pane)) });
  const personas = queryAll(pane, SELECTORS.senderPersona.join(', ')).filter(inHeader);
  if (personas.length > 0) return personas.map((persona) => card(persona, personaSender(persona, pane)));
  // No persona class left: the first "Name <address>" attribute outside the list, recipients and body.
  const labelled = queryAll(pane, SELECTORS.addressAttribute).find(inHeader);
  return labelled ? [card(labelled, mailboxOf(labelled))] : [];
}

/**
 * The signed-in account: the title ("Sent Items - Jane Doe - Outlook", the name or the address
 * before the product name), the account manager button's label and, once opened, its card.
 */
function ownerOf(doc: Document): AccountOwner {
  const parts = titleParts(doc.title);
  const inTitle = parts.length >= 3 && /outlook/i.test(parts[parts.length - 1] ?? '') ? parts[parts.length - 2] : undefined;
  const labels = queryAll(doc, SELECTORS.accountButton).map((button) => button.getAttribute('aria-label'));
  return accountOwner(
    [inTitle, ...labels, textOf(queryAll(doc, SELECTORS.accountAddress)[0])],
    [inTitle, textOf(queryAll(doc, SELECTORS.accountName)[0])],
    labels,
  );
}

/** The recipient well of the sender's own message card: the first one in the smallest ancestor that has one. */
function recipientWellNear(el: Element, pane: Element): Element[] {
  for (let node = el.parentElement; node; node = node === pane ? null : node.parentElement) {
    const well = queryAll(node, SELECTORS.recipients)[0];
    if (well) return [well];
  }
  return [];
}

function urlItemId(url: URL): string | undefined {
  const raw = URL_ITEM_ID.exec(url.pathname)?.[1];
  return raw ? decodedSegment(raw) : (url.searchParams.get('ItemID') ?? undefined);
}

function selectedConversationId(doc: Document): string | undefined {
  return firstOf(doc, SELECTORS.selectedConversation)?.getAttribute('data-convid') ?? undefined;
}

function extract(url: URL, doc: Document): PageContact | null {
  const pane = firstOf(doc, SELECTORS.readingPane) ?? doc.body;
  // The top card someone else sent; in Sent Items or under the rep's own reply, whom the rep wrote to.
  const person = pane ? threadPerson(ownerOf(doc), cardsOf(pane)) : undefined;
  if (!pane || !person) return null;
  const selectedId = selectedConversationId(doc);
  return threadContact(
    'outlook',
    { ...person, subject: headerText(pane, SELECTORS.subject), threadId: selectedId ?? urlItemId(url) },
    { threadId: selectedId ? 'data' : 'url' },
  );
}

export const outlookAdapter: SiteAdapter = {
  site: 'outlook',
  matches: (url) => url.protocol === 'https:' && HOSTS.has(url.hostname),
  extract,
  // The list's selected conversation is the one the URL names: the pane shows that thread.
  confirmsIdentity: (url, doc) => {
    const id = urlItemId(url);
    return id !== undefined && id === selectedConversationId(doc);
  },
  // The reading pane changes with the selection, often without a URL change.
  liveRegion: (doc) => doc.querySelector('[role="main"]') ?? doc.body,
};
