import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  activeWebmailHosts,
  disableWebmailDomain,
  enableWebmailDomain,
  readWebmailDomainStates,
  readWebmailDomains,
  resyncWebmailScripts,
  WEBMAIL_DOMAINS_KEY,
} from '../../../src/background/webmail-domains';

/** Chrome's grants and dynamic content scripts, as far as the module uses them. */
interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
}

let granted: Set<string>;
/** Origins the manifest requires: Chrome refuses to remove them. */
let required: Set<string>;
let registered: Map<string, RegisteredScript>;
let openTabs: Array<{ id: number; url: string }>;
let injected: Array<{ tabId: number; files: string[] }>;

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  required = new Set();
  registered = new Map();
  openTabs = [];
  injected = [];
  const browser = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  Object.assign(browser.permissions as object, {
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.has(origin))),
    remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      if (origins.some((origin) => required.has(origin))) throw new Error('You cannot remove required permissions.');
      for (const origin of origins) granted.delete(origin);
      return true;
    }),
  });
  Object.assign(browser.scripting as object, {
    getRegisteredContentScripts: vi.fn(async () => [...registered.values()].map((script) => ({ ...script }))),
    registerContentScripts: vi.fn(async (scripts: RegisteredScript[]) => {
      for (const script of scripts) if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      // As Chrome does, paths are kept relative to the extension's root.
      for (const script of scripts) registered.set(script.id, { ...script, js: script.js?.map((path) => path.replace(/^\//, '')) });
    }),
    unregisterContentScripts: vi.fn(async ({ ids = [] }: { ids?: string[] }) => {
      for (const id of ids) if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    }),
    executeScript: vi.fn(async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files });
      return [];
    }),
  });
  Object.assign(browser.tabs as object, {
    query: vi.fn(async ({ url = [] }: { url?: string[] }) =>
      openTabs.filter((tab) => url.some((pattern) => tab.url.startsWith(pattern.replace(/\*$/, '')))),
    ),
  });
});

const ORIGIN = 'https://webmail.acme-industrie.fr/*';

describe('enabling a webmail domain', () => {
  it('registers exactly https://<host>/* in every frame, then lists the host', async () => {
    granted.add(ORIGIN);
    await enableWebmailDomain('webmail.acme-industrie.fr');
    expect([...registered.values()]).toEqual([
      expect.objectContaining({
        id: 'webmail:webmail.acme-industrie.fr',
        matches: [ORIGIN],
        js: ['content-scripts/webmail.js'],
        allFrames: true,
      }),
    ]);
    expect(await readWebmailDomains()).toEqual(['webmail.acme-industrie.fr']);
    expect(await activeWebmailHosts()).toEqual(new Set(['webmail.acme-industrie.fr']));
  });

  it('does nothing without Chrome’s grant (the rep refused, or the page never asked)', async () => {
    await enableWebmailDomain('webmail.acme-industrie.fr');
    expect(registered.size).toBe(0);
    expect(await readWebmailDomains()).toEqual([]);
  });

  it('never takes a built-in site for a webmail', async () => {
    granted.add('https://mail.google.com/*');
    await enableWebmailDomain('mail.google.com');
    expect(registered.size).toBe(0);
    expect(await readWebmailDomains()).toEqual([]);
  });

  it('is idempotent, even when two requests race', async () => {
    granted.add(ORIGIN);
    await Promise.all([enableWebmailDomain('webmail.acme-industrie.fr'), enableWebmailDomain('webmail.acme-industrie.fr')]);
    await enableWebmailDomain('webmail.acme-industrie.fr');
    expect(registered.size).toBe(1);
    expect(await readWebmailDomains()).toEqual(['webmail.acme-industrie.fr']);
  });

  it('gives the script to the domain’s tabs already open, and to no other', async () => {
    granted.add(ORIGIN);
    openTabs = [
      { id: 4, url: 'https://webmail.acme-industrie.fr/?_task=mail&_mbox=INBOX' },
      { id: 5, url: 'https://www.linkedin.com/in/x/' },
    ];
    await enableWebmailDomain('webmail.acme-industrie.fr');
    expect(injected).toEqual([{ tabId: 4, files: ['/content-scripts/webmail.js'] }]);
  });
});

