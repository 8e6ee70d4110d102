import { isEmail } from '../matching/keys';
import { canonicalLinkedinUrl } from '../matching/linkedin-url';
import type { PageContact } from '../model/page-contact';

/** The parts of a context-menu click that capture reads (Chrome's OnClickData). */
export interface CaptureClick {
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
  pageUrl?: string;
}

export type CaptureSource = 'capture-link' | 'capture-selection';

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const LINKEDIN_IN_TEXT = /(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/in\/[^\s/?#]+/i;

/** What a click on "Capture as lead" names, or null when it names nobody. */
export function contactFromClick(click: CaptureClick): { contact: PageContact; source: CaptureSource } | null {
  if (click.linkUrl) {
    const fromLink = contactFromLink(click.linkUrl, click.linkText);
    if (fromLink) return { contact: fromLink, source: 'capture-link' };
  }
  if (click.selectionText) {
    const fromSelection = contactFromSelection(click.selectionText);
    if (fromSelection) return { contact: fromSelection, source: 'capture-selection' };
  }
  return null;
}

export function contactFromLink(href: string, linkText?: string): PageContact | null {
  const linkedinUrl = canonicalLinkedinUrl(href);
  const name = cleanName(linkText);
  if (linkedinUrl) {
    return { site: 'linkedin', kind: 'person', linkedinUrl, ...(name ? { fullName: name } : {}) };
  }
  if (href.toLowerCase().startsWith('mailto:')) {
    let address = '';
    try {
      address = decodeURIComponent(href.slice('mailto:'.length).split('?')[0] ?? '').trim();
    } catch {
      return null;
    }
    const first = address.split(',')[0]?.trim() ?? '';
    if (!isEmail(first)) return null;
    const displayName = name && !isEmail(name) ? name : undefined;
    return { site: 'webmail', kind: 'person', email: first, ...(displayName ? { fullName: displayName } : {}) };
  }
  return null;
}

/** A selection holding an email (or a LinkedIn URL), with the name written before it when there is one. */
export function contactFromSelection(text: string): PageContact | null {
  const flat = text.replace(/\s+/g, ' ').trim().slice(0, 5000);
  const email = flat.match(EMAIL_IN_TEXT)?.[0];
  const linkedinUrl = canonicalLinkedinUrl(flat.match(LINKEDIN_IN_TEXT)?.[0] ?? '');
  if (!email && !linkedinUrl) return null;
  const fullName = nameBefore(flat, email);
  return {
    site: 'webmail',
    kind: 'person',
    ...(fullName ? { fullName } : {}),
    ...(email ? { email } : {}),
    ...(linkedinUrl ? { linkedinUrl } : {}),
  };
}

/** "Jeanne Dupont <jeanne@acme.fr>" or "…, Jeanne Dupont – jeanne@acme.fr": two to four capitalised words. */
function nameBefore(flat: string, email: string | undefined): string | undefined {
  const before = email ? flat.slice(0, flat.indexOf(email)) : flat;
  const segment = before
    .split(/\s[-–—]\s|[<>(),;:|–—\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  const words = segment?.split(' ') ?? [];
  const tail: string[] = [];
  for (let i = words.length - 1; i >= 0 && tail.length < 4; i--) {
    const word = words[i] ?? '';
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(word)) break;
    tail.unshift(word);
  }
  return tail.length >= 2 ? tail.join(' ') : undefined;
}

function cleanName(text: string | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  return cleaned && cleaned.length <= 200 ? cleaned : undefined;
}
