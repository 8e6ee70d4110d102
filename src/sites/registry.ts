import type { PageContact } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { genericWebmailAdapter } from './generic-webmail';
import { gmailAdapter } from './gmail';
import { siteForUrl } from './hosts';
import { linkedinAdapter } from './linkedin';
import { linkedinCompanyAdapter } from './linkedin-company';
import { outlookAdapter } from './outlook';
import { protonAdapter } from './proton';
import { roundcubeAdapter } from './roundcube';
import { salesNavAdapter } from './salesnav';
import { yahooAdapter } from './yahoo';
import { zimbraAdapter } from './zimbra';

/** Adapters for self-hosted webmails: any host, recognised by their markup alone. */
export const ANY_HOST_ADAPTERS: SiteAdapter[] = [roundcubeAdapter, zimbraAdapter, genericWebmailAdapter];

/**
 * Every site adapter, built-in sites first. Content scripts that serve a single site should
 * import their adapter directly instead, to keep the other sites' code out of their bundle.
 */
export const ADAPTERS: SiteAdapter[] = [
  linkedinAdapter,
  salesNavAdapter,
  linkedinCompanyAdapter,
  gmailAdapter,
  outlookAdapter,
  yahooAdapter,
  protonAdapter,
  ...ANY_HOST_ADAPTERS,
];

/**
 * The contact the page shows: the first adapter whose URL predicate matches and that finds
 * someone. On a built-in site's host only that site's adapters read the page (a LinkedIn
 * feed is not a webmail); null for bad URLs or when nobody is found.
 */
export function recognize(url: string, doc: Document): PageContact | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const candidates = siteForUrl(parsed.href) ? ADAPTERS.filter((adapter) => !ANY_HOST_ADAPTERS.includes(adapter)) : ADAPTERS;
  for (const adapter of candidates) {
    if (!adapter.matches(parsed)) continue;
    const contact = adapter.extract(parsed, doc);
    if (contact) return contact;
  }
  return null;
}
