import { emailKey, isEmail } from '../matching/keys';
import type { Confidence, PageContact, Participant, Site } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { cleanText, firstText, queryAll, textOf } from './dom-text';

/**
 * The fallback for a webmail the user enabled and no dedicated adapter knows: the first address
 * shown in the reading area, and the heading nearest to it as the subject.
 *
 * This module also holds the address helpers that every webmail adapter shares. Each adapter
 * ships in its own content script; the bundler keeps only the helpers it imports.
 */
export const SELECTORS = {
  /** Where a webmail shows the open message, most specific first; the whole body otherwise. */
  readingArea: ['[role="main"]', 'main', 'article'],
  mailtoLink: 'a[href^="mailto:"], a[href^="MAILTO:"]',
  subjectHeading: 'h1, h2',
  /** The site's top bar, where webmails show the signed-in account; read only outside the reading area. */
  banner: '[role="banner"]',
  /** Text a reader does not see (or that is not text) never yields an address. */
  unseen: '[hidden], [aria-hidden="true"], script, style, template, noscript',
} as const;

export interface Mailbox {
  name?: string | undefined;
  email?: string | undefined;
}

// An address inside free text: the loose local part of keys.ts' isEmail, but a domain made of
// letters, digits and hyphens only, so that "mailto:a@b.fr?subject=x" or "a@b.fr." stop at "b.fr".
const ADDRESS = /[^\s@<>()[\]{},;:"'«»]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
const ADDRESSES = new RegExp(ADDRESS.source, 'gu');
// "Name <address>": the name is whatever precedes the angle brackets.
const NAMED_ADDRESS = /([^<>]*)<\s*([^\s<>]+@[^\s<>]+?)\s*>/;
// A short label before a colon ("From: ", "Von: ", "À : "): stripped without knowing its language.
const LABEL = /^[^:<>@]{1,24}:\s*/;
const WRAPPING_QUOTES = /^["'“”«»\s]+|["'“”«»\s]+$/g;
const INVISIBLE_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
// Attributes that carry an address, in the order they are trusted: data attributes hold nothing
// else, a title or a mailto: link usually the bare address, an aria-label a localised sentence.
const CARRIER_ATTRIBUTES = ['data-email', 'email', 'data-hovercard-id', 'title', 'href', 'aria-label'] as const;
const CARRIERS = '[data-email], [email], [data-hovercard-id*="@"], [title*="@"], [href^="mailto:"], [href^="MAILTO:"], [aria-label*="@"]';
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The first valid address in a string: the one in <…> when there is one, else the first bare one. */
export function addressIn(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const found = ADDRESS.exec(NAMED_ADDRESS.exec(value)?.[2] ?? value)?.[0];
  return found && isEmail(found) ? found : undefined;
}

/** "Jane Doe" out of "Jane Doe <jane@acme.fr>", "From: Jane Doe <…>" or "\"Doe, Jane\" <…>". */
export function nameBeforeAddress(value: string | null | undefined): string | undefined {
  const match = value ? NAMED_ADDRESS.exec(value) : null;
  return match ? displayName(match[1]?.replace(LABEL, '')) : undefined;
}

/** A shown name, unquoted; undefined when it is empty or only an address (webmails show the address when there is no name). */
export function displayName(value: string | null | undefined): string | undefined {
  const text = cleanText(value?.replace(WRAPPING_QUOTES, ''));
  return text && !isEmail(text) ? text : undefined;
}

/** "Jane Doe <jane@acme.fr>" → "Jane Doe"; a text without an address is returned as it is. */
function withoutAddresses(text: string | undefined): string | undefined {
  if (!text || !ADDRESS.test(text)) return text;
  return text.replace(/[<(]\s*([^\s<>()]+@[^\s<>()]+)\s*[>)]/g, ' ').replace(ADDRESSES, ' ');
}

/** A percent-encoded URL part, decoded; as it is when its encoding is broken. */
export function decodedSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The "Name <address>" part of a mailto: link, decoded; undefined for any other link. */
function mailtoText(href: string | null): string | undefined {
  return href && /^mailto:/i.test(href) ? decodedSegment(href.slice(7).split('?')[0] ?? '') : undefined;
}

/** The address an element's own attributes carry, with the name written beside it if any. */
function carriedMailbox(el: Element): Mailbox | undefined {
  for (const attribute of CARRIER_ATTRIBUTES) {
    const raw = el.getAttribute(attribute);
    const value = attribute === 'href' ? mailtoText(raw) : raw;
    const email = addressIn(value);
    if (email) return { email, name: nameBeforeAddress(value) };
  }
  return undefined;
}

/**
 * The person an element shows: the address from the attributes of the element or its
 * descendants (else from its text); the name from `nameSelectors`, else from the text without
 * the address, else from a "Name <address>" attribute.
 */
export function mailboxOf(el: Element, nameSelectors: readonly string[] = []): Mailbox {
  let carried: Mailbox | undefined;
  for (const carrier of [el, ...queryAll(el, CARRIERS)]) {
    carried = carriedMailbox(carrier);
    if (carried) break;
  }
  const text = textOf(el);
  return {
    email: carried?.email ?? addressIn(text),
    name: displayName(firstText(el, nameSelectors)) ?? displayName(withoutAddresses(text)) ?? carried?.name,
  };
}

/** Everyone the elements show with an address (attributes first, then "Name <address>" text); threadContact drops repeats. */
export function mailboxesIn(roots: readonly Element[]): Mailbox[] {
  const found: Mailbox[] = [];
  for (const root of roots) {
    for (const carrier of [root, ...queryAll(root, CARRIERS)]) {
      const carried = carriedMailbox(carrier);
      if (carried) found.push({ email: carried.email, name: carried.name ?? displayName(withoutAddresses(textOf(carrier))) });
    }
    for (const piece of (textOf(root) ?? '').split(/[,;]/)) {
      found.push({ email: addressIn(piece), name: nameBeforeAddress(piece) });
    }
  }
  return found;
}

/**
 * The signed-in account as far as the page says: its addresses and display names (lower-cased),
 * and labels that name it among other, localised words ("Account manager for Jane Doe").
 */
export interface AccountOwner {
  emails: Set<string>;
  names: Set<string>;
  labels: string[];
}

// Separators between a page title's parts: "Inbox - jane@acme.fr - Yahoo Mail", "A | B | Proton Mail", "Webmail :: Subject".
const TITLE_SEPARATOR = /\s(?:[-–—|]|::)\s/;
const nameKey = (name: string | undefined): string | undefined => displayName(name)?.toLowerCase();

/** The parts of a page title, trimmed; webmails put the account there between the view and the product. */
export function titleParts(title: string): string[] {
  return title
    .split(TITLE_SEPARATOR)
    .map((part) => cleanText(part))
    .filter((part) => part !== undefined);
}

/** The title's parts that are an address: where Gmail and Yahoo write the account ("Inbox - jane@acme.fr - Yahoo Mail"). */
export function addressesInTitle(title: string): string[] {
  return titleParts(title).filter(isEmail);
}

/** The owner out of what the page shows of them: addresses (or "Name <address>"), names, labels. */
export function accountOwner(
  addresses: Iterable<string | null | undefined>,
  names: Iterable<string | null | undefined> = [],
  labels: Iterable<string | null | undefined> = [],
): AccountOwner {
  const owner: AccountOwner = { emails: new Set(), names: new Set(), labels: [] };
  for (const value of addresses) {
    const key = emailKey(addressIn(value));
    if (key) owner.emails.add(key);
    const name = nameKey(nameBeforeAddress(value));
    if (name) owner.names.add(name);
  }
  for (const value of names) {
    const name = nameKey(value ?? undefined);
    if (name) owner.names.add(name);
  }
  for (const value of labels) {
    const label = cleanText(value)?.toLowerCase();
    if (label) owner.labels.push(label);
  }
  return owner;
}

/**
 * True when the mailbox is the account owner: same address, or same display name (the owner's
 * aliases, and cards that show a name only). A label names the owner when it starts or ends
 * with the whole name, whatever the language around it.
 */
export function isOwner(owner: AccountOwner, mailbox: Mailbox): boolean {
  const key = emailKey(mailbox.email);
  if (key && owner.emails.has(key)) return true;
  const name = nameKey(mailbox.name);
  if (!name) return false;
  return (
    owner.names.has(name) || owner.labels.some((label) => label === name || label.endsWith(` ${name}`) || label.startsWith(`${name} `))
  );
}

/** A message of a thread: its sender, and everyone else it shows (read only when needed). */
export interface ThreadCard {
  sender: Mailbox;
  others: () => Mailbox[];
}

/**
 * Whom a thread is about, cards in order of preference (latest first): the first sender who is
 * not the account owner, with that card's people; when the owner sent every card, the first
 * person with an address they wrote to. Undefined when the owner only wrote to themselves: the
 * rep is never their own prospect.
 */
export function threadPerson(owner: AccountOwner, cards: readonly ThreadCard[]): { sender: Mailbox; others: Mailbox[] } | undefined {
  const card = cards.find(({ sender }) => !isOwner(owner, sender));
  if (card) return { sender: card.sender, others: card.others() };
  const own = cards[0];
  const others = own ? [own.sender, ...own.others()] : [];
  const sender = others.find((person) => person.email && !isOwner(owner, person));
  return sender ? { sender, others } : undefined;
}

export type ThreadField = 'fullName' | 'email' | 'subject' | 'threadId';

export interface ThreadParts {
  sender: Mailbox;
  subject?: string | undefined;
  threadId?: string | undefined;
  /** Everyone else the message shows; the sender is put first and duplicates dropped. */
  others?: readonly Mailbox[];
}

// The contract's schema limits (model/page-contact.ts); a page can hold anything.
const MAX_LENGTH: Record<ThreadField, number> = { fullName: 200, email: 320, subject: 500, threadId: 400 };
const MAX_PARTICIPANTS = 100;

/**
 * The PageContact of an open email thread, or null when its sender shows neither a name nor an
 * address. Fields come from the markup unless `sources` says otherwise; a thread id from the URL.
 */
export function threadContact(site: Site, parts: ThreadParts, sources: Partial<Record<ThreadField, Confidence>> = {}): PageContact | null {
  const contact: PageContact = { site, kind: 'email-thread' };
  const confidence: Record<string, Confidence> = {};
  const put = (field: ThreadField, value: string | undefined, fallback: Confidence): void => {
    const text = cleanText(value);
    if (!text) return;
    contact[field] = text.slice(0, MAX_LENGTH[field]);
    confidence[field] = sources[field] ?? fallback;
  };
  put('fullName', displayName(parts.sender.name), 'markup');
  put('email', parts.sender.email && isEmail(parts.sender.email) ? parts.sender.email : undefined, 'markup');
  if (contact.fullName === undefined && contact.email === undefined) return null;
  put('subject', parts.subject, 'markup');
  put('threadId', parts.threadId, 'url');

  const participants: Participant[] = [];
  const seen = new Set<string>();
  for (const { name, email } of [parts.sender, ...(parts.others ?? [])]) {
    const key = emailKey(email);
    if (!email || !key || seen.has(key) || participants.length >= MAX_PARTICIPANTS) continue;
    seen.add(key);
    const shown = displayName(name)?.slice(0, MAX_LENGTH.fullName);
    participants.push(shown ? { name: shown, email: email.trim() } : { email: email.trim() });
  }
  // Only worth sending when it says more than the sender alone.
  if (participants.length > (contact.email ? 1 : 0)) contact.participants = participants;
  contact.confidence = confidence;
  return contact;
}

/** The first element matching one of the selectors, tried in order. */
export function firstOf(root: Document | Element, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const found = queryAll(root, selector)[0];
    if (found) return found;
  }
  return undefined;
}

function isUnseen(el: Element): boolean {
  return el.closest(SELECTORS.unseen) !== null || INVISIBLE_STYLE.test(el.getAttribute('style') ?? '');
}

/** The first address in the visible text under `root` that `accept`s, with the element whose text holds it. */
function firstAddressInText(root: Element, accept: (mailbox: Mailbox) => boolean): { holder: Element; mailbox: Mailbox } | undefined {
  const visit = (el: Element): { holder: Element; mailbox: Mailbox } | undefined => {
    if (NOT_TEXT.has(el.tagName.toUpperCase()) || isUnseen(el)) return undefined;
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 1) {
        const found = visit(child as Element);
        if (found) return found;
      } else if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        let from = 0;
        for (const match of text.matchAll(ADDRESSES)) {
          const end = (match.index ?? 0) + match[0].length + 1; // with the closing ">" of "Name <address>"
          const mailbox = { email: addressIn(match[0]), name: nameBeforeAddress(from === 0 ? text : text.slice(from, end)) };
          from = end;
          if (mailbox.email && accept(mailbox)) return { holder: el, mailbox };
        }
      }
    }
    return undefined;
  };
  return visit(root);
}

