import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import type { DataChangedMessage } from '../messaging/protocol';

/**
 * The worker may be asleep when a page writes: tell it, so the badge follows the data.
 * Dexie raises `storagemutated` for this page's own writes too; bursts become one message.
 */
export function notifyBackgroundOnWrites(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  Dexie.on('storagemutated', () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      const message: DataChangedMessage = { type: 'page:data-changed' };
      browser.runtime.sendMessage(message).catch(() => undefined);
    }, 50);
  });
}
