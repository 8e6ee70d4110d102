import { browser } from 'wxt/browser';
import { type WebmailDomainMessage, webmailHostnameSchema } from '../messaging/protocol';
import { siteForUrl } from '../sites/hosts';

/*
 * Self-hosted webmails, one domain at a time. Two sources of truth, each for what it knows:
 * - the list of host names the rep enabled, in storage.local (the manifest's permissions
 *   cannot say which granted origin is a webmail, and a required one cannot be revoked);
 * - the permissions API, for whether Chrome still grants each of them (the rep may withdraw
 *   a site's access from Chrome's own menus at any time).
 * A domain is active when it is in both; exactly the active ones have a registered content
 * script, re-checked at every worker start and whenever permissions change.
 */

/** storage.local: the host names the rep enabled, oldest first. */
export const WEBMAIL_DOMAINS_KEY = 'webmail:domains';
const MAX_DOMAINS = 100;

const SCRIPT_ID_PREFIX = 'webmail:';
/** Where WXT writes the `webmail` content-script entrypoint (registration: 'runtime'). */
const SCRIPT_FILE = '/content-scripts/webmail.js';

export const webmailOrigin = (hostname: string): string => `https://${hostname}/*`;
const scriptIdOf = (hostname: string): string => `${SCRIPT_ID_PREFIX}${hostname}`;

export interface WebmailDomainState {
  hostname: string;
  /** Chrome grants the domain: its content script is registered. */
  granted: boolean;
}

/** The enabled list as stored; an entry that is not a host name (hand-edited storage) is skipped. */
export async function readWebmailDomains(): Promise<string[]> {
  const stored = (await browser.storage.local.get(WEBMAIL_DOMAINS_KEY))[WEBMAIL_DOMAINS_KEY];
  if (!Array.isArray(stored)) return [];
  const valid = stored.flatMap((entry) => {
    const parsed = webmailHostnameSchema.safeParse(entry);
    return parsed.success && !isBuiltInHost(parsed.data) ? [parsed.data] : [];
  });
  return [...new Set(valid)].slice(0, MAX_DOMAINS);
}

async function writeWebmailDomains(domains: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [WEBMAIL_DOMAINS_KEY]: [...domains] });
}

async function isGranted(hostname: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [webmailOrigin(hostname)] }).catch(() => false);
}

/** Every enabled domain with whether Chrome still grants it (the options page lists both kinds). */
export async function readWebmailDomainStates(): Promise<WebmailDomainState[]> {
  const domains = await readWebmailDomains();
  return Promise.all(domains.map(async (hostname) => ({ hostname, granted: await isGranted(hostname) })));
}

/** The hosts whose content scripts the router accepts: enabled and still granted. */
export async function activeWebmailHosts(): Promise<ReadonlySet<string>> {
  const states = await readWebmailDomainStates();
  return new Set(states.filter((state) => state.granted).map((state) => state.hostname));
}

/** Calls back whenever the list or Chrome's grants change (from any extension context). */
export function watchWebmailDomains(onChange: () => void): () => void {
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && WEBMAIL_DOMAINS_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(onStorage);
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  return () => {
    browser.storage.onChanged.removeListener(onStorage);
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
  };
}

function isBuiltInHost(hostname: string): boolean {
  return siteForUrl(`https://${hostname}/`) !== undefined;
}

// Enabling, disabling and re-syncing all read, then write, the same registrations and list: one at a time.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Worker side of the options page's "Enable": the page asked Chrome for the permission (it
 * needs the click); here the domain joins the list once its script is registered, so a page
 * that sees it listed can rely on it. Open tabs of the domain get the script at once.
 */
export function enableWebmailDomain(hostname: string): Promise<void> {
  return oneAtATime(async () => {
    if (isBuiltInHost(hostname) || !(await isGranted(hostname))) return;
    const domains = await readWebmailDomains();
    const next = domains.includes(hostname) ? domains : [...domains, hostname].slice(-MAX_DOMAINS);
    const registered = await registerScripts(next);
    await writeWebmailDomains(next);
    await injectIntoOpenTabs(registered);
  });
}

