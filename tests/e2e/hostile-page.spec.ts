import { expect, type Page, test } from '@playwright/test';
import { type Extension, launchExtension, openSidePanel, servePages, tabIdOf } from './support/extension';
import { type FakeProfile, profilePage } from './support/linkedin-pages';

/*
 * A page decides what its text says. Markup in a name stays text in the panel, invisible
 * and direction-changing characters are stripped, and an absurdly long name is cut to a
 * sane length: the rep can still add the person, and nothing crashes.
 */

test.describe.configure({ mode: 'serial' });

// Bidi embeddings/overrides/isolates, marks, zero-width space, word joiner, BOM: what the adapters strip.
const INVISIBLE = /[\u200b\u200e\u200f\u061c\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

const HOSTILE: Record<string, FakeProfile> = {
  'markup-name': {
    slug: 'markup-name',
    name: 'Mallory <img src=x onerror=alert(1)><script>alert(2)</script>',
    headline: '<script>alert(3)</script><b onmouseover=alert(4)>Growth</b> <svg onload=alert(5)>',
    company: '<iframe src="javascript:alert(6)"></iframe> & Co',
    location: '"><img src=x onerror=alert(7)>',
  },
  'bidi-name': {
    slug: 'bidi-name',
    // "Jeanne Dupont" sprinkled with an RTL override, isolates, marks and zero-width characters.
    name: '\u202eJe\u200banne\u2060 \u2066Du\ufeffpont\u2069\u200f\u202c',
    headline: '\u202dDirectrice\u200b commerciale\u200e',
    company: 'Acme\u2063 Industrie\u061c',
    location: '\u2067Lyon\u2069',
  },
  'huge-name': {
    slug: 'huge-name',
    name: `Jean-Baptiste ${'Tr\u00e8sLongNom '.repeat(8000)}`,
    headline: `Head of ${'everything '.repeat(10_000)}`,
    company: 'Z'.repeat(100_000),
    location: 'Paris',
  },
  'invisible-only': {
    slug: 'invisible-only',
    name: '\u200b\u202e\u2066\u2069\ufeff',
    headline: 'Nobody',
    company: 'Nowhere',
    location: 'Paris',
  },
};

let extension: Extension;
const dialogs: string[] = [];
const errors: string[] = [];

function watch(page: Page): Page {
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return page;
}

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, 'https://www.linkedin.com/in/**', (url) => {
    const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    const person = HOSTILE[slug];
    if (!person) throw new Error(`no hostile profile ${slug}`);
    return profilePage(person);
  });
});

test.afterAll(async () => {
  await extension?.close();
});

async function openProfile(slug: string): Promise<{ page: Page; panel: Page }> {
  const page = watch(await extension.context.newPage());
  await page.goto(`https://www.linkedin.com/in/${slug}/`);
  const panel = watch(await openSidePanel(extension, await tabIdOf(extension, page)));
  return { page, panel };
}

/** Nothing from the page turned into markup in the panel. */
async function expectNoInjectedMarkup(panel: Page): Promise<void> {
  await expect(panel.locator('body img, body script, body iframe, body object, body embed')).toHaveCount(0);
  await expect(panel.locator('[onerror], [onload], [onmouseover]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
}

async function storedProspects(): Promise<{ fullName: string; headline?: string; company?: string; location?: string }[]> {
  return extension.worker.evaluate(async () => {
    const { db } = (globalThis as unknown as { __relanceTest: { db: { prospects: { toArray(): Promise<unknown[]> } } } }).__relanceTest;
    return (await db.prospects.toArray()) as { fullName: string; headline?: string; company?: string; location?: string }[];
  });
}

test('markup in the name, headline, company and location is shown as text, never run', async () => {
  const { page, panel } = await openProfile('markup-name');
  const name = 'Mallory <img src=x onerror=alert(1)><script>alert(2)</script>';
  await expect(panel.getByTestId('recognized-name')).toHaveText(name);
  await expect(panel.getByText('<script>alert(3)</script>', { exact: false })).toBeVisible();
  await expectNoInjectedMarkup(panel);

  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText(name);
  await expectNoInjectedMarkup(panel);
  const stored = (await storedProspects()).find((prospect) => prospect.fullName === name);
  expect(stored?.company).toBe('<iframe src="javascript:alert(6)"></iframe> & Co');
  await panel.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await panel.close();
  await page.close();
});

test('bidi overrides, isolates, marks and zero-width characters are stripped', async () => {
  const { page, panel } = await openProfile('bidi-name');
  const recognized = panel.getByTestId('recognized-name');
  await expect(recognized).toHaveText('Jeanne Dupont');
  expect(await recognized.textContent()).not.toMatch(INVISIBLE);
  const card = await panel.locator('main').textContent();
  expect(card).toContain('Directrice commerciale');
  expect(card).not.toMatch(INVISIBLE);

  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText('Jeanne Dupont');
  const stored = (await storedProspects()).find((prospect) => prospect.fullName === 'Jeanne Dupont');
  expect(stored).toBeDefined();
  for (const value of [stored?.fullName, stored?.headline, stored?.company, stored?.location]) {
    expect(value ?? '').not.toMatch(INVISIBLE);
  }
  expect(stored).toMatchObject({ headline: 'Directrice commerciale', company: 'Acme Industrie', location: 'Lyon' });
  expect(errors).toEqual([]);
  await panel.close();
  await page.close();
});

test('a 100 KB name is cut to 200 characters, a huge headline and company too; adding still works', async () => {
  const { page, panel } = await openProfile('huge-name');
  const recognized = panel.getByTestId('recognized-name');
  await expect(recognized).toHaveText(/^Jean-Baptiste TrèsLongNom/);
  const shown = (await recognized.textContent()) ?? '';
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThanOrEqual(200);
  expect(shown).toBe(shown.trim());

  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toBeVisible();
  expect(((await panel.getByTestId('prospect-name').textContent()) ?? '').length).toBeLessThanOrEqual(200);
  const stored = (await storedProspects()).find((prospect) => prospect.fullName.startsWith('Jean-Baptiste'));
  expect(stored).toBeDefined();
  expect(stored?.fullName.length).toBeLessThanOrEqual(200);
  expect(stored?.headline?.length ?? 0).toBeLessThanOrEqual(400);
  expect(stored?.company?.length ?? 0).toBeLessThanOrEqual(200);
  // The stored tab context is as bounded as what is shown.
  const context = await extension.worker.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    return JSON.stringify(Object.entries(all).filter(([key]) => key.startsWith('ctx:')));
  });
  expect(context.length).toBeLessThan(20_000);
  expect(errors).toEqual([]);
  await panel.close();
  await page.close();
});

test('a name made only of invisible characters is no name: the panel says so and stays up', async () => {
  const { page, panel } = await openProfile('invisible-only');
  // The content script reported the page (the tab has a context), with no person in it.
  const tabId = await tabIdOf(extension, page);
  await expect
    .poll(() => extension.worker.evaluate(async (id) => (await chrome.storage.session.get(`ctx:${id}`))[`ctx:${id}`] !== undefined, tabId))
    .toBe(true);
  await expect(panel.getByText('Ouvrez un profil LinkedIn')).toBeVisible();
  await expect(panel.getByTestId('recognized-name')).toHaveCount(0);
  await expect(panel.getByTestId('add-prospect')).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);
  // The worker is still there and answers.
  expect(await extension.worker.evaluate(() => chrome.runtime.id)).toBe(extension.id);
  await panel.close();
  await page.close();
});
