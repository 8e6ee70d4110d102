import { expect, type Page, test } from '@playwright/test';
import { type Extension, launchExtension, openSidePanel, servePages, tabIdOf } from './support/extension';
import { PROFILES, profilePage } from './support/linkedin-pages';

test.describe.configure({ mode: 'serial' });

let extension: Extension;

const BLOG = 'https://www.example-crm-blog.fr';
// Granted to the e2e build only: stands for a page where the menu click's activeTab applies.
const GRANTED = 'https://webmail.exemple-test.fr';

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(
    extension.context,
    `${BLOG}/**`,
    () => `<!doctype html><html><head><title>Meet the team</title></head><body>
      <p>Our new partner: <a id="li" href="https://fr.linkedin.com/in/Sophie-Bernard-7c1/?trk=people">Sophie Bernard</a></p>
      <p id="sig">Bien à vous,<br>Marc Lemoine<br>Directeur commercial – Exemple Industrie SAS<br>Tél : 06 12 34 56 78<br>
      marc.lemoine@exemple-industrie.fr<br>www.exemple-industrie.fr</p>
      </body></html>`,
  );
  await servePages(
    extension.context,
    `${GRANTED}/**`,
    () => `<!doctype html><html><head><title>Équipe</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Inès Moreau",
      "jobTitle":"Directrice commerciale","worksFor":{"@type":"Organization","name":"Nordelec"},"email":"ines.moreau@nordelec.example"}</script>
      </head><body><h1>Inès Moreau</h1></body></html>`,
  );
  await servePages(extension.context, 'https://www.linkedin.com/in/**', () => profilePage(PROFILES['camille-laurent-4b2a19'] ?? fail()));
});

test.afterAll(async () => {
  await extension?.close();
});

function fail(): never {
  throw new Error('missing fixture');
}

