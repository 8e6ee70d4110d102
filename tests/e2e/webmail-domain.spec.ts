import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { type Extension, launchExtension, openSidePanel, servePages, tabIdOf } from './support/extension';
import { roundcubePage } from './support/webmail-pages';

/*
 * A self-hosted webmail, enabled from the options page and read without reloading the
 * extension. The e2e build holds the test domain's permission already (headless Chromium
 * cannot answer its own prompt; a request for a granted origin resolves at once): what this
 * proves is the registration of the content script, the sender check and the options view.
 */

test.describe.configure({ mode: 'serial' });

const DOMAIN = 'webmail.exemple-test.fr';
const messageUrl = (uid: string) => `https://${DOMAIN}/?_task=mail&_action=show&_uid=${uid}&_mbox=INBOX`;

let extension: Extension;
let options: Page;
/** A message tab opened before the domain was enabled. */
let openedBefore: Page;

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, `https://${DOMAIN}/**`, roundcubePage);
});

test.afterAll(async () => {
  await extension?.close();
});

async function storedContext(tabId: number): Promise<{ url: string; contact: { fullName?: string } | null } | null> {
  return extension.worker.evaluate(async (key) => {
    const stored = await chrome.storage.session.get(key);
    return (stored[key] as { url: string; contact: { fullName?: string } | null } | undefined) ?? null;
  }, `ctx:${tabId}`);
}

async function registeredScripts(): Promise<Array<{ id: string; matches?: string[]; js?: string[]; allFrames?: boolean }>> {
  return extension.worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map(({ id, matches, js, allFrames }) => ({ id, matches, js, allFrames })),
  );
}

/** Nothing is reported for a tab: given time for a content script to run and report, had there been one. */
async function expectNothingReported(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
  expect(await storedContext(await tabIdOf(extension, page))).toBeNull();
}

test('a self-hosted webmail is not read before its domain is enabled', async () => {
  expect(await registeredScripts()).toEqual([]);
  openedBefore = await extension.context.newPage();
  await openedBefore.goto(messageUrl('41'));
  await expectNothingReported(openedBefore);
});

test('the options page lists the built-in sites and enables the domain', async () => {
  options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.id}/options.html#/webmails`);
  await expect(options.getByTestId('builtin-site')).toHaveCount(5);
  await expect(options.getByText('Aucun webmail activé pour l’instant.')).toBeVisible();
  await expectNoSeriousA11yViolations(options);

  await options.getByLabel('Domaine du webmail').fill(`https://${DOMAIN}/?_task=mail&_mbox=INBOX`);
  await options.getByTestId('webmail-domain-enable').click();
  const row = options.locator(`[data-testid="webmail-domain-row"][data-domain="${DOMAIN}"]`);
  await expect(row).toHaveAttribute('data-granted', 'true');
  await expect(options.getByRole('status')).toContainText(`${DOMAIN} est activé`);
  await expect(options.getByLabel('Domaine du webmail')).toHaveValue('');
  expect(await registeredScripts()).toEqual([
    { id: `webmail:${DOMAIN}`, matches: [`https://${DOMAIN}/*`], js: ['content-scripts/webmail.js'], allFrames: true },
  ]);
});

test('recognises the sender of a message opened after enabling, without reloading the extension', async () => {
  const page = await extension.context.newPage();
  await page.goto(messageUrl('42'));
  const panel = await openSidePanel(extension, await tabIdOf(extension, page));
  await expect(panel.getByTestId('recognized-name')).toHaveText('Sophie Marchand');
  await expect(panel.getByText('« Devis transport frigorifique »')).toBeVisible();
  await panel.close();
  await page.close();
});

test('a tab that was already open on the domain is read too', async () => {
  const panel = await openSidePanel(extension, await tabIdOf(extension, openedBefore));
  await expect(panel.getByTestId('recognized-name')).toHaveText('Julien Carpentier');
  await panel.close();
});

test('reads the message Roundcube opens in its preview frame', async () => {
  const mailbox = await extension.context.newPage();
  await mailbox.goto(`https://${DOMAIN}/?_task=mail&_mbox=INBOX`);
  const tabId = await tabIdOf(extension, mailbox);
  // The mailbox list shows addresses, but no message is open.
  await expect
    .poll(async () => {
      const context = await storedContext(tabId);
      return context ? context.contact : 'not reported yet';
    })
    .toBeNull();
  const panel = await openSidePanel(extension, tabId);
  await mailbox.bringToFront();
  await mailbox.locator('tr.message[data-uid="43"]').click();
  await expect(panel.getByTestId('recognized-name')).toHaveText('Karim Haddad');
  await mailbox.locator('tr.message[data-uid="44"]').click();
  await expect(panel.getByTestId('recognized-name')).toHaveText('Nathalie Dumas');
  await panel.close();
  await mailbox.close();
});

test('explains a domain that cannot be enabled, without asking Chrome', async () => {
  const input = options.getByLabel('Domaine du webmail');
  await input.fill('webmail.acme.tech');
  await options.getByTestId('webmail-domain-enable').click();
  await expect(options.getByRole('alert')).toContainText('Relance ne peut pas demander l’accès à webmail.acme.tech');
  await expect(input).toHaveAttribute('aria-invalid', 'true');

  await input.fill('pas un domaine');
  await options.getByTestId('webmail-domain-enable').click();
  await expect(options.getByRole('alert')).toContainText('n’est pas un nom de domaine valide');

  await input.fill('mail.google.com');
  await options.getByTestId('webmail-domain-enable').click();
  await expect(options.getByRole('alert')).toContainText('déjà pris en charge');
  await expect(options.getByTestId('webmail-domain-row')).toHaveCount(1);
});

test('disabling the domain stops recognition on a newly opened page', async () => {
  await options.bringToFront();
  await options.getByRole('button', { name: `Désactiver ${DOMAIN}` }).click();
  await expect(options.getByTestId('webmail-domain-row')).toHaveCount(0);
  await expect(options.getByText('Aucun webmail activé pour l’instant.')).toBeVisible();
  expect(await registeredScripts()).toEqual([]);

  const page = await extension.context.newPage();
  await page.goto(messageUrl('44'));
  await expectNothingReported(page);
  const panel = await openSidePanel(extension, await tabIdOf(extension, page));
  await expect(panel.getByText('Ouvrez un profil LinkedIn')).toBeVisible();
  await expect(panel.getByTestId('recognized-name')).toHaveCount(0);
  await panel.close();
});

test('a tab left open on a disabled domain is no longer listened to', async () => {
  const tabId = await tabIdOf(extension, openedBefore);
  const droppedAsUnknown = () =>
    extension.worker.evaluate(async () => {
      const stored = await chrome.storage.session.get('stats:dropped-messages');
      return (stored['stats:dropped-messages'] as Record<string, number> | undefined)?.['unknown site'] ?? 0;
    });
  const before = await droppedAsUnknown();
  // Its content script runs until the page is reloaded: what it reports now is dropped.
  await openedBefore.evaluate(() => history.pushState({}, '', './?_task=mail&_action=show&_uid=43&_mbox=INBOX'));
  await expect.poll(droppedAsUnknown).toBeGreaterThan(before);
  // Nothing it reported was written; the person seen before is forgotten too, as the tab has
  // moved on in a page the extension no longer reads (the panel must not keep showing them).
  await expect.poll(async () => (await storedContext(tabId))?.contact?.fullName ?? 'forgotten').toBe('forgotten');
});
