import { expect, type Page, test } from '@playwright/test';
import { type Extension, launchExtension, openPopup, openSidePanel, servePages, tabIdOf } from './support/extension';
import { PROFILES, profilePage } from './support/linkedin-pages';

test.describe.configure({ mode: 'serial' });

let extension: Extension;
let profile: Page;
let panel: Page;

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, 'https://www.linkedin.com/in/**', (url) => {
    const slug = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    const person = PROFILES[slug] ?? PROFILES['camille-laurent-4b2a19'];
    if (!person) throw new Error('no fake profile');
    return profilePage(person, { links: Object.keys(PROFILES).filter((s) => s !== slug) });
  });
});

test.afterAll(async () => {
  await extension?.close();
});

test('recognises the LinkedIn profile and adds the person as a prospect', async () => {
  profile = await extension.context.newPage();
  await profile.goto('https://www.linkedin.com/in/camille-laurent-4b2a19/');
  panel = await openSidePanel(extension, await tabIdOf(extension, profile));

  await expect(panel.getByTestId('recognized-name')).toHaveText('Camille Laurent');
  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText('Camille Laurent');
  await expect(panel.getByTestId('prospect-stage')).toHaveAttribute('data-stage', 'prospecting');
  await expect(panel.getByTestId('history-item')).toHaveCount(1);
});

test('ticks a checklist item, and the tick persists', async () => {
  const first = panel.getByTestId('checklist-item').first();
  await expect(first).toHaveAttribute('data-checked', 'false');
  await first.click();
  await expect(first).toHaveAttribute('data-checked', 'true');
  await panel.reload();
  await expect(panel.getByTestId('checklist-item').first()).toHaveAttribute('data-checked', 'true');
});

test('moving on with unmet exit criteria warns, then moves when confirmed', async () => {
  await panel.locator('[data-testid="stage-step"][data-stage="contact"]').click();
  await expect(panel.getByRole('alert')).toBeVisible();
  await expect(panel.getByTestId('prospect-stage')).toHaveAttribute('data-stage', 'prospecting');
  await panel.getByTestId('stage-confirm').click();
  await expect(panel.getByTestId('prospect-stage')).toHaveAttribute('data-stage', 'contact');
  await expect(panel.getByTestId('history-item').filter({ hasText: 'passage forcé' })).toHaveCount(1);
});

test('logs a call in one click with an inline note', async () => {
  await panel.locator('[data-testid="log-contact"][data-channel="call"]').click();
  await expect(panel.getByRole('status')).toContainText('Appel noté');
  await panel.getByRole('textbox', { name: 'Ajouter une note (facultatif)' }).first().fill('Rappeler après le salon');
  await panel.getByRole('button', { name: 'Enregistrer la note' }).click();
  await expect(panel.getByTestId('history-item').filter({ hasText: 'Rappeler après le salon' })).toHaveCount(1);
});

test('schedules a relance for today and sees it in the popup, then marks it done', async () => {
  await panel.locator('[data-testid="relance-preset"][data-days="0"]').click();
  await expect(panel.getByTestId('next-relance')).toContainText("aujourd'hui");

  const popup = await openPopup(extension);
  const item = popup.locator('[data-testid="relance-item"][data-prospect-name="Camille Laurent"]');
  await expect(item).toHaveAttribute('data-section', 'today');
  await expect.poll(() => extension.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

  await item.getByTestId('relance-done').click();
  await expect(item).toHaveCount(0);
  // The panel follows live: no relance left, and the done relance is in the history.
  await expect(panel.getByTestId('next-relance')).toContainText('Aucune relance');
  await expect(panel.getByTestId('history-item').filter({ hasText: 'Relance faite' })).toHaveCount(1);
  await expect.poll(() => extension.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  await popup.close();
});

test('follows an SPA navigation to another profile, never showing the previous person under the new URL', async () => {
  const seen: string[] = [];
  await panel.exposeFunction('recordName', (name: string) => seen.push(name));
  await panel.evaluate(() => {
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="recognized-name"],[data-testid="prospect-name"]');
      if (el?.textContent) (window as unknown as { recordName(n: string): void }).recordName(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await profile.locator('a.spa-link[data-slug="thomas-girard-88"]').click();
  await expect(panel.getByTestId('recognized-name')).toHaveText('Thomas Girard');
  await expect(panel.getByTestId('add-prospect')).toBeVisible();
  expect(seen.filter((name) => name === 'Camille Laurent')).toEqual([]);
});

test('a hostile name is shown as text, never as markup', async () => {
  const hostile = await extension.context.newPage();
  let dialogs = 0;
  hostile.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await hostile.goto('https://www.linkedin.com/in/hostile-name/');
  const hostilePanel = await openSidePanel(extension, await tabIdOf(extension, hostile));
  hostilePanel.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await expect(hostilePanel.getByTestId('recognized-name')).toHaveText('Mallory <img src=x onerror=alert(1)>');
  await hostilePanel.getByTestId('add-prospect').click();
  await expect(hostilePanel.getByTestId('prospect-name')).toHaveText('Mallory <img src=x onerror=alert(1)>');
  await expect(hostilePanel.locator('img')).toHaveCount(0);
  expect(dialogs).toBe(0);
  await hostilePanel.close();
  await hostile.close();
});
