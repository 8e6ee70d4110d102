import { fromContentScript, fromExtensionPage } from '../messaging/protocol';
import { classifySender, type SenderLike } from '../messaging/senders';
import { sitesAllowedToReport } from '../sites/site-permissions';

export interface RouterHandlers {
  onPageContact(tabId: number, url: string, contact: import('../model/page-contact').PageContact | null): Promise<void>;
  onDataChanged(): Promise<void>;
  onDropped(reason: string): void;
}

/**
 * Every runtime message goes through here: the sender is classified first, then the
 * message is parsed by the schema of what that kind of sender may say. Anything else is
 * dropped and counted, never acted upon.
 */
export function createMessageRouter(extension: { id: string; origin: string }, handlers: RouterHandlers) {
  return async (message: unknown, sender: SenderLike): Promise<void> => {
    const from = classifySender(sender, extension);
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
    return handlers.onDataChanged();
  };
}
