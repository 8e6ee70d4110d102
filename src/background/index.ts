import { browser } from 'wxt/browser';
import { openSidePanel } from '../browser/side-panel';
import { db } from '../db/instance';
import { seedExampleOffer } from '../db/offers';
import { getSettings } from '../db/repository';
import { messages, resolveLang } from '../i18n';
import { clearTabContext, writeTabContext } from '../storage/tab-context';
import { refreshBadge } from './badge';
import { CAPTURE_MENU_ID, captureFromClick } from './capture';
import { announceDueRelances, DUE_NOTIFICATION_ID, openRelanceList } from './reminders';
import { createMessageRouter } from './router';
import { startWebmailDomains } from './webmail-domains';

const TICK_ALARM = 'relance-tick';
const DROPPED_KEY = 'stats:dropped-messages';

/** Wires every listener synchronously, as MV3 requires for a worker woken by an event. */
export function startBackground(): void {
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };

  const route = createMessageRouter(extension, {
    async onPageContact(tabId, url, contact) {
      await writeTabContext({ tabId, url, contact, at: Date.now() });
    },
    async onDataChanged() {
      await refreshBadge(db);
    },
    onDropped(reason) {
      void countDropped(reason);
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => {
    // Answer nothing: no message expects a reply, and returning undefined keeps the channel closed.
    void route(message, sender).catch((error: unknown) => console.warn('Relance: message failed', error));
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => void clearTabContext(tabId));
  startWebmailDomains();

  browser.runtime.onInstalled.addListener((details) => {
    void createMenus();
    // A first install gets the example offer, so the proposal stage has something to show.
    if (details.reason === 'install') void seedExampleOffer(db).catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => void createMenus());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CAPTURE_MENU_ID) return;
    // Save first; the panel is a bonus that needs the click's user gesture, so ask now.
    const saving = captureFromClick(db, info, tab);
    if (tab) void openSidePanel(tab);
    void saving.then(() => refreshBadge(db)).catch((error: unknown) => console.warn('Relance: capture failed', error));
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel' && tab) void openSidePanel(tab);
  });

  // Alarms can vanish on browser restart: the one alarm is re-created at every worker start.
  void scheduleTick();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== TICK_ALARM) return;
    void scheduleTick();
    void refreshBadge(db);
    void announceDueRelances(db);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id === DUE_NOTIFICATION_ID) void openRelanceList();
  });
  void refreshBadge(db).catch(() => undefined);
  void announceDueRelances(db).catch(() => undefined);
}

async function createMenus(): Promise<void> {
  const t = messages(resolveLang((await getSettings(db)).language, browser.i18n.getUILanguage()));
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CAPTURE_MENU_ID, title: t.captureMenu, contexts: ['link', 'selection', 'page', 'image'] });
}

// Counts are read-modify-written: a burst of dropped messages is applied one after another.
let droppedCounting: Promise<void> = Promise.resolve();

function countDropped(reason: string): Promise<void> {
  droppedCounting = droppedCounting.then(
    async () => {
      const stored = await browser.storage.session.get(DROPPED_KEY);
      const counts = (stored[DROPPED_KEY] as Record<string, number> | undefined) ?? {};
      counts[reason] = (counts[reason] ?? 0) + 1;
      await browser.storage.session.set({ [DROPPED_KEY]: counts });
    },
    () => undefined,
  );
  return droppedCounting;
}

/** Wakes at the next local midnight (relances fall due) or in 30 minutes, whichever comes first. */
async function scheduleTick(now = new Date()): Promise<void> {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5).getTime();
  await browser.alarms.create(TICK_ALARM, { when: Math.min(midnight, now.getTime() + 30 * 60_000) });
}
