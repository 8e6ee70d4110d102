import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { type Extension, launchExtension, openSidePanel, servePages, tabIdOf } from './support/extension';
import { PROFILES, profilePage } from './support/linkedin-pages';

test.describe.configure({ mode: 'serial' });

let extension: Extension;
let panel: Page;

const stage = (page: Page) => page.getByTestId('prospect-stage');

async function seedOffer() {
  await extension.worker.evaluate(async () => {
    const { db } = (globalThis as unknown as { __relanceTest: { db: { offers: { put(o: unknown): Promise<unknown> } } } }).__relanceTest;
    const now = Date.now();
    await db.offers.put({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Connecteur CRM-ERP',
      pitch: 'Vos commandes passent du CRM à l’ERP sans ressaisie.',
      benefits: ['Fin de la double saisie des commandes', 'Tableaux de bord commerciaux en temps réel'],
      limits: ['Pas de connecteur pour les ERP développés en interne'],
      proofPoints: [],
      objections: [
        { objection: 'C’est trop cher', answer: 'Le retour sur investissement est atteint en six mois.' },
        { objection: 'Nous avons déjà un intégrateur', answer: 'Nous travaillons avec lui : le connecteur est standard.' },
      ],
      createdAt: now,
      updatedAt: now,
    });
  });
}

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, 'https://www.linkedin.com/in/**', () => {
    const person = PROFILES['thomas-girard-88'];
    if (!person) throw new Error('no fake profile');
    return profilePage(person);
  });
  await seedOffer();
  const profile = await extension.context.newPage();
  await profile.goto('https://www.linkedin.com/in/thomas-girard-88/');
  panel = await openSidePanel(extension, await tabIdOf(extension, profile));
  await panel.getByTestId('add-prospect').click();
  await expect(stage(panel)).toHaveAttribute('data-stage', 'prospecting');
});

test.afterAll(async () => {
  await extension?.close();
});

test('the panel has no serious accessibility violation, in French and in English', async () => {
  await expectNoSeriousA11yViolations(panel);
  await extension.worker.evaluate(() =>
    (globalThis as unknown as { __relanceTest: { setLanguage(l: string): Promise<unknown> } }).__relanceTest.setLanguage('en'),
  );
  await expect(panel.locator('html')).toHaveAttribute('lang', 'en');
  await expect(panel.getByText('Log a contact')).toBeVisible();
  await expectNoSeriousA11yViolations(panel);
  await extension.worker.evaluate(() =>
    (globalThis as unknown as { __relanceTest: { setLanguage(l: string): Promise<unknown> } }).__relanceTest.setLanguage('fr'),
  );
  await expect(panel.locator('html')).toHaveAttribute('lang', 'fr');
});

test('logs every channel, then accepts the relance the cadence proposes', async () => {
  for (const channel of ['call', 'email', 'linkedin', 'meeting', 'visit', 'video']) {
    await panel.locator(`[data-testid="log-contact"][data-channel="${channel}"]`).click();
    await expect(panel.getByRole('status').first()).toBeVisible();
  }
  await expect(panel.getByTestId('history-item').filter({ has: panel.locator('svg') })).toHaveCount(7);
  const proposal = panel.getByTestId('relance-proposal');
  await expect(proposal).toBeVisible();
  const due = await proposal.getAttribute('data-due');
  await panel.getByTestId('relance-proposal-accept').click();
  await expect(panel.getByTestId('next-relance')).toHaveAttribute('data-due', due ?? '');
});

