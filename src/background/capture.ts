import { browser } from 'wxt/browser';
import { type CaptureClick, contactFromClick } from '../capture/parse-click';
import type { RelanceDatabase } from '../db/database';
import { addProspectFromContact, getSettings } from '../db/repository';
import { messages, resolveLang } from '../i18n';

export const CAPTURE_MENU_ID = 'capture-lead';

export type CaptureOutcome = { kind: 'created' | 'existing'; prospectId: string; name: string; added: string[] } | { kind: 'nothing' };

/** Saves the lead a menu click names, then tells the rep. Never depends on the panel opening. */
export async function captureFromClick(db: RelanceDatabase, click: CaptureClick): Promise<CaptureOutcome> {
  const t = messages(resolveLang((await getSettings(db)).language, browser.i18n.getUILanguage()));
  const parsed = contactFromClick(click);
  if (!parsed) {
    await notify(t.appName, t.captureNothing);
    return { kind: 'nothing' };
  }
  const { prospect, created, added } = await addProspectFromContact(db, parsed.contact, parsed.source);
  const name = prospect.fullName;
  const message = created ? t.captureCreated(name) : added.length > 0 ? t.captureEnriched(name, added.join(', ')) : t.captureExisting(name);
  await notify(t.appName, message);
  return { kind: created ? 'created' : 'existing', prospectId: prospect.id, name, added };
}

async function notify(title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
  } catch {
    // Notifications can be disabled by the user or the OS; the capture itself is saved.
  }
}
