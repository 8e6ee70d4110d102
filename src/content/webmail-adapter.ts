import type { SiteAdapter } from '../sites/adapter';
import { ANY_HOST_ADAPTERS } from '../sites/registry';
import { roundcubeAdapter } from '../sites/roundcube';
import { zimbraAdapter } from '../sites/zimbra';

/*
 * What the webmail content script reads on a domain the rep enabled. The any-host adapters
 * all match any https URL (the markup decides), so they are tried in turn until one finds
 * someone: `firstMatching` would stop at the first URL match and never reach the fallback.
 */

/** Roundcube routes every page by `?_task=`: such a page is Roundcube's even when it shows no message. */
const isRoundcubeUrl = (url: URL): boolean => url.searchParams.has('_task');
/** Zimbra's application shell, classic (its Dwt toolkit) or Modern UI (CSS-module class names). */
const ZIMBRA_SHELL = '.DwtShell, [class*="zimbra-client_"]';

/**
 * The adapters allowed to read a top-level page. A known webmail's page that shows no message
 * (its mailbox list) must read as nobody: the generic fallback would pick any address listed.
 */
function topFrameCandidates(url: URL, doc: Document): readonly SiteAdapter[] {
  const adapters = isRoundcubeUrl(url) ? [roundcubeAdapter] : doc.querySelector(ZIMBRA_SHELL) ? [zimbraAdapter] : ANY_HOST_ADAPTERS;
  return adapters.filter((adapter) => adapter.matches(url));
}

/** The first candidate that finds someone on the page, and what it found. */
function firstReading(url: URL, doc: Document) {
  for (const adapter of topFrameCandidates(url, doc)) {
    const contact = adapter.extract(url, doc);
    if (contact) return { adapter, contact };
  }
  return undefined;
}

const anyHostAdapter: SiteAdapter = {
  site: 'webmail',
  matches: (url) => ANY_HOST_ADAPTERS.some((adapter) => adapter.matches(url)),
  extract: (url, doc) => firstReading(url, doc)?.contact ?? null,
  // Only the adapter that read the page can vouch for it.
  confirmsIdentity: (url, doc) => firstReading(url, doc)?.adapter.confirmsIdentity(url, doc) ?? false,
  liveRegion: (doc) => firstReading(new URL(doc.location?.href ?? 'about:blank'), doc)?.adapter.liveRegion?.(doc) ?? null,
};

/**
 * The adapter for a frame of an enabled webmail domain, or null when the frame has nothing to
 * say. A sub-frame speaks only when it is Roundcube's message preview: any other frame (a
 * message body, an editor, an ad) would overwrite what the top frame reported.
 */
export function webmailAdapterFor(frame: 'top' | 'sub', url: URL): SiteAdapter | null {
  if (frame === 'top') return anyHostAdapter;
  return roundcubeAdapter.matches(url) ? roundcubeAdapter : null;
}
