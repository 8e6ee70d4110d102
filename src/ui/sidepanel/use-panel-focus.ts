import { useEffect, useState } from 'react';
import { type PanelFocus, readPanelFocus, watchPanelFocus } from '../../storage/panel-focus';

/** The prospect the popup asked the panel to show, if any (live). */
export function usePanelFocus(): PanelFocus | null {
  const [focus, setFocus] = useState<PanelFocus | null>(null);
  useEffect(() => {
    const unwatch = watchPanelFocus(setFocus);
    void readPanelFocus().then(setFocus);
    return unwatch;
  }, []);
  return focus;
}
