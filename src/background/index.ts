import { browser } from 'wxt/browser';
import { openSidePanel } from '../browser/side-panel';
import { db } from '../db/instance';
import { seedExampleOffer } from '../db/offers';
import { getSettings } from '../db/repository';
import { messages, resolveLang } from '../i18n';
import { webmailHostOf } from '../messaging/senders';
import { siteForUrl } from '../sites/hosts';
import { clearTabContext, writeTabContext } from '../storage/tab-context';
import { refreshBadge } from './badge';
import { CAPTURE_MENU_ID, captureFromClick } from './capture';
import { announceDueRelances, DUE_NOTIFICATION_ID, nextTickAt, openRelanceList } from './reminders';
import { createMessageRouter } from './router';
import { activeWebmailHosts, startWebmailDomains } from './webmail-domains';

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
      // A relance set for later today may now be the next thing to wake for.
      void scheduleTick();
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
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    void forgetContextOnLeavingReadSites(tabId, change, tab).catch(() => undefined);
  });
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

// Start, wake and writes all re-arm the one alarm: in turn, so the last data read sets it.
let ticking: Promise<void> = Promise.resolve();

/** Wakes at the next local midnight, the next relance time today, or in 30 minutes (nextWakeAt). */
function scheduleTick(): Promise<void> {
  ticking = ticking
    .then(async () => browser.alarms.create(TICK_ALARM, { when: await nextTickAt(db) }))
    .catch((error: unknown) => console.warn('Relance: tick not scheduled', error));
  return ticking;
}

/**
 * A tab's context is written only by a content script, so a tab leaving the sites where one
 * runs would keep showing (and capturing) the last person seen there. Without the `tabs`
 * permission, Chrome shows a tab's URL only on hosts the extension holds, and those are the
 * ones its content scripts run on: an update with no URL to see is a page no content script
 * reads. A top-level navigation always fires a 'loading' update, URL or not; within read
 * sites (one LinkedIn profile to another) the context is kept and the content script reports.
 */
export async function forgetContextOnLeavingReadSites(
  tabId: number,
  change: { status?: string; url?: string },
  tab: { url?: string },
): Promise<void> {
  if (change.status !== 'loading' && change.url === undefined) return;
  const url = change.url ?? tab.url;
  if (url !== undefined && (await contentScriptsRunOn(url))) return;
  await clearTabContext(tabId);
}

/** The origins whose content scripts the router listens to: built-in sites and the enabled webmails. */
async function contentScriptsRunOn(url: string): Promise<boolean> {
  if (siteForUrl(url)) return true;
  const webmailHost = webmailHostOf(url);
  return webmailHost !== undefined && (await activeWebmailHosts()).has(webmailHost);
}
