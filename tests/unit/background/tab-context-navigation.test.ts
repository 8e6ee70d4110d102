import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetContextOnLeavingReadSites } from '../../../src/background';
import { captureFromClick } from '../../../src/background/capture';
import { WEBMAIL_DOMAINS_KEY } from '../../../src/background/webmail-domains';
import { db } from '../../../src/db/instance';
import { addProspectFromContact } from '../../../src/db/repository';
import { readPendingCapture } from '../../../src/storage/pending-capture';
import { readTabContext, writeTabContext } from '../../../src/storage/tab-context';

const alice = {
  site: 'linkedin' as const,
  kind: 'person' as const,
  fullName: 'Alice Martin',
  linkedinUrl: 'https://www.linkedin.com/in/alice-martin/',
};
const TAB = 7;
let granted: Set<string>;

beforeEach(async () => {
  fakeBrowser.reset();
  granted = new Set();
  const browser = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  Object.assign(browser.permissions as object, {
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.has(origin))),
  });
  Object.assign(browser.i18n as object, { getUILanguage: () => 'fr' });
  browser.notifications = { create: vi.fn(async () => 'id') };
  await db.delete();
  await db.open();
  await writeTabContext({ tabId: TAB, url: alice.linkedinUrl, contact: alice, at: Date.now() });
});

const contextName = async () => {
  const context = await readTabContext(TAB);
  return context?.contact?.kind === 'person' ? context.contact.fullName : null;
};

describe('a tab leaving the sites Relance reads', () => {
  it('forgets the person when the tab loads a page whose URL Chrome hides (no host permission)', async () => {
    // Leaving LinkedIn for www.acme-industrie.fr: Chrome strips the URL from both the change and the tab.
    await forgetContextOnLeavingReadSites(TAB, { status: 'loading' }, {});
    expect(await readTabContext(TAB)).toBeNull();
  });

  it('keeps it from one LinkedIn profile to another: the content script reports the next person', async () => {
    await forgetContextOnLeavingReadSites(
      TAB,
      { status: 'loading', url: 'https://www.linkedin.com/in/bob-durand/' },
      { url: 'https://www.linkedin.com/in/bob-durand/' },
    );
    await forgetContextOnLeavingReadSites(TAB, { url: 'https://www.linkedin.com/in/carla-petit/' }, {});
    await forgetContextOnLeavingReadSites(TAB, { status: 'loading' }, { url: 'https://www.linkedin.com/in/carla-petit/' });
    expect(await contextName()).toBe('Alice Martin');
  });

  it('ignores updates that are no navigation (page finished loading, title, favicon)', async () => {
    await forgetContextOnLeavingReadSites(TAB, { status: 'complete' }, {});
    await forgetContextOnLeavingReadSites(TAB, {}, {});
    expect(await contextName()).toBe('Alice Martin');
  });

  it('keeps it on a webmail domain the rep enabled, forgets it on a granted page no content script reads', async () => {
    granted.add('https://webmail.acme-industrie.fr/*');
    granted.add('https://www.acme-industrie.fr/*');
    await fakeBrowser.storage.local.set({ [WEBMAIL_DOMAINS_KEY]: ['webmail.acme-industrie.fr'] });

    await forgetContextOnLeavingReadSites(TAB, { status: 'loading', url: 'https://webmail.acme-industrie.fr/?_task=mail' }, {});
    expect(await contextName()).toBe('Alice Martin');

    // Visible through activeTab after a menu click, say: still no content script there.
    await forgetContextOnLeavingReadSites(TAB, { status: 'loading', url: 'https://www.acme-industrie.fr/contact' }, {});
    expect(await readTabContext(TAB)).toBeNull();
  });

  it('forgets it on a LinkedIn page served over plain http (no content script there)', async () => {
    await forgetContextOnLeavingReadSites(TAB, { status: 'loading', url: 'http://www.linkedin.com/in/bob/' }, {});
    expect(await readTabContext(TAB)).toBeNull();
  });
});

describe('"Capture as lead" on a whole page', () => {
  it('reads the page, not the LinkedIn person last seen in the tab, on another site', async () => {
    await addProspectFromContact(db, alice, 'linkedin');
    const outcome = await captureFromClick(db, { pageUrl: 'https://www.acme-industrie.fr/contact', frameId: 0 }, { id: TAB });
    expect(outcome.kind).toBe('pending');
    const pending = await readPendingCapture(TAB);
    expect(pending?.contact).toEqual({ site: 'webmail', kind: 'company', company: 'Acme Industrie', confidence: { company: 'guess' } });
  });

  it('saves the person the tab shows when the click is on that same page', async () => {
    await addProspectFromContact(db, alice, 'linkedin');
    const outcome = await captureFromClick(
      db,
      { pageUrl: 'https://www.linkedin.com/in/alice-martin/?originalSubdomain=fr#experience', frameId: 0 },
      { id: TAB },
    );
    expect(outcome).toMatchObject({ kind: 'existing', name: 'Alice Martin' });
  });

  it('does not trust the context when the click gives no page', async () => {
    const outcome = await captureFromClick(db, { frameId: 0 }, { id: TAB });
    expect(outcome.kind).toBe('nothing');
  });
});
