import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { type Extension, launchExtension, openPopup, openSidePanel, servePages, tabIdOf } from './support/extension';
import { PROFILES, profilePage } from './support/linkedin-pages';

/*
 * axe-core (serious and critical rules) on every page the rep sees, in French and in
 * English: the popup with sample relances, the side panel for a known prospect, an unknown
 * person, a page with nobody and a capture to check, and every options section in the menu.
 */

test.describe.configure({ mode: 'serial' });

type Hooks = { __relanceTest: { seedDemo(): Promise<unknown>; setLanguage(language: 'fr' | 'en'): Promise<unknown> } };

const BLOG = 'https://www.example-crm-blog.fr';
const SIGNATURE =
  'Bien à vous, Marc Lemoine Directeur commercial – Exemple Industrie SAS Tél : 06 12 34 56 78 marc.lemoine@exemple-industrie.fr';

let extension: Extension;
let knownTab: number;
let unknownTab: number;
let captureTab: number;
let emptyTab: number;

async function setLanguage(language: 'fr' | 'en'): Promise<void> {
  await extension.worker.evaluate((lang) => (globalThis as unknown as Hooks).__relanceTest.setLanguage(lang), language);
}

async function expectLanguage(page: Page, language: 'fr' | 'en'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, 'https://www.linkedin.com/in/**', (url) => {
    const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    const person = PROFILES[slug] ?? PROFILES['camille-laurent-4b2a19'];
    if (!person) throw new Error('no fake profile');
    return profilePage(person);
  });
  await servePages(
    extension.context,
    `${BLOG}/**`,
    () => `<!doctype html><html lang="fr"><head><title>Contact</title></head><body><p>${SIGNATURE}</p></body></html>`,
  );
  await extension.worker.evaluate(() => (globalThis as unknown as Hooks).__relanceTest.seedDemo());

  const known = await extension.context.newPage();
  await known.goto('https://www.linkedin.com/in/camille-laurent-4b2a19/');
  knownTab = await tabIdOf(extension, known);
  const panel = await openSidePanel(extension, knownTab);
  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText('Camille Laurent');
  await panel.close();

  const unknown = await extension.context.newPage();
  await unknown.goto('https://www.linkedin.com/in/thomas-girard-88/');
  unknownTab = await tabIdOf(extension, unknown);

  const blog = await extension.context.newPage();
  await blog.goto(`${BLOG}/contact`);
  captureTab = await tabIdOf(extension, blog);
  await extension.worker.evaluate(
    async ({ selectionText, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(
        { menuItemId: 'capture-lead', editable: false, frameId: 0, pageUrl, selectionText },
        tab,
      );
    },
    { selectionText: SIGNATURE, pageUrl: `${BLOG}/contact` },
  );

  const empty = await extension.context.newPage();
  await empty.goto(`${BLOG}/nobody`);
  emptyTab = await tabIdOf(extension, empty);
});

test.afterAll(async () => {
  await extension?.close();
});

for (const language of ['fr', 'en'] as const) {
  test.describe(`in ${language === 'fr' ? 'French' : 'English'}`, () => {
    test.beforeAll(async () => {
      await setLanguage(language);
      // The same relances due in each language: the demo's fixed ids put back the ones done in the other.
      await extension.worker.evaluate(() => (globalThis as unknown as Hooks).__relanceTest.seedDemo());
    });

    test('the popup, with overdue, today and upcoming relances, then the done banner', async () => {
      const popup = await openPopup(extension);
      await expectLanguage(popup, language);
      await expect(popup.locator('[data-testid="relance-item"]').first()).toBeVisible();
      await expectNoSeriousA11yViolations(popup);

      const today = popup.locator(
        '[data-testid="relance-item"][data-section="today"], [data-testid="relance-item"][data-section="overdue"]',
      );
      await today.first().getByTestId('relance-done').click();
      await expect(popup.getByTestId('relance-proposal')).toBeVisible();
      await expectNoSeriousA11yViolations(popup);
      await popup.close();
    });

    test('the side panel for a known prospect', async () => {
      const panel = await openSidePanel(extension, knownTab);
      await expectLanguage(panel, language);
      await expect(panel.getByTestId('prospect-name')).toHaveText('Camille Laurent');
      await expectNoSeriousA11yViolations(panel);
      await panel.close();
    });

    test('the side panel for a person not in the file yet', async () => {
      const panel = await openSidePanel(extension, unknownTab);
      await expectLanguage(panel, language);
      await expect(panel.getByTestId('recognized-name')).toHaveText('Thomas Girard');
      await expectNoSeriousA11yViolations(panel);
      await panel.close();
    });

    test('the side panel with a capture to check, and on a page with nobody', async () => {
      const capture = await openSidePanel(extension, captureTab);
      await expectLanguage(capture, language);
      await expect(capture.getByTestId('capture-form')).toBeVisible();
      await expectNoSeriousA11yViolations(capture);
      await capture.close();

      const empty = await openSidePanel(extension, emptyTab);
      await expectLanguage(empty, language);
      await expect(empty.locator('main p').first()).toBeVisible();
      await expectNoSeriousA11yViolations(empty);
      await empty.close();
    });

    test('every options section in the menu', async () => {
      const options = await extension.context.newPage();
      await options.goto(`chrome-extension://${extension.id}/options.html`);
      await expectLanguage(options, language);
      const links = await options.locator('nav a[href^="#/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      expect(links.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const href of links) {
        await options.goto(`chrome-extension://${extension.id}/options.html${href}`);
        await expect(options.locator('main h1')).toBeVisible();
        await options.waitForTimeout(300);
        try {
          await expectNoSeriousA11yViolations(options);
        } catch (error) {
          failures.push(`${href}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      // Every section is checked before failing, so one run lists them all.
      expect(failures).toEqual([]);
      await options.close();
    });
  });
}