/** Leaves the list first, so the router refuses the domain's tabs at once; then unregisters and gives the permission back. */
export function disableWebmailDomain(hostname: string): Promise<void> {
  return oneAtATime(async () => {
    const next = (await readWebmailDomains()).filter((domain) => domain !== hostname);
    await writeWebmailDomains(next);
    await registerScripts(next);
    // Refused for an origin the manifest itself requires (the test build's): the list decides then.
    await browser.permissions.remove({ origins: [webmailOrigin(hostname)] }).catch(() => false);
  });
}

export function applyWebmailDomainChange(message: WebmailDomainMessage): Promise<void> {
  return message.change === 'enable' ? enableWebmailDomain(message.hostname) : disableWebmailDomain(message.hostname);
}

/** Registrations follow the list and Chrome's grants (withdrawn in Chrome's menus, granted again…). */
export function resyncWebmailScripts(): Promise<void> {
  return oneAtATime(async () => {
    const registered = await registerScripts(await readWebmailDomains());
    await injectIntoOpenTabs(registered);
  });
}

function scriptFor(hostname: string) {
  return {
    id: scriptIdOf(hostname),
    matches: [webmailOrigin(hostname)],
    js: [SCRIPT_FILE],
    runAt: 'document_idle' as const,
    // Roundcube shows the selected message in a preview frame of the mailbox page.
    allFrames: true,
    persistAcrossSessions: true,
  };
}

/**
 * Exactly one content script per granted domain of `domains`, none for any other; a script
 * registered by an older version with other options is replaced. Returns the hosts newly
 * registered. A browser without dynamic content scripts (Firefox before 105) gets none.
 */
async function registerScripts(domains: readonly string[]): Promise<string[]> {
  const scripting = browser.scripting;
  if (typeof scripting?.registerContentScripts !== 'function') return [];
  const wanted = new Map<string, ReturnType<typeof scriptFor>>();
  for (const hostname of domains) if (await isGranted(hostname)) wanted.set(scriptIdOf(hostname), scriptFor(hostname));

  const ours = (await scripting.getRegisteredContentScripts()).filter((script) => script.id.startsWith(SCRIPT_ID_PREFIX));
  const upToDate = new Set(
    ours
      .filter((script) => {
        const want = wanted.get(script.id);
        return (
          want &&
          sameList(script.matches, want.matches) &&
          sameList(script.js?.map(withoutLeadingSlash), want.js.map(withoutLeadingSlash)) &&
          script.allFrames === want.allFrames
        );
      })
      .map((script) => script.id),
  );
  const obsolete = ours.filter((script) => !upToDate.has(script.id)).map((script) => script.id);
  if (obsolete.length > 0) await scripting.unregisterContentScripts({ ids: obsolete });
  const missing = [...wanted.values()].filter((script) => !upToDate.has(script.id));
  if (missing.length > 0) await scripting.registerContentScripts(missing);
  return missing.map((script) => script.id.slice(SCRIPT_ID_PREFIX.length));
}

// Chrome gives registered paths back relative to the extension's root, without the leading slash.
const withoutLeadingSlash = (path: string): string => path.replace(/^\//, '');

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((item, index) => item === b[index]);
}

/** A registered script runs on pages loaded from now on: tabs already open on the domain get it now. */
async function injectIntoOpenTabs(hostnames: readonly string[]): Promise<void> {
  if (hostnames.length === 0 || typeof browser.scripting?.executeScript !== 'function') return;
  const tabs = await browser.tabs.query({ url: hostnames.map(webmailOrigin) }).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [SCRIPT_FILE] }).catch(() => undefined),
    ),
  );
}

/** Called once from startBackground(): listeners first (MV3 wakes the worker for them), then a re-sync. */
export function startWebmailDomains(): void {
  browser.permissions.onAdded.addListener(() => void resyncWebmailScripts().catch(logFailure));
  browser.permissions.onRemoved.addListener(() => void resyncWebmailScripts().catch(logFailure));
  void resyncWebmailScripts().catch(logFailure);
}

function logFailure(error: unknown): void {
  console.warn('Relance: webmail domains could not be synced', error);
}
