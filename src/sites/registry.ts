import type { PageContact } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { gmailAdapter } from './gmail';
import { linkedinAdapter } from './linkedin';
import { salesNavAdapter } from './salesnav';

/**
 * Every site adapter, tried in order; the first whose URL predicate matches reads the page.
 * Content scripts that serve a single site should import their adapter directly instead,
 * to keep the other sites' code out of their bundle.
 */
export const ADAPTERS: SiteAdapter[] = [linkedinAdapter, salesNavAdapter, gmailAdapter];

/** The contact the page shows, read by the adapter of its site; null for unknown sites or bad URLs. */
export function recognize(url: string, doc: Document): PageContact | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const adapter = ADAPTERS.find((candidate) => candidate.matches(parsed));
  return adapter ? adapter.extract(parsed, doc) : null;
}
