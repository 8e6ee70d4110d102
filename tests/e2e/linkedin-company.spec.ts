import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type Extension, launchExtension, openSidePanel, servePages, tabIdOf } from './support/extension';
import { PROFILES, profilePage } from './support/linkedin-pages';

let extension: Extension;

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, 'https://www.linkedin.com/in/**', () => profilePage(PROFILES['camille-laurent-4b2a19'] ?? fail()));
  const companyPage = readFileSync(path.resolve(import.meta.dirname, '../fixtures/linkedin-company/2023-app-org-top-card.html'), 'utf8');
  await servePages(extension.context, 'https://www.linkedin.com/company/**', () => companyPage);
});

test.afterAll(async () => {
  await extension?.close();
});

function fail(): never {
  throw new Error('missing fixture');
}

test('a company page is recognised as a company and lists the prospects who work there', async () => {
  const profile = await extension.context.newPage();
  await profile.goto('https://www.linkedin.com/in/camille-laurent-4b2a19/');
  const profilePanel = await openSidePanel(extension, await tabIdOf(extension, profile));
  await profilePanel.getByTestId('add-prospect').click();
  await expect(profilePanel.getByTestId('prospect-name')).toHaveText('Camille Laurent');
  await profilePanel.close();

  const company = await extension.context.newPage();
  await company.goto('https://www.linkedin.com/company/transports-morel/');
  const panel = await openSidePanel(extension, await tabIdOf(extension, company));
  await expect(panel.getByTestId('company-name')).toHaveText('Transports Morel');
  await expect(panel.getByText('201-500 employés')).toBeVisible();
  const person = panel.getByTestId('company-prospect');
  await expect(person).toHaveAttribute('data-prospect-name', 'Camille Laurent');
  await person.click();
  await expect(panel.getByTestId('prospect-name')).toHaveText('Camille Laurent');
});
