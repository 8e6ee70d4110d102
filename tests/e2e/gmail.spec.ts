import { expect, type Page, test } from '@playwright/test';
import { type Extension, launchExtension, openSidePanel, servePages, tabIdOf } from './support/extension';
import { gmailPage, THREADS } from './support/gmail-pages';

test.describe.configure({ mode: 'serial' });

const [FIRST, SECOND] = THREADS;
if (!FIRST || !SECOND) throw new Error('two fake threads expected');
const threadUrl = (token: string) => `https://mail.google.com/mail/u/0/#inbox/${token}`;

let extension: Extension;
let gmail: Page;
let panel: Page;
let tabId: number;

interface ContextWrite {
  url: string;
  name: string | null;
}

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, 'https://mail.google.com/mail/**', () => gmailPage({ renderDelayMs: 300 }));
});

test.afterAll(async () => {
  await extension?.close();
});

/** Every context the worker writes for the tab from now on: the URL with the person it names. */
async function recordContextWrites(): Promise<() => Promise<ContextWrite[]>> {
  await panel.evaluate((key) => {
    const writes: Array<{ url: string; name: string | null }> = [];
    (window as unknown as { contextWrites: typeof writes }).contextWrites = writes;
    chrome.storage.onChanged.addListener((changes, area) => {
      const value = changes[key]?.newValue as { url: string; contact: { fullName?: string } | null } | undefined;
      if (area === 'session' && value) writes.push({ url: value.url, name: value.contact?.fullName ?? null });
    });
  }, `ctx:${tabId}`);
  return () => panel.evaluate(() => (window as unknown as { contextWrites: ContextWrite[] }).contextWrites);
}

test('recognises the sender of the open thread', async () => {
  gmail = await extension.context.newPage();
  await gmail.goto(threadUrl(FIRST.token));
  tabId = await tabIdOf(extension, gmail);
  panel = await openSidePanel(extension, tabId);
  await expect(panel.getByTestId('recognized-name')).toHaveText(FIRST.from.name);
  await expect(panel.getByText(`« ${FIRST.subject} »`)).toBeVisible();
});

test('follows a hash change to another thread, never showing the first sender under the second URL', async () => {
  const writes = await recordContextWrites();
  const namesShown: string[] = [];
  await panel.exposeFunction('recordName', (name: string) => namesShown.push(name));
  await panel.evaluate(() => {
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="recognized-name"]');
      if (el?.textContent) (window as unknown as { recordName(n: string): void }).recordName(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await gmail.locator(`a.thread-link[href="#inbox/${SECOND.token}"]`).click();
  await expect(panel.getByTestId('recognized-name')).toHaveText(SECOND.from.name);
  expect(namesShown.filter((name) => name === FIRST.from.name)).toEqual([]);
  const underSecondUrl = (await writes()).filter((write) => write.url.endsWith(SECOND.token));
  expect(underSecondUrl.map((write) => write.name)).toContain(SECOND.from.name);
  expect(underSecondUrl.map((write) => write.name)).not.toContain(FIRST.from.name);
});

test('the inbox list shows nobody', async () => {
  await gmail.locator('#inbox-link').click();
  await expect(panel.getByText('Ouvrez un profil LinkedIn')).toBeVisible();
  await expect(panel.getByTestId('recognized-name')).toHaveCount(0);
  // The list still renders its rows (with addresses) after the hash change: nobody either.
  await expect(gmail.locator('tr.zA')).toHaveCount(THREADS.length);
  await gmail.waitForTimeout(500);
  await expect(panel.getByTestId('recognized-name')).toHaveCount(0);
});

test('adds the sender as a prospect and logs the email with its subject', async () => {
  await gmail.locator(`tr.zA a[href="#inbox/${SECOND.token}"]`).click();
  await expect(panel.getByTestId('recognized-name')).toHaveText(SECOND.from.name);
  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText(SECOND.from.name);
  await panel.getByTestId('log-email').click();
  await expect(panel.getByTestId('history-item').filter({ hasText: SECOND.subject })).toHaveCount(1);
});
