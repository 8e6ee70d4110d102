import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/**
 * Opens the panel on a tab (or a window). Chrome refuses without a user gesture, Firefox
 * calls it a sidebar: callers never depend on it succeeding.
 */
export async function openSidePanel(target: { id?: number; windowId?: number }): Promise<boolean> {
  try {
    const chromePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
    if (chromePanel && (target.id !== undefined || target.windowId !== undefined)) {
      await chromePanel.open(target.id !== undefined ? { tabId: target.id } : { windowId: target.windowId });
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
