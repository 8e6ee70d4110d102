import type { Site } from '../model/page-contact';
import { siteForUrl } from '../sites/hosts';

export { siteForUrl };

/** The only place that decides who sent a runtime message. */
export type SenderClass =
  | { kind: 'extension-page'; url: string }
  | { kind: 'content-script'; site: Site; tabId: number; url: string }
  | { kind: 'rejected'; reason: string };

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

const NO_HOSTS: ReadonlySet<string> = new Set();

/**
 * `webmailHosts`: the self-hosted webmail host names the rep enabled (and granted). A content
 * script there speaks as 'webmail', from any frame: Roundcube shows a message in a preview
 * frame of the mailbox page. On built-in sites only the top frame describes the page.
 */
export function classifySender(
  sender: SenderLike,
  extension: { id: string; origin: string },
  webmailHosts: ReadonlySet<string> = NO_HOSTS,
): SenderClass {
  if (sender.id !== extension.id) return { kind: 'rejected', reason: 'other extension' };
  const url = sender.url ?? '';
  if (url.startsWith(`${extension.origin}/`)) return { kind: 'extension-page', url };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'rejected', reason: 'no tab' };
  const site = siteForUrl(url);
  if (site) {
    if (sender.frameId !== 0) return { kind: 'rejected', reason: 'sub-frame' };
    return { kind: 'content-script', site, tabId, url };
  }
  const webmailHost = webmailHostOf(url);
  if (webmailHost !== undefined && webmailHosts.has(webmailHost)) return { kind: 'content-script', site: 'webmail', tabId, url };
  return { kind: 'rejected', reason: 'unknown site' };
}

/**
 * The host name a webmail content script's URL would be enabled under, or undefined when the
 * URL cannot belong to one (not https, a built-in site). Lets the router skip reading the
 * enabled hosts for every other sender.
 */
export function webmailHostOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // The permission granted is `https://<host>/*`: plain http is not covered.
  if (parsed.protocol !== 'https:' || siteForUrl(parsed.href)) return undefined;
  return parsed.hostname;
}
