import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { type Extension, launchExtension } from './support/extension';

test.describe.configure({ mode: 'serial' });

let extension: Extension;
let page: Page;

type StoredOffer = { name: string; objections: Array<{ objection: string; answer: string }> };
type StoredSettings = { language: string; playbook: Record<string, { checklist?: Array<{ key: string; label: unknown; exit: boolean }> }> };

/** The stored offers, read through the page's test hook (RELANCE_TEST_HOOKS build). */
function storedOffers(): Promise<StoredOffer[]> {
  return page.evaluate(() => {
    const hook = globalThis as unknown as { __relanceTest: { db: { offers: { toArray(): Promise<StoredOffer[]> } } } };
    return hook.__relanceTest.db.offers.toArray();
  });
}

function storedSettings(): Promise<StoredSettings | undefined> {
  return page.evaluate(() => {
    const hook = globalThis as unknown as {
      __relanceTest: { db: { settings: { get(key: string): Promise<StoredSettings | undefined> } } };
    };
    return hook.__relanceTest.db.settings.get('app');
  });
}

const offerRow = (name: string) => page.locator(`[data-testid="offer-row"][data-offer-name="${name}"]`);
const field = (name: string) => page.locator(`[data-testid="offer-field"][data-field="${name}"]`);
const objectionField = (row: number, name: 'objection' | 'answer') =>
  page.getByTestId('objection-row').nth(row).locator(`[data-testid="objection-field"][data-field="${name}"]`);

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  page = await extension.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${extension.id}/options.html#/offers`);
});

test.afterAll(async () => {
  await extension?.close();
});

