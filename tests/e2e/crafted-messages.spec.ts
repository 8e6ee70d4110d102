import { expect, type Page, test } from '@playwright/test';
import { type Extension, launchExtension, servePages, tabIdOf } from './support/extension';
import { PROFILES, profilePage } from './support/linkedin-pages';

/*
 * A content script's world is the one a compromised or confused page script is closest to.
 * Messages crafted there — malformed, unknown, over-long, for another site or another URL,
 * or only meant for extension pages — must be dropped and counted, never acted upon; and
 * the page's own world cannot reach the worker at all.
 */

// Not serial: a failing test restarts the browser for the next ones rather than skipping them.
// Each test reads its own "before" state, so they hold in a fresh context too.

type Dexieish = { tables: { name: string; count(): Promise<number> }[] };
type Hooks = { __relanceTest: { db: Dexieish } };
type StoredContext = { tabId: number; url: string; contact: { fullName?: string; site: string } | null; at: number } | undefined;

const PROFILE_URL = 'https://www.linkedin.com/in/camille-laurent-4b2a19/';

let extension: Extension;
let profile: Page;
let tabId: number;

async function tabContext(): Promise<StoredContext> {
  return extension.worker.evaluate(async (id) => (await chrome.storage.session.get(`ctx:${id}`))[`ctx:${id}`] as StoredContext, tabId);
}

async function tableCounts(): Promise<Record<string, number>> {
  return extension.worker.evaluate(async () => {
    const { db } = (globalThis as unknown as Hooks).__relanceTest;
    return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const)));
  });
}

async function dropped(): Promise<Record<string, number>> {
  return extension.worker.evaluate(
    async () => ((await chrome.storage.session.get('stats:dropped-messages'))['stats:dropped-messages'] as Record<string, number>) ?? {},
  );
}

async function webmailDomains(): Promise<unknown> {
  return extension.worker.evaluate(async () => (await chrome.storage.local.get('webmail:domains'))['webmail:domains'] ?? null);
}

/** Runs in the content script's isolated world of the tab (top frame): sends each message, one after the other. */
async function sendFromIsolatedWorld(messages: unknown[], options: { allFrames?: boolean; onlySubFrames?: boolean; burst?: boolean } = {}) {
  return extension.worker.evaluate(
    async ({ tabId, messages, allFrames, onlySubFrames, burst }) => {
      const results = await chrome.scripting.executeScript({
        target: { tabId, allFrames },
        world: 'ISOLATED',
        args: [messages, onlySubFrames, burst],
        func: async (list: unknown[], subFramesOnly: boolean, all: boolean) => {
          if (subFramesOnly && window === window.top) return [];
          if (all) {
            return Promise.all(
              list.map((message) => chrome.runtime.sendMessage(message).then(String, (error) => `threw: ${String(error)}`)),
            );
          }
          const outcomes: string[] = [];
          for (const message of list) {
            try {
              outcomes.push(String(await chrome.runtime.sendMessage(message)));
            } catch (error) {
              outcomes.push(`threw: ${String(error)}`);
            }
            // One at a time: each drop is counted before the next message arrives.
            await new Promise((resolve) => setTimeout(resolve, 120));
          }
          return outcomes;
        },
      });
      return results.map((result) => ({ frameId: result.frameId, outcomes: result.result }));
    },
    {
      tabId,
      messages,
      allFrames: options.allFrames ?? false,
      onlySubFrames: options.onlySubFrames ?? false,
      burst: options.burst ?? false,
    },
  );
}

function deltas(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries([...keys].map((key) => [key, (after[key] ?? 0) - (before[key] ?? 0)]).filter(([, delta]) => delta !== 0));
}

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, 'https://www.linkedin.com/in/**', (url) => {
    const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    const person = PROFILES[slug] ?? PROFILES['camille-laurent-4b2a19'];
    if (!person) throw new Error('no fake profile');
    return profilePage(person, { links: ['thomas-girard-88'] });
  });
  profile = await extension.context.newPage();
  await profile.goto(PROFILE_URL);
  tabId = await tabIdOf(extension, profile);
  await expect.poll(async () => (await tabContext())?.contact?.fullName).toBe('Camille Laurent');
});