describe('disabling a webmail domain', () => {
  it('unlists, unregisters and gives the permission back', async () => {
    granted.add(ORIGIN);
    granted.add('https://mail.autre.fr/*');
    await enableWebmailDomain('webmail.acme-industrie.fr');
    await enableWebmailDomain('mail.autre.fr');
    await disableWebmailDomain('webmail.acme-industrie.fr');
    expect(await readWebmailDomains()).toEqual(['mail.autre.fr']);
    expect([...registered.keys()]).toEqual(['webmail:mail.autre.fr']);
    expect(granted.has(ORIGIN)).toBe(false);
  });

  it('still disables a domain whose permission the manifest requires (the test build)', async () => {
    granted.add(ORIGIN);
    required.add(ORIGIN);
    await enableWebmailDomain('webmail.acme-industrie.fr');
    await disableWebmailDomain('webmail.acme-industrie.fr');
    expect(registered.size).toBe(0);
    expect(await activeWebmailHosts()).toEqual(new Set());
  });
});

describe('re-syncing at worker start and on permission changes', () => {
  it('follows Chrome’s grants: withdrawn → unregistered but still listed; granted again → registered', async () => {
    granted.add(ORIGIN);
    await enableWebmailDomain('webmail.acme-industrie.fr');
    granted.delete(ORIGIN);
    await resyncWebmailScripts();
    expect(registered.size).toBe(0);
    expect(await readWebmailDomainStates()).toEqual([{ hostname: 'webmail.acme-industrie.fr', granted: false }]);
    expect(await activeWebmailHosts()).toEqual(new Set());
    granted.add(ORIGIN);
    await resyncWebmailScripts();
    expect([...registered.keys()]).toEqual(['webmail:webmail.acme-industrie.fr']);
  });

  it('replaces a script an older version registered with other options, and drops unknown ones of ours only', async () => {
    granted.add(ORIGIN);
    await fakeBrowser.storage.local.set({ [WEBMAIL_DOMAINS_KEY]: ['webmail.acme-industrie.fr'] });
    registered.set('webmail:webmail.acme-industrie.fr', { id: 'webmail:webmail.acme-industrie.fr', matches: [ORIGIN], js: ['/old.js'] });
    registered.set('webmail:gone.fr', { id: 'webmail:gone.fr', matches: ['https://gone.fr/*'], js: ['content-scripts/webmail.js'] });
    registered.set('someone-else', { id: 'someone-else', matches: ['https://x.fr/*'], js: ['/x.js'] });
    await resyncWebmailScripts();
    expect([...registered.keys()].sort()).toEqual(['someone-else', 'webmail:webmail.acme-industrie.fr']);
    expect(registered.get('webmail:webmail.acme-industrie.fr')?.js).toEqual(['content-scripts/webmail.js']);
  });

  it('leaves an up-to-date registration alone (no gap, no second injection into open tabs)', async () => {
    granted.add(ORIGIN);
    openTabs = [{ id: 4, url: 'https://webmail.acme-industrie.fr/?_task=mail' }];
    await enableWebmailDomain('webmail.acme-industrie.fr');
    await resyncWebmailScripts();
    await resyncWebmailScripts();
    const scripting = fakeBrowser.scripting as unknown as Record<string, ReturnType<typeof vi.fn>>;
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(scripting.unregisterContentScripts).not.toHaveBeenCalled();
    expect(injected).toHaveLength(1);
  });

  it('ignores stored entries that are not host names', async () => {
    await fakeBrowser.storage.local.set({
      [WEBMAIL_DOMAINS_KEY]: ['webmail.acme-industrie.fr', 'https://x.fr/*', 42, 'mail.google.com', 'WEBMAIL.acme-industrie.fr'],
    });
    expect(await readWebmailDomains()).toEqual(['webmail.acme-industrie.fr']);
    await fakeBrowser.storage.local.set({ [WEBMAIL_DOMAINS_KEY]: 'not a list' });
    expect(await readWebmailDomains()).toEqual([]);
  });
});