test('walks through every stage with notes, seeing the gate warning, the discovery notes and the offer', async () => {
  // Prospecting → contact with every exit criterion ticked: no warning.
  for (const item of await panel.getByTestId('checklist-item').all()) await item.click();
  await panel.locator('[data-testid="stage-step"][data-stage="contact"]').click();
  await expect(stage(panel)).toHaveAttribute('data-stage', 'contact');

  // The next best action at contact: find the real decision-maker; one click goes to that point.
  await expect(panel.getByTestId('next-action')).toHaveAttribute('data-action-key', 'no-decision-maker');
  await panel.getByTestId('next-action-do').click();
  await expect(panel.locator('[data-checklist-key="contact.decision-maker"] input')).toBeFocused();

  // Contact → discovery with nothing ticked: the gate names what is missing.
  await panel.locator('[data-testid="stage-step"][data-stage="discovery"]').click();
  await expect(panel.getByRole('alert')).toContainText('Vrai décideur identifié');
  await panel.getByTestId('stage-confirm').click();
  await expect(stage(panel)).toHaveAttribute('data-stage', 'discovery');

  // Discovery: a note on the needs point, reused at the proposal stage.
  await panel.getByRole('button', { name: /Ajouter une note.*Besoins explicites/ }).click();
  const note = panel.getByRole('textbox', { name: /Ajouter une note.*Besoins explicites/ });
  await note.fill('Fin de la double saisie des commandes');
  await note.press('Enter');
  await expect(panel.getByText('Fin de la double saisie des commandes')).toBeVisible();

  await panel.locator('[data-testid="stage-step"][data-stage="proposal"]').click();
  await panel.getByTestId('stage-confirm').click();
  await expect(stage(panel)).toHaveAttribute('data-stage', 'proposal');
  await expect(panel.getByTestId('discovery-recap')).toContainText('Fin de la double saisie des commandes');
  // The matching benefit comes first, with the need it answers.
  await expect(panel.getByTestId('offer-benefits').locator('li').first()).toContainText('↔ Fin de la double saisie');
  await expect(panel.getByTestId('offer-objection')).toHaveCount(2);
  await panel.getByRole('searchbox', { name: 'Chercher une objection' }).fill('cher');
  await expect(panel.getByTestId('offer-objection')).toHaveCount(1);
  await expect(panel.getByTestId('offer-objection')).toContainText('six mois');

  await panel.locator('[data-testid="stage-step"][data-stage="closing"]').click();
  await panel.getByTestId('stage-confirm').click();
  await expect(stage(panel)).toHaveAttribute('data-stage', 'closing');

  // Won at closing: the prospect becomes a client in the follow-up stage.
  await panel.getByTestId('outcome-won').click();
  await expect(stage(panel)).toHaveAttribute('data-stage', 'relationship');
  await expect(panel.getByTestId('outcome')).toHaveAttribute('data-outcome', 'won');
  await expect(panel.getByText('Client', { exact: true })).toBeVisible();
  await expect(panel.getByTestId('history-item').filter({ hasText: 'passage forcé' })).toHaveCount(3);
});

test('a lost deal records its reason and can be reopened', async () => {
  // Another deal with the same person, back at closing without an outcome.
  await extension.worker.evaluate(async () => {
    const { db } = (
      globalThis as unknown as {
        __relanceTest: { db: { prospects: { toCollection(): { modify(f: (p: Record<string, unknown>) => void): Promise<number> } } } };
      }
    ).__relanceTest;
    await db.prospects.toCollection().modify((p) => {
      delete p.outcome;
    });
  });
  await panel.locator('[data-testid="stage-step"][data-stage="closing"]').click();
  await expect(stage(panel)).toHaveAttribute('data-stage', 'closing');
  await panel.getByTestId('outcome-lost').click();
  await panel.getByRole('textbox', { name: 'Raison de la perte' }).fill('Budget gelé');
  await panel.getByTestId('outcome-lost-confirm').click();
  await expect(panel.getByTestId('outcome')).toContainText('Budget gelé');
  await panel.getByTestId('outcome-reopen').click();
  await expect(panel.getByTestId('outcome-lost')).toBeVisible();
});

test('edits a field by hand and erases the prospect, then undoes the erasure', async () => {
  await panel.getByRole('button', { name: 'Modifier' }).click();
  await panel.getByLabel('Poste').fill('Directeur des opérations');
  await panel.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(panel.getByText('Directeur des opérations · Brightwave Logistics')).toBeVisible();

  const historyCount = await panel.getByTestId('history-item').count();
  await panel.getByTestId('erase-prospect').click();
  await panel.getByTestId('erase-confirm').click();
  await expect(panel.getByTestId('add-prospect')).toBeVisible();
  await panel.getByTestId('toast-action').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText('Thomas Girard');
  await expect(panel.getByTestId('history-item')).toHaveCount(historyCount);
  await expect(panel.getByText('Directeur des opérations · Brightwave Logistics')).toBeVisible();
});
