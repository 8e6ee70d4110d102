import { useEffect, useState } from 'react';
import { readTabContext, type TabContext, watchTabContext } from '../../storage/tab-context';

/** The followed tab's recognised page, live: the background rewrites it on every SPA navigation. */
export function useTabContext(tabId: number | undefined): { context: TabContext | null; loaded: boolean } {
  const [state, setState] = useState<{ tabId?: number; context: TabContext | null; loaded: boolean }>({
    context: null,
    loaded: false,
  });
  useEffect(() => {
    if (tabId === undefined) return;
    let current = true;
    const unwatch = watchTabContext(tabId, (context) => setState({ tabId, context, loaded: true }));
    void readTabContext(tabId).then((context) => {
      if (current) setState((prev) => (prev.tabId === tabId && prev.loaded ? prev : { tabId, context, loaded: true }));
    });
    return () => {
      current = false;
      unwatch();
    };
  }, [tabId]);
  return state.tabId === tabId ? state : { context: null, loaded: false };
}