/** Replays a click on the "Capture as lead" menu item through the real listener, on the front tab. */
async function clickCaptureMenu(page: Page, info: Record<string, unknown>) {
  await page.bringToFront();
  await extension.worker.evaluate(
    async ({ info, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(
        { menuItemId: 'capture-lead', editable: false, pageUrl, frameId: 0, ...info },
        tab,
      );
    },
    { info, pageUrl: page.url() },
  );
}

type StoredProspect = {
  id: string;
  fullName: string;
  linkedinUrl?: string;
  emails: string[];
  phones: string[];
  jobTitle?: string;
  company?: string;
};
async function prospects(): Promise<StoredProspect[]> {
  return extension.worker.evaluate(async () => {
    const db = (globalThis as unknown as { __relanceTest: { db: { prospects: { toArray(): Promise<unknown[]> } } } }).__relanceTest.db;
    return (await db.prospects.toArray()) as StoredProspect[];
  });
}

test('capturing a LinkedIn link creates the prospect once, not twice', async () => {
  const page = await extension.context.newPage();
  await page.goto(`${BLOG}/team`);
  const linkUrl = await page.locator('#li').getAttribute('href');

  await clickCaptureMenu(page, { linkUrl });
  await expect.poll(async () => (await prospects()).length).toBe(1);
  await clickCaptureMenu(page, { linkUrl: 'https://www.linkedin.com/in/sophie-bernard-7c1/details/experience/' });
  await page.waitForTimeout(500);

  const all = await prospects();
  expect(all).toHaveLength(1);
  expect(all[0]?.linkedinUrl).toBe('https://www.linkedin.com/in/sophie-bernard-7c1/');
  expect(all[0]?.fullName).toBe('Sophie Bernard');
  await page.close();
});

test('a selected signature is parsed into a form in the panel, corrected, then saved', async () => {
  const page = await extension.context.newPage();
  await page.goto(`${BLOG}/contact`);
  // Chromium hands the selection over with its line breaks collapsed.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (line breaks at <br>) is what a selection holds
  const selectionText = (await page.locator('#sig').innerText()).replace(/\s+/g, ' ');
  const tabId = await tabIdOf(extension, page);

  await clickCaptureMenu(page, { selectionText });
  // The panel is opened after the click (the pending capture is kept for this tab).
  const panel = await openSidePanel(extension, tabId);
  const form = panel.getByTestId('capture-form');
  await expect(form).toBeVisible();
  const field = (name: string) => form.locator(`[data-testid="capture-field"][data-field="${name}"]`);
  await expect(field('fullName')).toHaveValue('Marc Lemoine');
  await expect(field('jobTitle')).toHaveValue('Directeur commercial');
  await expect(field('company')).toHaveValue('Exemple Industrie SAS');
  await expect(field('email')).toHaveValue('marc.lemoine@exemple-industrie.fr');
  await expect(field('phone')).toHaveValue('+33612345678');
  expect(await prospects()).toHaveLength(1);

  await field('company').fill('Exemple Industrie');
  await panel.getByTestId('capture-save').click();
  await expect(form).toHaveCount(0);
  await expect(panel.getByTestId('prospect-name')).toHaveText('Marc Lemoine');
  const marc = (await prospects()).find((p) => p.fullName === 'Marc Lemoine');
  expect(marc).toMatchObject({ company: 'Exemple Industrie', emails: ['marc.lemoine@exemple-industrie.fr'], phones: ['+33612345678'] });

  // The same signature again enriches the existing prospect (a new number) and says so.
  await clickCaptureMenu(page, { selectionText: selectionText.replace('06 12 34 56 78', '06 12 34 56 78 Portable : 07 88 99 00 11') });
  await expect(form).toBeVisible();
  await panel.getByTestId('capture-save').click();
  await expect(panel.getByTestId('toast')).toContainText('téléphone ajouté');
  expect((await prospects()).filter((p) => p.fullName === 'Marc Lemoine')).toHaveLength(1);
  expect((await prospects()).find((p) => p.fullName === 'Marc Lemoine')?.phones).toEqual(['+33612345678', '+33788990011']);
  await panel.close();
  await page.close();
});

test('capturing a page reads its JSON-LD person', async () => {
  const page = await extension.context.newPage();
  await page.goto(`${GRANTED}/equipe`);
  const tabId = await tabIdOf(extension, page);
  await clickCaptureMenu(page, {});
  const panel = await openSidePanel(extension, tabId);
  const form = panel.getByTestId('capture-form');
  await expect(form.locator('[data-field="fullName"]')).toHaveValue('Inès Moreau');
  await expect(form.locator('[data-field="company"]')).toHaveValue('Nordelec');
  await expect(form.locator('[data-field="email"]')).toHaveValue('ines.moreau@nordelec.example');
  await panel.getByTestId('capture-dismiss').click();
  await expect(form).toHaveCount(0);
  await panel.close();
  await page.close();
});

test('capturing a page with no host permission still offers its company, from the domain', async () => {
  const page = await extension.context.newPage();
  await page.goto(`${BLOG}/a-propos`);
  const tabId = await tabIdOf(extension, page);
  await clickCaptureMenu(page, {});
  const panel = await openSidePanel(extension, tabId);
  await expect(panel.getByTestId('capture-form').locator('[data-field="company"]')).toHaveValue('Example Crm Blog');
  await panel.close();
  await page.close();
});

test('capturing a LinkedIn profile photo, or the profile page itself, saves that person once', async () => {
  const page = await extension.context.newPage();
  await page.goto('https://www.linkedin.com/in/camille-laurent-4b2a19/');
  await clickCaptureMenu(page, { mediaType: 'image', srcUrl: 'https://media.licdn.com/photo.jpg' });
  await expect.poll(async () => (await prospects()).filter((p) => p.linkedinUrl?.includes('camille-laurent')).length).toBe(1);
  await clickCaptureMenu(page, {});
  await page.waitForTimeout(500);
  const camille = (await prospects()).filter((p) => p.linkedinUrl?.includes('camille-laurent'));
  expect(camille).toHaveLength(1);
  await page.close();
});
