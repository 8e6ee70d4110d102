import { browser } from 'wxt/browser';

/**
 * Opens the panel on a tab. Chrome refuses without a user gesture, Firefox names it a
 * sidebar: callers never depend on it succeeding.
 */
export async function openSidePanel(tab: { id?: number; windowId?: number }): Promise<boolean> {
  try {
    const chromePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } } })
      .chrome?.sidePanel;
    if (chromePanel && tab.id !== undefined) {
      await chromePanel.open({ tabId: tab.id });
      return true;
    }
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) {
      await sidebar.open();
      return true;
    }
  } catch {
    // No user gesture (a replayed click) or no panel support: the data is saved anyway.
  }
  return false;
}
