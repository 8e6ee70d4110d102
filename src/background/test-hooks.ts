import { db } from '../db/instance';
import { saveSettings, seedDemoData } from '../db/repository';
import type { Language } from '../model';
import { todayIso } from '../process';
import { refreshBadge } from './badge';
import { captureFromClick } from './capture';
import { announceDueRelances } from './reminders';

/** Only in the e2e build (RELANCE_TEST_HOOKS): lets Playwright and the demo seed and replay. */
export function installBackgroundTestHooks(): void {
  Object.assign(globalThis, {
    __relanceTest: {
      db,
      refreshBadge: () => refreshBadge(db),
      announceDueRelances: () => announceDueRelances(db),
      capture: (click: Parameters<typeof captureFromClick>[1], tab?: { id?: number }) => captureFromClick(db, click, tab),
      seedDemo: async () => {
        const summary = await seedDemoData(db, todayIso());
        await refreshBadge(db);
        return summary;
      },
      setLanguage: (language: Language) => saveSettings(db, { language }),
      saveSettings: (patch: Parameters<typeof saveSettings>[1]) => saveSettings(db, patch),
    },
  });
}
