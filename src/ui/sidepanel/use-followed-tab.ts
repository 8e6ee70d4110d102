import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The tab whose page the panel describes: the `?tabId=` one when given (tests, "open in a
 * window"), else the active tab of this window, followed as the rep switches tabs.
 */
export function useFollowedTab(): number | undefined {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  const [tabId, setTabId] = useState<number | undefined>(Number.isInteger(pinned) && pinned > 0 ? pinned : undefined);

  useEffect(() => {
    if (Number.isInteger(pinned) && pinned > 0) return;
    let windowId: number | undefined;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, ...(windowId ? { windowId } : { currentWindow: true }) });
      windowId = tab?.windowId;
      setTabId(tab?.id);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);

  return tabId;
}