test('a new user finds one example offer, seeded once', async () => {
  await expect(page.getByTestId('offer-row')).toHaveCount(1);
  await expect(page.getByTestId('offer-row').first()).toHaveAttribute('data-offer-name', /^Exemple/);
  await page.reload();
  await expect(page.getByTestId('offer-row')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
});

test('creates an offer with two objections', async () => {
  await page.getByTestId('offer-new').click();
  await expect(page.getByTestId('offer-form')).toBeVisible();
  await field('name').fill('Audit de flotte');
  await field('pitch').fill('Un audit complet de votre parc de véhicules en deux jours.');
  await field('benefits').fill('Moins de pannes\n\nCoûts de maintenance maîtrisés');
  await field('limits').fill('Pas les poids lourds');
  await field('proofPoints').fill('Transports Giraud : -18 % de coûts');
  await field('terms').fill('Forfait 3 000 € HT, paiement à 30 jours');
  await objectionField(0, 'objection').fill('Trop cher');
  await objectionField(0, 'answer').fill('Rentabilisé en six mois');
  await page.getByTestId('objection-add').click();
  await expect(objectionField(1, 'objection')).toBeFocused();
  await objectionField(1, 'objection').fill('Pas le temps');
  await objectionField(1, 'answer').fill('Deux jours sur site, nous faisons tout');
  await page.getByTestId('offer-save').click();

  await expect(offerRow('Audit de flotte')).toBeVisible();
  await expect(page.getByTestId('toast')).toContainText('Audit de flotte');
  const offers = await storedOffers();
  const saved = offers.find((offer) => offer.name === 'Audit de flotte');
  expect(saved?.objections).toEqual([
    { objection: 'Trop cher', answer: 'Rentabilisé en six mois' },
    { objection: 'Pas le temps', answer: 'Deux jours sur site, nous faisons tout' },
  ]);
});

test('edits it; an empty name is refused with a message', async () => {
  await offerRow('Audit de flotte').getByTestId('offer-edit').click();
  await expect(field('name')).toHaveValue('Audit de flotte');
  await expect(objectionField(1, 'answer')).toHaveValue('Deux jours sur site, nous faisons tout');

  await field('name').fill('   ');
  await page.getByTestId('offer-save').click();
  await expect(page.getByTestId('offer-errors')).toContainText('Nom de l’offre');
  await expect(page.getByTestId('offer-errors')).toContainText('obligatoire');
  await expect(field('name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('field-error').first()).toHaveText('obligatoire');
  await expectNoSeriousA11yViolations(page);
  expect((await storedOffers()).map((offer) => offer.name)).toContain('Audit de flotte');

  await field('name').fill('Audit de flotte PME');
  await page.getByTestId('objection-remove').first().click();
  await page.getByTestId('offer-save').click();
  await expect(offerRow('Audit de flotte PME')).toBeVisible();
  await expect(offerRow('Audit de flotte')).toHaveCount(0);
  const edited = (await storedOffers()).find((offer) => offer.name === 'Audit de flotte PME');
  expect(edited?.objections).toEqual([{ objection: 'Pas le temps', answer: 'Deux jours sur site, nous faisons tout' }]);
});

test('deletes it after confirmation', async () => {
  await offerRow('Audit de flotte PME').getByTestId('offer-delete').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Audit de flotte PME');
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByTestId('confirm-cancel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(offerRow('Audit de flotte PME').getByTestId('offer-delete')).toBeFocused();
  await offerRow('Audit de flotte PME').getByTestId('offer-delete').click();
  await page.getByTestId('confirm-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(offerRow('Audit de flotte PME')).toBeVisible();

  await offerRow('Audit de flotte PME').getByTestId('offer-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect(offerRow('Audit de flotte PME')).toHaveCount(0);
  await expect(page.getByTestId('offer-row')).toHaveCount(1);
  expect((await storedOffers()).map((offer) => offer.name)).not.toContain('Audit de flotte PME');
});

test('switching the language to English applies live', async () => {
  await page.goto(`chrome-extension://${extension.id}/options.html#/settings`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réglages');
  await page.locator('[data-testid="language-option"][data-language="en"]').check();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByRole('navigation')).toContainText('Offers (step 1)');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await storedSettings())?.language).toBe('en');
  await expect(page.getByLabel('Flag a prospect with no contact for')).toHaveValue('14');
  await expectNoSeriousA11yViolations(page);
});

test('adds a checklist point to a stage, then resets the stage', async () => {
  await page.goto(`chrome-extension://${extension.id}/options.html#/playbook`);
  const tab = page.locator('[data-testid="playbook-stage-tab"][data-stage="contact"]');
  // The stage tabs are keyboard-usable: arrows move between them.
  await page.locator('[data-testid="playbook-stage-tab"][data-stage="prospecting"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab).toBeFocused();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('stage-editor')).toHaveAttribute('data-stage', 'contact');
  const rows = page.getByTestId('checklist-edit-row');
  const defaultCount = await rows.count();
  expect(defaultCount).toBeGreaterThan(0);

  await page.getByTestId('checklist-add').click();
  await expect(rows).toHaveCount(defaultCount + 1);
  const added = rows.last();
  await expect(added).toHaveAttribute('data-key', /^custom-[a-z0-9]{8}$/);
  await expect(added.locator('[data-testid="checklist-label"][data-lang="en"]')).toBeFocused();
  await added.locator('[data-testid="checklist-label"][data-lang="en"]').fill('Send the brochure');
  await added.locator('[data-testid="checklist-label"][data-lang="fr"]').fill('Envoyer la plaquette');
  await added.getByTestId('checklist-exit').check();
  await expectNoSeriousA11yViolations(page);
  await page.getByTestId('playbook-save').click();

  await expect(tab).toHaveAttribute('data-customized', 'true');
  await expect(rows).toHaveCount(defaultCount + 1);
  await expect(rows.last().locator('[data-testid="checklist-label"][data-lang="fr"]')).toHaveValue('Envoyer la plaquette');
  const stored = await storedSettings();
  const checklist = stored?.playbook.contact?.checklist ?? [];
  expect(checklist).toHaveLength(defaultCount + 1);
  expect(checklist.at(-1)).toMatchObject({ label: { fr: 'Envoyer la plaquette', en: 'Send the brochure' }, exit: true });

  await page.reload();
  await tab.click();
  await expect(rows).toHaveCount(defaultCount + 1);

  await page.getByTestId('playbook-reset').click();
  await expect(tab).toHaveAttribute('data-customized', 'false');
  await expect(rows).toHaveCount(defaultCount);
  expect((await storedSettings())?.playbook.contact).toBeUndefined();
});
