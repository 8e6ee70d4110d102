import { emailKey, isEmail } from '../matching/keys';
import type { Confidence, PageContact, Participant } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { cleanText, queryAll, textOf } from './dom-text';

/**
 * Every hook this adapter reads. Gmail's Closure class names have held since 2016; addresses
 * and names are read from attributes only, since texts are localised ("me", "moi", "我").
 * Sources: /work/shared/fixtures/SELECTORS.md ([F] = seen in real markup, [C] = other projects' code).
 */
export const GMAIL_SELECTORS = {
  /** The view pane: list or conversation; the Google bar, labels and chat sit outside it [F 2016, 2019, 2025]. */
  main: '[role="main"]',
  /** Messages of the open conversation: expanded `.adn`, collapsed `.adf` [F 2016, 2019, 2025]. */
  message: '[role="main"] .adn, [role="main"] .adf',
  /** Subject heading, carrying the thread ids (2018+) [C InboxSDK]. */
  subject: '[role="main"] h2.hP',
  /** Message items' own hex ids (2018+) [C InboxSDK; F 2025 reconstructed]. */
  legacyMessageId: '[role="main"] [data-legacy-message-id]',
  /** A message's sender: `span.gD[email][name]` [F]; header cells as fallback [C InboxSDK]. */
  sender: '.gD, h3.iw [email], td.gF [email]',
  /** A message's recipients: `.hb > span.g2` [F 2016, 2025], `.g2` also in the details table. */
  recipient: '.g2, .hb [email], .hb [data-hovercard-id]',
  /**
   * Not Gmail's live UI: message bodies (mail content may imitate Gmail's markup) and views Gmail
   * keeps around hidden with inline styles (the previously opened thread).
   */
  notUi: '.a3s, [style*="display: none"], [style*="display:none"]',
  /** Google bar account button, "Google Account: Name (address)" with a localised prefix [C]. */
  accountButton: 'a[href*="accounts.google.com/SignOutOptions"][aria-label*="@"]',
  /** Classic "click here to reply" stub, which shows the user's own avatar [F 2016]. */
  replyAvatar: '.amq img[jid]',
} as const;

// How Gmail labels the account owner in headers when it names them at all (name="我" [F 2016]).
const ME_WORDS = new Set(['me', 'moi', 'ich', 'yo', 'io', 'eu', 'ik', 'я', '我', '自分', '나']);
// Views whose hash carries an argument before the thread token: #label/<name>/<token>.
const VIEWS_WITH_ARGUMENT = new Set(['label', 'search', 'category', 'advanced-search']);
// A legacy hex id (older threads have fewer than 16 digits) or an opaque FMfcgz… token; not "p2" pages.
const THREAD_TOKEN = /^[\w-]{10,}$/;
const HEX = /^[0-9a-f]+$/i;
const ACCOUNT_IN_LABEL = /\(([^()\s]+@[^()\s]+)\)/;

interface Message {
  from?: Participant;
  to: Participant[];
}

interface OpenThread {
  heading?: Element;
  messages: Message[];
}

const isGmailApp = (url: URL): boolean => url.protocol === 'https:' && url.host === 'mail.google.com' && url.pathname.startsWith('/mail/');

/** The thread token of `#inbox/<token>`, `#label/<name>/<token>`…; undefined on list views. */
export function threadTokenOf(url: URL): string | undefined {
  const [view = '', ...rest] = (url.hash.slice(1).split('?')[0] ?? '').split('/');
  const token = rest[rest.length - 1];
  return rest.length === (VIEWS_WITH_ARGUMENT.has(view) ? 2 : 1) && token && THREAD_TOKEN.test(token) ? token : undefined;
}

/** A person out of a header element: address from `email` / `data-hovercard-id`, name from `name`. */
function participantOf(el: Element | undefined): Participant | undefined {
  const email = cleanText(el?.getAttribute('email') || el?.getAttribute('data-hovercard-id'));
  // 320: the contract's limit (and the longest valid address); a longer one is not an address.
  if (!el || !email || email.length > 320 || !isEmail(email)) return undefined;
  const name = cleanText(el.getAttribute('name'))?.slice(0, 200);
  return name && !isEmail(name) ? { name, email } : { email };
}

const isUi = (el: Element): boolean => !el.closest(GMAIL_SELECTORS.notUi);

/** The conversation shown in the main view, or null on list views (decided from the DOM, not the URL). */
function openThread(doc: Document): OpenThread | null {
  const heading = queryAll(doc, GMAIL_SELECTORS.subject).find(isUi);
  const messages = queryAll(doc, GMAIL_SELECTORS.message)
    .filter(isUi)
    .map((item) => ({
      from: participantOf(queryAll(item, GMAIL_SELECTORS.sender).find(isUi)),
      to: queryAll(item, GMAIL_SELECTORS.recipient)
        .filter(isUi)
        .map(participantOf)
        .filter((person) => person !== undefined),
    }));
  return heading || messages.length > 0 ? { heading, messages } : null;
}

