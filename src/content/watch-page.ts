import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageContactMessage } from '../messaging/protocol';
import type { PageContact } from '../model/page-contact';
import type { SiteAdapter } from '../sites/adapter';

/** How long after a navigation the page may still be filling in the person's details. */
const SETTLE_MS = 6000;
/** Mutations come in bursts: read the page at most this often. */
const DEBOUNCE_MS = 80;

/**
 * Reports the page's contact to the background, on load and after every SPA navigation.
 * One observer, filtered to child-list changes, debounced and idle-scheduled, and
 * disconnected once the page has settled: on a quiet page nothing runs at all.
 */
export function watchPage(ctx: ContentScriptContext, adapter: SiteAdapter, send: (message: PageContactMessage) => Promise<unknown>): void {
  let url = new URL(location.href);
  let lastSent = '';
  let lastContact: PageContact | null = null;
  // The person shown before the last navigation: the page may still show them under the new URL.
  let stale: PageContact | null = null;
  // The title when the URL moved on to another person: until the page replaces it, it names the
  // page the rep came from (the feed, the previous profile), whoever that page showed.
  let staleTitle: string | undefined;
  // The previous person as the unchanged page reads without its stale title (the name from their card).
  let staleReading: PageContact | null = null;
  let settleAt = 0;
  let observer: MutationObserver | undefined;
  // Watched after a navigation, until the page settles: the adapter's region, else the whole page.
  let navigationRegion: Element | undefined;
  // Watched once settled, on sites that change the person without changing the URL.
  let observedRegion: Element | undefined;
  let pending = 0;
  // A proof of identity in the markup counts only once the page has changed since the navigation.
  let changedSinceNavigation = true;

  const report = (contact: PageContact | null) => {
    const payload = JSON.stringify(contact);
    if (payload === lastSent) return;
    lastSent = payload;
    lastContact = contact;
    send({ type: 'content:page-contact', url: url.href, contact }).catch(() => {
      // The worker was restarting: forget what was sent so the next scan sends it again.
      lastSent = '';
    });
  };

  const stopObserving = () => {
    observer?.disconnect();
    observer = undefined;
    navigationRegion = undefined;
    observedRegion = undefined;
  };

  const onNavigationMutation = () => {
    changedSinceNavigation = true;
    scheduleScan();
  };

  /** (Re)points the navigation observer at the region the adapter names now (it may appear late, or be replaced). */
  const watchNavigation = () => {
    const region = !adapter.matches(url) ? null : adapter.watchRegion ? adapter.watchRegion(url, document) : document.documentElement;
    if (region && region === navigationRegion) return;
    stopObserving();
    if (!region) return;
    navigationRegion = region;
    observer = new MutationObserver(onNavigationMutation);
    observer.observe(region, { childList: true, subtree: true });
  };

  const scan = () => {
    pending = 0;
    if (document.title !== staleTitle) staleTitle = undefined;
    const contact = adapter.matches(url) ? adapter.extract(url, document, { staleTitle }) : null;
    const showsPrevious = contact !== null && [stale, staleReading].some((previous) => previous !== null && samePage(contact, previous));
    const trusted = contact !== null && (!showsPrevious || (changedSinceNavigation && adapter.confirmsIdentity(url, document)));
    if (trusted) {
      stale = null;
      staleReading = null;
      report(contact);
    } else if (contact === null && (stale === null || !adapter.matches(url))) {
      report(null);
    }
    if (!adapter.matches(url) || Date.now() > settleAt) settle();
    else if (navigationRegion) watchNavigation();
  };

  /** Past the settle time: stop, or keep only the adapter's live region under watch. */
  const settle = () => {
    const region = adapter.matches(url) ? adapter.liveRegion?.(document) : null;
    if (region && observer && observedRegion === region) return;
    stopObserving();
    if (!region) return;
    observedRegion = region;
    observer = new MutationObserver(scheduleScan);
    observer.observe(region, { childList: true, subtree: true });
  };

  const scheduleScan = () => {
    if (pending) return;
    pending = ctx.setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(scan, { timeout: 100 });
      else scan();
    }, DEBOUNCE_MS);
  };

  const start = () => {
    settleAt = Date.now() + SETTLE_MS;
    scan();
    if (!adapter.matches(url)) return;
    watchNavigation();
    // The last look once the page has settled (a page that stops changing triggers no scan).
    if (navigationRegion) ctx.setTimeout(scan, SETTLE_MS + DEBOUNCE_MS);
  };

  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
    url = newUrl;
    const before = lastContact;
    const now = adapter.matches(url) ? adapter.extract(url, document) : null;
    changedSinceNavigation = false;
    if (before && now && identityOf(now) !== '' && identityOf(now) === identityOf(before)) {
      stale = null; // a sub-page of the same person
      staleTitle = undefined;
      staleReading = null;
    } else {
      // Another person: clear the panel at once rather than show the previous one.
      stale = before;
      staleTitle = document.title;
      staleReading = before && now && samePage(now, before) ? adapter.extract(url, document, { staleTitle }) : null;
      if (before) report(null);
    }
    start();
  });
  // An invalidated script (extension updated, or a page faking WXT's restart event) can no
  // longer follow the page: clear the tab rather than leave a stale person in the panel.
  ctx.onInvalidated(() => {
    stopObserving();
    if (lastSent && lastSent !== 'null')
      void send({ type: 'content:page-contact', url: location.href, contact: null }).catch(() => undefined);
  });
  start();
}

/** The fields an adapter read from the URL alone (confidence 'url'): who the URL names. */
function identityOf(contact: PageContact): string {
  const confidence = contact.confidence ?? {};
  const fromUrl = Object.keys(confidence)
    .filter((field) => confidence[field] === 'url')
    .sort();
  return fromUrl.map((field) => `${field}=${String(contact[field as keyof PageContact])}`).join('&');
}

/** Same page content, ignoring what comes from the URL: the page still shows the previous person. */
function samePage(a: PageContact, b: PageContact): boolean {
  const content = (contact: PageContact) => {
    const urlFields = new Set(Object.keys(contact.confidence ?? {}).filter((field) => contact.confidence?.[field] === 'url'));
    return JSON.stringify(Object.entries(contact).filter(([field]) => field !== 'confidence' && !urlFields.has(field)));
  };
  return content(a) === content(b);
}