test.afterAll(async () => {
  await extension?.close();
});

test('crafted messages from the content script world are dropped, counted per reason, and change nothing', async () => {
  const contextBefore = await tabContext();
  const countsBefore = await tableCounts();
  const droppedBefore = await dropped();
  const domainsBefore = await webmailDomains();
  const url = PROFILE_URL;
  const person = { site: 'linkedin', kind: 'person', linkedinUrl: 'https://www.linkedin.com/in/mallory/' };

  const malformed: unknown[] = [
    'content:page-contact',
    42,
    null,
    [],
    {},
    { type: 'content:page-contact' },
    { type: 'content:page-contact', url, contact: 'Mallory' },
    { type: 'content:page-contact', url, contact: { ...person, site: 'myspace' } },
    { type: 'content:page-contact', url, contact: { ...person, kind: 'admin' } },
    { type: 'content:hello', url, contact: null },
    { type: 'background:reset', all: true },
    // Over-long: a name past 200 characters, a URL past 4000, a thousand participants.
    { type: 'content:page-contact', url, contact: { ...person, fullName: 'M'.repeat(201) } },
    { type: 'content:page-contact', url, contact: { ...person, fullName: 'M'.repeat(1_000_000) } },
    { type: 'content:page-contact', url: `${url}?${'x'.repeat(5000)}`, contact: { ...person, fullName: 'Mallory' } },
    {
      type: 'content:page-contact',
      url,
      contact: { ...person, fullName: 'Mallory', participants: Array.from({ length: 1000 }, () => ({ name: 'x' })) },
    },
    // What only an extension page may say.
    { type: 'page:data-changed' },
    { type: 'page:webmail-domain', change: 'enable', hostname: 'evil-webmail.example.com' },
  ];
  const otherSite = [
    { type: 'content:page-contact', url, contact: { site: 'gmail', kind: 'email-thread', fullName: 'Mallory', email: 'm@evil.example' } },
  ];
  const otherUrl = [
    { type: 'content:page-contact', url: 'https://evil.example/in/mallory/', contact: { ...person, fullName: 'Mallory' } },
    { type: 'content:page-contact', url: 'https://www.linkedin.com.evil.example/in/mallory/', contact: { ...person, fullName: 'Mallory' } },
  ];

  const [top] = await sendFromIsolatedWorld([...malformed, ...otherSite, ...otherUrl]);
  expect(top?.frameId).toBe(0);
  expect(top?.outcomes).toHaveLength(malformed.length + otherSite.length + otherUrl.length);

  await expect
    .poll(async () => deltas(droppedBefore, await dropped()))
    .toEqual({ 'malformed content message': malformed.length, 'site mismatch': otherSite.length, 'url mismatch': otherUrl.length });
  expect(await tabContext()).toEqual(contextBefore);
  expect(await tableCounts()).toEqual(countsBefore);
  expect(await webmailDomains()).toEqual(domainsBefore);
});

test('a sub-frame on LinkedIn does not speak for the page', async () => {
  const contextBefore = await tabContext();
  const droppedBefore = await dropped();
  await profile.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = '/in/thomas-girard-88/embed/';
        frame.onload = () => resolve();
        document.body.append(frame);
      }),
  );
  const results = await sendFromIsolatedWorld(
    [
      {
        type: 'content:page-contact',
        url: 'https://www.linkedin.com/in/thomas-girard-88/embed/',
        contact: { site: 'linkedin', kind: 'person', fullName: 'Framed' },
      },
    ],
    { allFrames: true, onlySubFrames: true },
  );
  expect(results.filter((result) => result.frameId !== 0 && (result.outcomes?.length ?? 0) > 0)).toHaveLength(1);
  await expect.poll(async () => deltas(droppedBefore, await dropped())).toEqual({ 'sub-frame': 1 });
  expect(await tabContext()).toEqual(contextBefore);
  await profile.evaluate(() => document.querySelector('iframe')?.remove());
});

