import { useEffect, useState } from 'react';
import { type IsoDate, todayIso } from '../process';

// A second past midnight, so a timer firing a hair early still lands on the new day.
const PAST_MIDNIGHT_MS = 1000;

/**
 * Today's local date for what a page shows (labels, a date picker's minimum). A panel or popup
 * may stay open overnight, so it re-renders at the next local midnight, and when it comes back
 * into view or focus (timers sleep with the computer). What a click writes must still read the
 * clock at the click: `todayIso()` in the handler, not this value.
 */
export function useToday(): IsoDate {
  const [, setDay] = useState(todayIso);

  useEffect(() => {
    const refresh = () => setDay(todayIso());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const armForMidnight = () => {
      const now = new Date();
      const nextMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
      timer = setTimeout(
        () => {
          refresh();
          armForMidnight();
        },
        nextMidnight.getTime() - now.getTime() + PAST_MIDNIGHT_MS,
      );
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    armForMidnight();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', refresh);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', refresh);
    };
  }, []);

  // Read at every render: a render caused by anything else after midnight shows the new day too.
  return todayIso();
}
