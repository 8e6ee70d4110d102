import { fromContentScript, fromExtensionPage, type WebmailDomainMessage } from '../messaging/protocol';
import { classifySender, type SenderLike, webmailHostOf } from '../messaging/senders';
import type { PageContact } from '../model/page-contact';
import { sitesAllowedToReport } from '../sites/site-permissions';
import { activeWebmailHosts, applyWebmailDomainChange } from './webmail-domains';

export interface RouterHandlers {
  onPageContact(tabId: number, url: string, contact: PageContact | null): Promise<void>;
  onDataChanged(): Promise<void>;
  onDropped(reason: string): void;
}

/** The self-hosted webmail domains, as the router needs them (the worker's storage and permissions by default). */
export interface WebmailRouting {
  /** Host names whose content scripts speak as 'webmail': enabled and still granted. */
  activeHosts(): Promise<ReadonlySet<string>>;
  /** The options page enabled (after Chrome's prompt) or disabled a domain. */
  onDomainChange(message: WebmailDomainMessage): Promise<void>;
}

const workerWebmailRouting: WebmailRouting = { activeHosts: activeWebmailHosts, onDomainChange: applyWebmailDomainChange };
const NO_HOSTS: ReadonlySet<string> = new Set();

/**
 * Every runtime message goes through here: the sender is classified first, then the
 * message is parsed by the schema of what that kind of sender may say. Anything else is
 * dropped and counted, never acted upon.
 */
export function createMessageRouter(
  extension: { id: string; origin: string },
  handlers: RouterHandlers,
  webmail: WebmailRouting = workerWebmailRouting,
) {
  return async (message: unknown, sender: SenderLike): Promise<void> => {
    // Only a sender that could be on a webmail domain costs a look at the enabled ones.
    const mayBeWebmail = sender.id === extension.id && webmailHostOf(sender.url ?? '') !== undefined;
    const from = classifySender(sender, extension, mayBeWebmail ? await webmail.activeHosts() : NO_HOSTS);
    if (from.kind === 'rejected') return handlers.onDropped(from.reason);
    if (from.kind === 'content-script') {
      const parsed = fromContentScript.safeParse(message);
      if (!parsed.success) return handlers.onDropped('malformed content message');
      const { contact, url } = parsed.data;
      // A content script speaks only for its own site and its own tab's URL.
      if (contact && !sitesAllowedToReport(from.site).includes(contact.site)) {
        return handlers.onDropped('site mismatch');
      }
      if (url !== from.url && new URL(url, from.url).origin !== new URL(from.url).origin) {
        return handlers.onDropped('url mismatch');
      }
      return handlers.onPageContact(from.tabId, url, contact);
    }
    const parsed = fromExtensionPage.safeParse(message);
    if (!parsed.success) return handlers.onDropped('malformed page message');
    switch (parsed.data.type) {
      case 'page:data-changed':
        return handlers.onDataChanged();
      case 'page:webmail-domain':
        return webmail.onDomainChange(parsed.data);
    }
  };
}
