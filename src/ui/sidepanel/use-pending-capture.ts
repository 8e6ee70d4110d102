import { useEffect, useState } from 'react';
import { type PendingCapture, readPendingCapture, watchPendingCapture } from '../../storage/pending-capture';

/** The lead waiting to be checked on this tab, live. */
export function usePendingCapture(tabId: number | undefined): PendingCapture | null {
  const [capture, setCapture] = useState<PendingCapture | null>(null);
  useEffect(() => {
    if (tabId === undefined) return;
    setCapture(null);
    const unwatch = watchPendingCapture(tabId, setCapture);
    void readPendingCapture(tabId).then(setCapture);
    return unwatch;
  }, [tabId]);
  return capture;
}
