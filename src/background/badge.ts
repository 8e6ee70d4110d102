import { browser } from 'wxt/browser';
import type { RelanceDatabase } from '../db/database';
import { countDueRelances, getSettings } from '../db/repository';
import { messages, resolveLang } from '../i18n';
import { todayIso } from '../process';

const OVERDUE_COLOUR = '#dc2626';
const DUE_COLOUR = '#2563eb';

/** The badge always says what IndexedDB says: recounted from the index on every call. */
export async function refreshBadge(db: RelanceDatabase, now = new Date()): Promise<number> {
  const { due, overdue } = await countDueRelances(db, todayIso(now));
  const settings = await getSettings(db);
  const t = messages(resolveLang(settings.language, browser.i18n.getUILanguage()));
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text: due > 0 ? String(due) : '' });
  await action.setBadgeBackgroundColor({ color: overdue > 0 ? OVERDUE_COLOUR : DUE_COLOUR });
  await action.setTitle({ title: due > 0 ? t.badgeTitle(due) : browser.i18n.getMessage('actionTitle') });
  return due;
}
