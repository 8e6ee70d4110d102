import { isEmail } from '../matching/keys';
import { canonicalLinkedinUrl } from '../matching/linkedin-url';
import type { PageContact } from '../model/page-contact';

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

function cleanName(text: string | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  return cleaned && cleaned.length <= 200 ? cleaned : undefined;
}