/** The h1/h2 closest to the sender: the first one inside the smallest ancestor that has one. */
function nearestHeading(from: Element, area: Element): string | undefined {
  for (let node: Element | null = from; node; node = node === area ? null : node.parentElement) {
    const heading = queryAll(node, SELECTORS.subjectHeading).find((candidate) => !candidate.contains(from) && !isUnseen(candidate));
    const text = textOf(heading);
    if (text) return text;
  }
  return undefined;
}

/** The signed-in account: an address among the title's parts, or in the top bar outside the reading area. */
function ownerOf(doc: Document, area: Element): AccountOwner {
  const banners = queryAll(doc, SELECTORS.banner).filter((banner) => !area.contains(banner) && !banner.contains(area));
  return accountOwner([...addressesInTitle(doc.title), ...mailboxesIn(banners).map((mailbox) => mailbox.email)]);
}

function extract(_url: URL, doc: Document): PageContact | null {
  const area = firstOf(doc, SELECTORS.readingArea) ?? doc.body;
  if (!area) return null;
  // A message the rep sent shows their own address first: the first one that is someone else's.
  const owner = ownerOf(doc, area);
  const someoneElse = (mailbox: Mailbox): boolean => !isOwner(owner, mailbox);
  const link = queryAll(area, SELECTORS.mailtoLink).find((candidate) => {
    const carried = !isUnseen(candidate) && carriedMailbox(candidate);
    return carried && someoneElse(mailboxOf(candidate));
  });
  const found = link ? { holder: link, mailbox: mailboxOf(link) } : firstAddressInText(area, someoneElse);
  if (!found) return null;
  // Nothing proves this address is the sender's: every field is a guess.
  return threadContact(
    'webmail',
    { sender: found.mailbox, subject: nearestHeading(found.holder, area) },
    { fullName: 'guess', email: 'guess', subject: 'guess' },
  );
}

export const genericWebmailAdapter: SiteAdapter = {
  site: 'webmail',
  // Only runs on a domain the user enabled; any secure page of it may show a message.
  matches: (url) => url.protocol === 'https:',
  extract,
  // Nothing in an unknown webmail ties the markup to the URL.
  confirmsIdentity: () => false,
};