test('the page itself (MAIN world) cannot reach the worker: postMessage and events do nothing', async () => {
  const contextBefore = await tabContext();
  const countsBefore = await tableCounts();
  const droppedBefore = await dropped();
  const reached = await profile.evaluate(
    ({ id }) => {
      const contact = { site: 'linkedin', kind: 'person', fullName: 'Main World', linkedinUrl: 'https://www.linkedin.com/in/main-world/' };
      window.postMessage({ type: 'content:page-contact', url: location.href, contact }, '*');
      window.postMessage({ type: 'page:data-changed' }, '*');
      window.postMessage(JSON.stringify({ type: 'content:page-contact', url: location.href, contact }), '*');
      document.dispatchEvent(new CustomEvent('content:page-contact', { detail: { url: location.href, contact } }));
      // No externally_connectable: the page has no runtime to send with.
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let sent = false;
      if (typeof runtime?.sendMessage === 'function') {
        try {
          (runtime.sendMessage as (id: string, message: unknown) => void)(id, {
            type: 'content:page-contact',
            url: location.href,
            contact,
          });
          sent = true;
        } catch {
          sent = false;
        }
      }
      return sent;
    },
    { id: extension.id },
  );
  expect(reached).toBe(false);
  await profile.waitForTimeout(1000);
  expect(await tabContext()).toEqual(contextBefore);
  expect(await tableCounts()).toEqual(countsBefore);
  expect(deltas(droppedBefore, await dropped())).toEqual({});
});

test('after all that, the content script still reports the page, and a well-formed message from its world is heard', async () => {
  // The watcher survived: an SPA navigation is reported as usual.
  await profile.locator('a.spa-link[data-slug="thomas-girard-88"]').click();
  await expect.poll(async () => (await tabContext())?.contact?.fullName).toBe('Thomas Girard');

  // Control: the same channel carries a well-formed message, so the drops above were the router's doing.
  const droppedBefore = await dropped();
  await sendFromIsolatedWorld([
    {
      type: 'content:page-contact',
      url: 'https://www.linkedin.com/in/thomas-girard-88/',
      contact: {
        site: 'linkedin',
        kind: 'person',
        fullName: 'Control Person',
        linkedinUrl: 'https://www.linkedin.com/in/thomas-girard-88/',
      },
    },
  ]);
  await expect.poll(async () => (await tabContext())?.contact?.fullName).toBe('Control Person');
  expect(deltas(droppedBefore, await dropped())).toEqual({});
});

test('a page faking WXT\'s "content script started" event cannot leave the panel on the previous person', async () => {
  // A store extension's id is public. WXT invalidates a content script when another instance
  // announces itself on the document; a page can forge that announcement.
  await profile.goto(PROFILE_URL);
  await expect.poll(async () => (await tabContext())?.contact?.fullName).toBe('Camille Laurent');
  await profile.evaluate((id) => {
    document.dispatchEvent(
      new CustomEvent(`${id}:linkedin:wxt:content-script-started`, { detail: { contentScriptName: 'linkedin', messageId: 'forged' } }),
    );
  }, extension.id);
  await profile.locator('a.spa-link[data-slug="thomas-girard-88"]').click();
  await expect(profile).toHaveURL(/thomas-girard-88/);
  await profile.waitForTimeout(2000);
  // Thomas, or nobody: never Camille under Thomas's URL.
  expect(await tabContext().then((context) => context?.contact?.fullName ?? null)).not.toBe('Camille Laurent');
});

test('a burst of crafted messages is counted exactly: no drop is lost to a race', async () => {
  const droppedBefore = await dropped();
  const burst = Array.from({ length: 25 }, (_, index) => ({ type: 'content:unknown', index }));
  await sendFromIsolatedWorld(burst, { burst: true });
  await expect.poll(async () => deltas(droppedBefore, await dropped())).toEqual({ 'malformed content message': burst.length });
});