/**
 * The account owner's addresses (lower-cased): the title ("Inbox (3) - jeanne@acme.fr - Gmail",
 * "Subject - jeanne@acme.fr - Acme Mail"), the account button, the 2016 reply avatar, and any
 * address Gmail labels "me" in the thread. Empty when unknown: then nobody is the user.
 */
export function userAddresses(doc: Document, messages: readonly Message[] = openThread(doc)?.messages ?? []): Set<string> {
  const found = new Set<string>();
  const add = (value: string | null | undefined): void => {
    const key = emailKey(value);
    if (key) found.add(key);
  };
  add(doc.title.split(' - ').reverse().find(isEmail));
  for (const button of queryAll(doc, GMAIL_SELECTORS.accountButton))
    add(ACCOUNT_IN_LABEL.exec(button.getAttribute('aria-label') ?? '')?.[1]);
  for (const avatar of queryAll(doc, GMAIL_SELECTORS.replyAvatar)) add(avatar.getAttribute('jid'));
  for (const { from, to } of messages) {
    for (const person of [from, ...to]) if (person?.name && ME_WORDS.has(person.name.toLowerCase())) add(person.email);
  }
  return found;
}

function extract(url: URL, doc: Document): PageContact | null {
  const thread = isGmailApp(url) ? openThread(doc) : null;
  if (!thread) return null;
  const users = userAddresses(doc, thread.messages);
  const outside = (person: Participant | undefined): person is Participant => !!person?.email && !users.has(person.email.toLowerCase());

  // The latest message someone else wrote; when the user wrote them all, whom they last wrote to.
  const latest = [...thread.messages].reverse();
  const person = latest.find((message) => outside(message.from))?.from ?? latest.flatMap((message) => message.to).find(outside);
  if (!person) return null;

  const contact: PageContact = { site: 'gmail', kind: 'email-thread' };
  const confidence: Record<string, Confidence> = {};
  if (person.name) contact.fullName = person.name;
  contact.email = person.email;
  const subject = textOf(thread.heading)?.slice(0, 500);
  if (subject) contact.subject = subject;
  const domThreadId = thread.heading?.getAttribute('data-legacy-thread-id') || thread.heading?.getAttribute('data-thread-perm-id');
  const threadId = (cleanText(domThreadId) ?? threadTokenOf(url))?.slice(0, 400);
  if (threadId) {
    contact.threadId = threadId;
    confidence.threadId = domThreadId ? 'data' : 'url';
  }

  // Each address once (first name seen wins), in the order the conversation shows them.
  const participants = new Map<string, Participant>();
  for (const participant of thread.messages.flatMap(({ from, to }) => [from, ...to])) {
    const key = participant?.email?.toLowerCase();
    if (key && outside(participant) && !participants.has(key)) participants.set(key, participant);
  }
  contact.participants = [...participants.values()].slice(0, 100);
  for (const field of ['fullName', 'email', 'subject', 'participants'] as const) if (contact[field]) confidence[field] = 'markup';
  contact.confidence = confidence;
  return contact;
}

/**
 * A legacy hex token in the URL must name the open thread (or one of its messages: old links
 * point at a message). Opaque FMfcgz… tokens (the usual case since 2018) equal no DOM id: then
 * an open thread is all the markup can vouch for, so this cannot tell a stale thread apart.
 */
function confirmsIdentity(url: URL, doc: Document): boolean {
  const thread = isGmailApp(url) ? openThread(doc) : null;
  if (!thread) return false;
  const token = threadTokenOf(url)?.toLowerCase();
  const threadId = thread.heading?.getAttribute('data-legacy-thread-id');
  if (!token || !threadId || !HEX.test(token)) return true;
  const messageIds = queryAll(doc, GMAIL_SELECTORS.legacyMessageId)
    .filter(isUi)
    .map((item) => item.getAttribute('data-legacy-message-id'));
  return [threadId, ...messageIds].some((id) => id?.toLowerCase() === token);
}

/** A conversation shows in the view pane, under a thread URL; list views show no one. */
function watchRegion(url: URL, doc: Document): Element | null {
  if (!isGmailApp(url) || !threadTokenOf(url)) return null;
  return doc.querySelector(GMAIL_SELECTORS.main) ?? doc.documentElement;
}

export const gmailAdapter: SiteAdapter = { site: 'gmail', matches: isGmailApp, extract, confirmsIdentity, watchRegion };
