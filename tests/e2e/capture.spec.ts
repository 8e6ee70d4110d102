import { expect, test } from '@playwright/test';
import { type Extension, launchExtension, servePages } from './support/extension';

test.describe.configure({ mode: 'serial' });

let extension: Extension;

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'en-US' });
  await servePages(
    extension.context,
    'https://www.example-crm-blog.fr/**',
    () => `<!doctype html><html><head><title>Meet the team</title></head><body>
      <p>Our new partner: <a id="li" href="https://fr.linkedin.com/in/Sophie-Bernard-7c1/?trk=people">Sophie Bernard</a></p>
      <p id="sig">Marc Lemoine – marc.lemoine@exemple-industrie.fr – 06 12 34 56 78</p>
      </body></html>`,
  );
});

test.afterAll(async () => {
  await extension?.close();
});

/** Replays a click on the "Capture as lead" menu item through the real listener. */
async function clickCaptureMenu(info: Record<string, unknown>, pageUrl: string) {
  await extension.worker.evaluate(
    async ({ info, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(
        { menuItemId: 'capture-lead', editable: false, pageUrl, ...info },
        tab,
      );
    },
    { info, pageUrl },
  );
}

async function prospects() {
  return extension.worker.evaluate(async () => {
    const db = (globalThis as unknown as { __relanceTest: { db: { prospects: { toArray(): Promise<unknown[]> } } } }).__relanceTest.db;
    return (await db.prospects.toArray()) as Array<{ fullName: string; linkedinUrl?: string; emails: string[] }>;
  });
}

test('capturing a LinkedIn link creates the prospect once, not twice', async () => {
  const page = await extension.context.newPage();
  await page.goto('https://www.example-crm-blog.fr/team');
  const linkUrl = await page.locator('#li').getAttribute('href');

  await clickCaptureMenu({ linkUrl }, page.url());
  await expect.poll(async () => (await prospects()).length).toBe(1);
  await clickCaptureMenu({ linkUrl: 'https://www.linkedin.com/in/sophie-bernard-7c1/details/experience/' }, page.url());
  // Give the second capture time to land before asserting it created nothing.
  await expect.poll(() => extension.worker.evaluate(() => chrome.storage.session.get(null).then(() => true))).toBe(true);
  await page.waitForTimeout(500);

  const all = await prospects();
  expect(all).toHaveLength(1);
  expect(all[0]?.linkedinUrl).toBe('https://www.linkedin.com/in/sophie-bernard-7c1/');
  expect(all[0]?.fullName).toBe('Sophie Bernard');
  await page.close();
});

test('capturing a selection with an email creates a prospect with that email and name', async () => {
  const page = await extension.context.newPage();
  await page.goto('https://www.example-crm-blog.fr/contact');
  const selectionText = (await page.locator('#sig').textContent()) ?? '';

  await clickCaptureMenu({ selectionText }, page.url());
  await expect.poll(async () => (await prospects()).length).toBe(2);
  const marc = (await prospects()).find((p) => p.emails.includes('marc.lemoine@exemple-industrie.fr'));
  expect(marc?.fullName).toBe('Marc Lemoine');

  await page.close();
});
