import { db } from '../db/instance';
import { refreshBadge } from './badge';
import { captureFromClick } from './capture';

/** Only in the e2e build (RELANCE_TEST_HOOKS): lets Playwright replay what it cannot click. */
export function installBackgroundTestHooks(): void {
  Object.assign(globalThis, {
    __relanceTest: {
      db,
      refreshBadge: () => refreshBadge(db),
      capture: (click: Parameters<typeof captureFromClick>[1]) => captureFromClick(db, click),
    },
  });
}
